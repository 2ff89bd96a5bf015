package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.Version;
import io.warden.core.io.JsonDocuments;
import io.warden.core.io.InputFormat;
import io.warden.core.policy.Dp;
import io.warden.protect.dp.Release.Part;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release file {@code warden dp} writes: every query's noisy value with how it was made (mechanism, cost,
 * contribution bounds, sensitivities and exact noise), the input's hash, and the ledger's state after the run.
 * Format reference: {@code docs/dp.md}.
 *
 * <p>Everything in it is differentially private or data-independent, except the {@code not_differentially_private}
 * section: exact counts of records and values the queries left out, for the data owner.
 *
 * @param dataset the dataset id the ledger is kept for
 * @param input the input file as given
 * @param format the input format read
 * @param inputSha256 SHA-256 of the input file, hex
 * @param ledger the ledger file
 * @param privacyUnit the privacy unit's column, or null when each record is its own unit
 * @param outcomes one per query, in policy order
 * @param ledgerAfter the ledger as it was after the run's spends
 * @param recordsWithoutUnit records left out for having no privacy unit (exact)
 * @param warnings the input reader's warnings (e.g. replaced invalid UTF-8); never values
 * @param created when the release was made
 */
public record DpReport(
        String dataset,
        String input,
        InputFormat format,
        String inputSha256,
        String ledger,
        String privacyUnit,
        List<Outcome> outcomes,
        BudgetLedger.Snapshot ledgerAfter,
        long recordsWithoutUnit,
        List<String> warnings,
        Instant created) {

    public static final String FORMAT = "warden-dp-release";

    public DpReport {
        requireNonNull(dataset, "dataset");
        requireNonNull(input, "input");
        requireNonNull(format, "format");
        requireNonNull(inputSha256, "inputSha256");
        requireNonNull(ledger, "ledger");
        outcomes = List.copyOf(outcomes);
        requireNonNull(ledgerAfter, "ledgerAfter");
        warnings = List.copyOf(warnings);
        requireNonNull(created, "created");
    }

    /**
     * One query's release.
     *
     * @param step the planned query
     * @param release what the aggregator released
     * @param numbers the column read as numbers (numeric queries), for the counts of values left out; else null
     */
    public record Outcome(DpPlan.Step step, Release<?> release, DpColumns.Numbers numbers) {
        public Outcome {
            requireNonNull(step, "step");
            requireNonNull(release, "release");
        }
    }

    /** The epsilon this run spent. */
    public BigDecimal epsilon() {
        return outcomes.stream().map(o -> o.step().cost().exactEpsilon()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The delta this run spent. */
    public BigDecimal delta() {
        return outcomes.stream().map(o -> o.step().cost().exactDelta()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The release as a JSON tree (maps and lists in a stable order). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("tool", "warden " + Version.VERSION);
        m.put("created", created.toString());
        m.put("dataset", dataset);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("path", input);
        in.put("format", format.name());
        in.put("sha256", inputSha256);
        m.put("input", in);
        m.put("privacy_unit", privacyUnit);
        m.put("cost", cost(epsilon(), delta()));
        m.put("queries", outcomes.stream().map(DpReport::query).toList());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("path", ledger);
        l.put("total", cost(ledgerAfter.total().exactEpsilon(), ledgerAfter.total().exactDelta()));
        l.put("spent", cost(ledgerAfter.spentEpsilon(), ledgerAfter.spentDelta()));
        l.put("remaining", cost(ledgerAfter.remainingEpsilon(), ledgerAfter.remainingDelta()));
        l.put("releases", ledgerAfter.spends().size());
        m.put("ledger", l);
        Map<String, Object> exact = new LinkedHashMap<>();
        exact.put("note", "exact counts from the input, not differentially private: for the data owner; remove this"
                + " section before sharing the release");
        exact.put("records_without_privacy_unit", recordsWithoutUnit);
        Map<String, Object> left = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.numbers() == null) continue;
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("column", o.step().query().column());
            q.put("missing", o.numbers().missing());
            q.put("non_numeric", o.numbers().nonNumeric());
            left.put(o.step().query().name(), q);
        }
        exact.put("values_left_out", left);
        exact.put("reader_warnings", warnings);
        m.put("not_differentially_private", exact);
        return m;
    }

    /** Writes the release as indented JSON. */
    public void write(OutputStream out) {
        JsonDocuments.write(toJson(), out);
    }

    /** Shape only. */
    @Override
    public String toString() {
        return "DpReport[" + dataset + ", " + outcomes.size() + " queries]";
    }

    private static Map<String, Object> query(Outcome o) {
        Dp.Query q = o.step().query();
        Release<?> r = o.release();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", q.name());
        m.put("type", q.type().label());
        if (q.column() != null) m.put("column", q.column());
        m.put("value", value(q, r.value()));
        m.put("mechanism", r.mechanism());
        m.put("epsilon", exact(r.cost().epsilon()));
        m.put("delta", exact(r.cost().delta()));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("max_contributions", r.bounds().maxContributions());
        ContributionBounds.ValueRange range = r.bounds().values();
        if (range != null) {
            b.put("lower", exact(range.lower()));
            b.put("upper", exact(range.upper()));
            b.put("granularity", exact(range.granularity()));
        }
        m.put("contribution_bounds", b);
        m.put("parts", r.parts().stream().map(DpReport::part).toList());
        return m;
    }

    private static Object value(Dp.Query q, Object value) {
        if (q.type() != Dp.Type.QUANTILES) return value; // a count (long), a sum or mean (double), or category counts
        List<?> values = (List<?>) value;
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rank", q.ranks().get(i));
            e.put("value", values.get(i));
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> part(Part p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("sensitivity", p.sensitivity());
        m.put("draws", p.draws());
        Map<String, Object> noise = new LinkedHashMap<>();
        noise.put("distribution", p.noise().distribution());
        noise.put("scale", p.scale());
        switch (p.noise()) {
            case DiscreteLaplace l -> noise.put("b", l.scale().toString());
            case DiscreteGaussian g -> noise.put("sigma_squared", g.sigmaSquared().toString());
        }
        m.put("noise", noise);
        return m;
    }

    private static Map<String, Object> cost(BigDecimal epsilon, BigDecimal delta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", epsilon.stripTrailingZeros());
        m.put("delta", delta.stripTrailingZeros());
        return m;
    }

    /** A double as the shortest decimal that prints as it (as the ledger reads it): 0.1, not 0.1000000000000000055. */
    private static BigDecimal exact(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros();
    }
}
