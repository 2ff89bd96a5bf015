package io.warden.detect.eval;

import java.util.Locale;

/** Renders an {@link EvalReport} as fixed-width console text. */
final class ReportTable {
    private ReportTable() {}

    static String scores(EvalReport r) {
        int width = "overall (micro)".length();
        for (EntityScore s : r.entities()) width = Math.max(width, s.entity().length());
        String f = fName(r.beta());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "%d records; a match is the same entity with IoU >= %.2f; %s = F-beta, beta %s%n%n",
                r.records(), r.overlapThreshold(), f, trim(r.beta())));
        String head = "%-" + width + "s %7s %7s %7s %7s %7s %9s %7s %7s%n";
        out.append(String.format(Locale.ROOT, head, "entity", "gold", "pred", "TP", "FP", "FN", "precision",
                "recall", f));
        for (EntityScore s : r.entities()) row(out, width, s.entity(), s);
        out.append("-".repeat(width + 8 * 5 + 10 + 8 + 8)).append('\n');
        row(out, width, "overall (micro)", r.overall());
        if (!r.notProducible().isEmpty()) {
            out.append('\n').append("not produced by any recognizer (all counted as missed): ")
                    .append(String.join(", ", r.notProducible()))
                    .append("\n  map them (--map NAME=OURS) or restrict the scored entities (--entities)\n");
        }
        long errors = r.overall().falsePositives() + r.overall().falseNegatives();
        out.append('\n').append(String.format(Locale.ROOT, "errors: %d false positives, %d false negatives",
                r.overall().falsePositives(), r.overall().falseNegatives()));
        if (errors > 0) out.append("; ").append(r.errors().size()).append(" examples kept");
        out.append('\n');
        return out.toString();
    }

    static String errors(EvalReport r, int max) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (ErrorExample e : r.errors()) {
            if (n++ >= max) break;
            out.append(String.format(Locale.ROOT, "%s %-12s record %-6d %-20s %d..%d", e.kind().abbreviation(),
                    e.reason(), e.record(), e.entity(), e.start(), e.end()));
            if (e.otherEntity() != null) out.append(" (other side: ").append(e.otherEntity()).append(')');
            if (e.context() != null) out.append("  ").append(oneLine(e.context()));
            out.append('\n');
        }
        long rest = r.errors().size() - Math.min(max, r.errors().size()) + r.errorsOmitted();
        if (rest > 0) out.append("... and ").append(rest).append(" more\n");
        return out.toString();
    }

    private static void row(StringBuilder out, int width, String name, EntityScore s) {
        out.append(String.format(Locale.ROOT, "%-" + width + "s %7d %7d %7d %7d %7d %9s %7s %7s%n", name, s.gold(),
                s.predicted(), s.truePositives(), s.falsePositives(), s.falseNegatives(), num(s.precision()),
                num(s.recall()), num(s.fScore())));
    }

    static String fName(double beta) {
        return "F" + trim(beta);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
