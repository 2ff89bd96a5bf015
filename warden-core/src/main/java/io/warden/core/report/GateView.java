package io.warden.core.report;

/**
 * Questions the renderers ask of a gate verdict; a missing verdict ({@code null}) counts as passed.
 *
 * @param gate the verdict, or {@code null} when the scan had no gate
 */
record GateView(GateResult gate) {
    boolean passed() {
        return gate == null || gate.passed();
    }

    int violationCount() {
        return gate == null ? 0 : gate.violations().size();
    }

    /** Whether any violation names {@code entity}. */
    boolean failedOn(String entity) {
        return gate != null && gate.violations().stream().anyMatch(v -> v.entity().equals(entity));
    }

    /** Whether a violation names {@code entity} in {@code field}, or in every field ({@code "*"}). */
    boolean failedOn(String entity, String field) {
        return gate != null && gate.violations().stream()
                .anyMatch(v -> v.entity().equals(entity) && (v.field().equals("*") || v.field().equals(field)));
    }

    /** {@code "gate passed"}, {@code "gate failed: 2 violations"}. */
    String description() {
        if (passed()) return "gate passed";
        int n = violationCount();
        return "gate failed: " + n + (n == 1 ? " violation" : " violations");
    }

    /** {@code EMAIL_ADDRESS in 'notes': 9,000 found, 0 allowed} ({@code in any field} for {@code "*"}). */
    static String describe(GateResult.Violation v) {
        String where = v.field().equals("*") ? "in any field" : "in '" + v.field() + "'";
        return v.entity() + " " + where + ": " + ReportText.count(v.count()) + " found, "
                + ReportText.count(v.allowed()) + " allowed";
    }
}
