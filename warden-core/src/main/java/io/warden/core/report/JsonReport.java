package io.warden.core.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.AtomicFile;
import io.warden.core.finding.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The machine-readable summary of a scan ({@code warden scan --json}): stable, pretty-printed JSON.
 *
 * <p>Stable means: fields in a fixed order, maps sorted by key (the class-size histogram numerically), instants
 * as ISO-8601 UTC strings, fractions rounded to six significant digits, {@code \n} line ends — the same report
 * always gives the same bytes. Readers should check {@code schemaVersion}; it changes only when a field changes
 * meaning or disappears (new fields may appear without a bump). Finding values appear only when the findings
 * carry them (the user asked with {@code --show-values}).
 */
public final class JsonReport {
    /** Version of this document's layout. */
    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {}

    /** The report as a JSON document, ending with a newline. */
    public static String render(ScanReport report) {
        return JsonOut.toString(tree(report));
    }

    /** Writes the report to {@code out} as UTF-8 (does not close it). */
    public static void write(ScanReport report, OutputStream out) throws IOException {
        JsonOut.write(tree(report), out);
    }

    /** Writes the report to {@code target} atomically; fails with {@code OUTPUT_FAILED}. */
    public static void write(ScanReport report, Path target) {
        ObjectNode tree = tree(report);
        AtomicFile.write(target, out -> JsonOut.write(tree, out));
    }

    static ObjectNode tree(ScanReport r) {
        requireNonNull(r, "report");
        ObjectNode root = JsonOut.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", r.tool());
        root.put("input", r.input());
        root.put("format", r.format());
        root.put("started", r.started() == null ? null : DateTimeFormatter.ISO_INSTANT.format(r.started()));
        root.put("durationMillis", r.durationMillis());
        root.put("bytes", r.bytes());
        root.put("records", r.records());
        root.put("fields", r.fields());
        var mbps = ReportText.megabytesPerSecond(r.bytes(), r.durationMillis());
        if (mbps.isPresent()) {
            JsonOut.putDecimal(root, "megabytesPerSecond", mbps.getAsDouble());
        } else {
            root.putNull("megabytesPerSecond");
        }
        root.put("totalFindings", r.totalFindings());
        root.set("entityCounts", counts(r.entityCounts()));
        ObjectNode byField = root.putObject("fieldEntityCounts");
        r.fieldEntityCounts().forEach((field, counts) -> byField.set(field, counts(counts)));
        ArrayNode columns = root.putArray("columns");
        r.columns().forEach(c -> columns.add(column(c)));
        if (r.risk() == null) {
            root.putNull("risk");
        } else {
            root.set("risk", risk(r.risk()));
        }
        root.set("gate", gate(r.gate()));
        ArrayNode sample = root.putArray("sample");
        r.sample().forEach(f -> sample.add(finding(f)));
        root.put("sampleTruncated", r.sampleTruncated());
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode node = JsonOut.object();
        counts.forEach(node::put); // already sorted by the record
        return node;
    }

    private static ObjectNode column(ColumnClass c) {
        ObjectNode node = JsonOut.object();
        node.put("field", c.field());
        node.put("entity", c.entity());
        JsonOut.putDecimal(node, "share", c.share());
        node.put("nonEmpty", c.nonEmpty());
        ObjectNode shares = node.putObject("entityShares");
        c.entityShares().forEach((e, s) -> JsonOut.putDecimal(shares, e, s));
        return node;
    }

    private static ObjectNode risk(ReidRisk k) {
        ObjectNode node = JsonOut.object();
        ArrayNode qi = node.putArray("quasiIdentifiers");
        k.quasiIdentifiers().forEach(qi::add);
        node.put("records", k.records());
        node.put("classes", k.classes());
        node.put("uniqueRecords", k.uniqueRecords());
        JsonOut.putDecimal(node, "uniqueShare", k.uniqueShare());
        JsonOut.putDecimal(node, "maxRisk", k.maxRisk());
        JsonOut.putDecimal(node, "averageRisk", k.averageRisk());
        JsonOut.putDecimal(node, "recordsAtRiskShare", k.recordsAtRiskShare());
        JsonOut.putDecimal(node, "riskThreshold", k.riskThreshold());
        ObjectNode histogram = node.putObject("classSizeHistogram");
        k.classSizeHistogram().forEach((size, n) -> histogram.put(Long.toString(size), n)); // numeric key order
        return node;
    }

    private static ObjectNode gate(GateResult g) {
        ObjectNode node = JsonOut.object();
        if (g == null) {
            node.putNull("passed");
            node.putArray("violations");
            return node;
        }
        node.put("passed", g.passed());
        ArrayNode violations = node.putArray("violations");
        for (GateResult.Violation v : g.violations()) {
            violations.addObject()
                    .put("entity", v.entity())
                    .put("field", v.field())
                    .put("count", v.count())
                    .put("allowed", v.allowed());
        }
        return node;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = JsonOut.object();
        node.put("record", f.record());
        node.put("field", f.field());
        node.put("start", f.start());
        node.put("end", f.end());
        node.put("entity", f.entity());
        JsonOut.putDecimal(node, "score", f.score());
        node.put("detector", f.detector());
        if (f.value() != null) node.put("value", f.value());
        return node;
    }
}
