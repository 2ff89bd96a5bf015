package io.warden.core.report;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short human summary {@code warden scan} prints at the end: what was read how fast, findings per entity,
 * the fields they sit in, re-identification risk, warnings and the gate's verdict.
 *
 * <p>Plain text with {@code \n} line ends; ANSI colours only when asked. Names from the data pass through
 * {@link ReportText#printable} first, so a hostile file or field name cannot emit terminal escape sequences.
 */
public final class ConsoleReport {
    /** Most entities listed; the rest are summed in one line. */
    static final int MAX_ENTITIES = 12;
    /** Most fields named in the "top fields" line. */
    static final int MAX_FIELDS = 5;
    /** Most warnings printed; the rest are counted. */
    static final int MAX_WARNINGS = 5;

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[1;32m";
    private static final String YELLOW = "\u001b[33m";

    private final boolean ansi;
    private final StringBuilder out = new StringBuilder(1024);

    private ConsoleReport(boolean ansi) {
        this.ansi = ansi;
    }

    /** The summary as text ending with a newline; {@code ansi} adds colour escape sequences. */
    public static String render(ScanReport report, boolean ansi) {
        requireNonNull(report, "report");
        ConsoleReport c = new ConsoleReport(ansi);
        c.header(report);
        c.findings(report);
        c.columns(report.columns());
        c.risk(report.risk());
        c.warnings(report.warnings());
        c.gate(report.gate());
        return c.out.toString();
    }

    private void header(ScanReport r) {
        out.append(style(BOLD, "warden scan")).append("  ").append(clean(r.input()))
                .append(style(DIM, " (" + clean(r.format()) + ")")).append('\n');
        out.append("  ").append(ReportText.count(r.records())).append(" records · ")
                .append(ReportText.count(r.fields())).append(" values · ").append(ReportText.bytes(r.bytes()))
                .append(" in ").append(ReportText.duration(r.durationMillis())).append(" · ")
                .append(ReportText.throughput(r.bytes(), r.durationMillis())).append('\n');
    }

    private void findings(ScanReport r) {
        out.append('\n');
        if (r.totalFindings() == 0) {
            out.append(style(BOLD, "No findings.")).append('\n');
            return;
        }
        out.append(style(BOLD, "Findings: " + ReportText.count(r.totalFindings()))).append('\n');
        List<Map.Entry<String, Long>> entities = byCount(r.entityCounts());
        List<Map.Entry<String, Long>> shown = entities.subList(0, Math.min(entities.size(), MAX_ENTITIES));
        int nameW = shown.stream().mapToInt(e -> width(shorten(e.getKey()))).max().orElse(6);
        int countW = shown.stream().mapToInt(e -> ReportText.count(e.getValue()).length()).max().orElse(1);
        for (var e : shown) {
            String name = shorten(e.getKey());
            String count = ReportText.count(e.getValue());
            double share = r.totalFindings() == 0 ? 0 : (double) e.getValue() / r.totalFindings();
            out.append("  ").append(name).append(" ".repeat(nameW - width(name) + 2))
                    .append(" ".repeat(countW - count.length())).append(count).append("  ")
                    .append(style(DIM, pad(ReportText.percent(share), 6))).append('\n');
        }
        if (entities.size() > shown.size()) {
            long rest = entities.subList(shown.size(), entities.size()).stream().mapToLong(Map.Entry::getValue).sum();
            out.append(style(DIM, "  … " + (entities.size() - shown.size()) + " more entities, "
                    + ReportText.count(rest) + " findings")).append('\n');
        }
        Map<String, Long> fieldTotals = new TreeMap<>();
        r.fieldEntityCounts().forEach((f, m) ->
                fieldTotals.put(f, m.values().stream().mapToLong(Long::longValue).sum()));
        List<Map.Entry<String, Long>> fields = byCount(fieldTotals);
        if (!fields.isEmpty()) {
            out.append("  top fields: ");
            for (int i = 0; i < Math.min(fields.size(), MAX_FIELDS); i++) {
                var f = fields.get(i);
                out.append(i == 0 ? "" : ", ").append(shorten(f.getKey())).append(' ')
                        .append(style(DIM, ReportText.count(f.getValue())));
            }
            if (fields.size() > MAX_FIELDS) out.append(style(DIM, " … " + (fields.size() - MAX_FIELDS) + " more"));
            out.append('\n');
        }
        if (r.sampleTruncated()) {
            out.append(style(DIM, "  reports keep the first " + ReportText.count(r.sample().size())
                    + " findings; --findings FILE.jsonl writes them all")).append('\n');
        }
    }

    /** "Columns holding an entity: email EMAIL_ADDRESS 100%, ..." for tables; nothing for text. */
    private void columns(List<ColumnClass> columns) {
        List<ColumnClass> held = columns.stream().filter(c -> c.entity() != null).toList();
        if (held.isEmpty()) return;
        out.append('\n').append(style(BOLD, "Columns holding an entity")).append(" (of ")
                .append(ReportText.count(columns.size())).append(")\n");
        int nameW = held.stream().mapToInt(c -> width(shorten(c.field()))).max().orElse(6);
        int entityW = held.stream().mapToInt(c -> width(shorten(c.entity()))).max().orElse(6);
        for (ColumnClass c : held) {
            String name = shorten(c.field());
            String entity = shorten(c.entity());
            out.append("  ").append(name).append(" ".repeat(nameW - width(name) + 2)).append(entity)
                    .append(" ".repeat(entityW - width(entity) + 2))
                    .append(style(DIM, ReportText.percent(c.share()))).append('\n');
        }
    }

    private void risk(ReidRisk k) {
        if (k == null) return;
        out.append('\n').append(style(BOLD, "Re-identification risk")).append(" over ");
        for (int i = 0; i < k.quasiIdentifiers().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(shorten(k.quasiIdentifiers().get(i)));
        }
        out.append('\n');
        out.append("  ").append(ReportText.percent(k.uniqueShare())).append(" unique records (")
                .append(ReportText.count(k.uniqueRecords())).append(" of ").append(ReportText.count(k.records()))
                .append(") · highest risk ").append(ReportText.decimal(k.maxRisk(), 3))
                .append(" · average ").append(ReportText.decimal(k.averageRisk(), 3)).append(" · ")
                .append(ReportText.percent(k.recordsAtRiskShare())).append(" of records above ")
                .append(ReportText.decimal(k.riskThreshold(), 3)).append('\n');
    }

    private void warnings(List<String> warnings) {
        if (warnings.isEmpty()) return;
        out.append('\n').append(style(YELLOW, "Warnings (" + warnings.size() + ")")).append('\n');
        for (int i = 0; i < Math.min(warnings.size(), MAX_WARNINGS); i++) {
            out.append("  ").append(clean(warnings.get(i))).append('\n');
        }
        if (warnings.size() > MAX_WARNINGS) {
            int more = warnings.size() - MAX_WARNINGS;
            out.append(style(DIM, "  … " + more + " more in the JSON report")).append('\n');
        }
    }

    private void gate(GateResult gate) {
        out.append('\n');
        if (gate == null) {
            out.append(style(DIM, "No gate in the policy.")).append('\n');
            return;
        }
        GateView view = new GateView(gate);
        if (view.passed()) {
            out.append(style(GREEN, "GATE PASSED")).append('\n');
            return;
        }
        int n = view.violationCount();
        out.append(style(RED, "GATE FAILED")).append(": ").append(n).append(n == 1 ? " violation" : " violations")
                .append('\n');
        for (GateResult.Violation v : gate.violations()) {
            out.append("  ").append(clean(GateView.describe(v))).append('\n');
        }
    }

    private String style(String code, String text) {
        return ansi ? code + text + RESET : text;
    }

    private static String clean(String s) {
        return s == null ? "–" : ReportText.printable(s);
    }

    private static String shorten(String s) {
        return ReportText.shorten(clean(s), 40);
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    private static List<Map.Entry<String, Long>> byCount(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
