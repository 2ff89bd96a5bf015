package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.core.finding.Finding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void render_sameReport_sameBytes() {
        assertThat(JsonReport.render(Reports.table())).isEqualTo(JsonReport.render(Reports.table()));
    }

    @Test
    void render_fieldsInFixedOrder() throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(JsonReport.render(Reports.table())).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("schemaVersion", "tool", "input", "format", "started", "durationMillis",
                "bytes", "records", "fields", "megabytesPerSecond", "totalFindings", "entityCounts",
                "fieldEntityCounts", "columns", "risk", "gate", "sample", "sampleTruncated", "warnings");
    }

    @Test
    void render_prettyWithUnixLineEnds() {
        String json = JsonReport.render(Reports.table());
        assertThat(json).startsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": \"warden 0.1.0\",\n").endsWith("}\n")
                .doesNotContain("\r");
    }

    @Test
    void render_mapsSorted_histogramNumerically() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(Reports.table()));
        assertThat(keys(root.get("entityCounts"))).isSorted();
        assertThat(keys(root.get("fieldEntityCounts"))).isSorted();
        assertThat(keys(root.get("fieldEntityCounts").get("notes"))).isSorted();
        assertThat(keys(root.at("/risk/classSizeHistogram")))
                .containsExactly("1", "2", "3", "4", "6", "9", "15", "40", "120", "1450");
    }

    @Test
    void roundTrip_givesTheSameNumbers() throws Exception {
        ScanReport r = Reports.table();
        JsonNode root = JSON.readTree(JsonReport.render(r));
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(JsonReport.SCHEMA_VERSION);
        assertThat(Instant.parse(root.get("started").asText())).isEqualTo(r.started());
        assertThat(root.get("durationMillis").asLong()).isEqualTo(r.durationMillis());
        assertThat(root.get("bytes").asLong()).isEqualTo(r.bytes());
        assertThat(root.get("records").asLong()).isEqualTo(r.records());
        assertThat(root.get("fields").asLong()).isEqualTo(r.fields());
        assertThat(root.get("totalFindings").asLong()).isEqualTo(r.totalFindings());
        r.entityCounts().forEach((e, c) -> assertThat(root.at("/entityCounts/" + e).asLong()).isEqualTo(c));
        r.fieldEntityCounts().forEach((f, m) -> m.forEach((e, c) ->
                assertThat(root.get("fieldEntityCounts").get(f).get(e).asLong()).isEqualTo(c)));
        for (int i = 0; i < r.columns().size(); i++) {
            ColumnClass c = r.columns().get(i);
            JsonNode n = root.get("columns").get(i);
            assertThat(n.get("field").asText()).isEqualTo(c.field());
            assertThat(n.get("share").asDouble()).isEqualTo(c.share()); // four decimals survive exactly
            assertThat(n.get("nonEmpty").asLong()).isEqualTo(c.nonEmpty());
            c.entityShares().forEach((e, s) -> assertThat(n.get("entityShares").get(e).asDouble()).isEqualTo(s));
            if (c.entity() == null) assertThat(n.get("entity").isNull()).isTrue();
        }
        ReidRisk k = r.risk();
        JsonNode risk = root.get("risk");
        assertThat(risk.get("records").asLong()).isEqualTo(k.records());
        assertThat(risk.get("classes").asLong()).isEqualTo(k.classes());
        assertThat(risk.get("uniqueRecords").asLong()).isEqualTo(k.uniqueRecords());
        assertThat(risk.get("uniqueShare").asDouble()).isCloseTo(k.uniqueShare(), within(1e-6 * k.uniqueShare()));
        assertThat(risk.get("averageRisk").asDouble()).isCloseTo(k.averageRisk(), within(1e-6 * k.averageRisk()));
        assertThat(risk.get("maxRisk").asDouble()).isEqualTo(k.maxRisk());
        assertThat(risk.get("recordsAtRiskShare").asDouble()).isEqualTo(k.recordsAtRiskShare());
        assertThat(risk.get("riskThreshold").asDouble()).isEqualTo(k.riskThreshold());
        k.classSizeHistogram().forEach((size, n) ->
                assertThat(risk.get("classSizeHistogram").get(Long.toString(size)).asLong()).isEqualTo(n));
        for (int i = 0; i < r.sample().size(); i++) {
            Finding f = r.sample().get(i);
            JsonNode n = root.get("sample").get(i);
            assertThat(List.of(n.get("record").asLong(), n.get("start").asLong(), n.get("end").asLong()))
                    .containsExactly(f.record(), f.start(), f.end());
            assertThat(n.get("score").asDouble()).isEqualTo(f.score());
            assertThat(n.get("field").asText()).isEqualTo(f.field());
            assertThat(n.get("entity").asText()).isEqualTo(f.entity());
            assertThat(n.get("detector").asText()).isEqualTo(f.detector());
        }
        assertThat(root.at("/gate/passed").asBoolean()).isFalse();
        assertThat(root.at("/gate/violations/1/field").asText()).isEqualTo("*");
        assertThat(root.get("sampleTruncated").asBoolean()).isTrue();
        assertThat(root.get("warnings")).hasSize(2);
    }

    @Test
    void doubles_roundedToSixSignificantDigits_writtenPlain() throws Exception {
        ScanReport t = Reports.table();
        var risk = new ReidRisk(List.of("a"), 3, 1, 0, 1.0 / 3, 1.0 / 3, 0.000000123456789, 0.0, 0.2,
                new java.util.TreeMap<>(Map.of(3L, 1L)));
        ScanReport r = new ScanReport(t.tool(), t.input(), t.format(), t.started(), 3, 10, 1, 1, 0, Map.of(),
                Map.of(), List.of(), risk, t.gate(), List.of(), false, List.of());
        String json = JsonReport.render(r);
        assertThat(json).contains("\"uniqueShare\": 0.333333,").contains("\"averageRisk\": 0.000000123457,")
                .contains("\"recordsAtRiskShare\": 0,").contains("\"riskThreshold\": 0.2,")
                .contains("\"megabytesPerSecond\": 0.00333333,").doesNotContain("E-");
        assertThat(JSON.readTree(json).at("/risk/uniqueShare").asDouble()).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void emptyReport_hasNullRiskAndThroughputWhenUnknown() throws Exception {
        ScanReport e = Reports.empty();
        ScanReport zeroTime = new ScanReport(e.tool(), e.input(), e.format(), e.started(), 0, 0, 0, 0, 0, Map.of(),
                Map.of(), List.of(), null, e.gate(), List.of(), false, List.of());
        JsonNode root = JSON.readTree(JsonReport.render(zeroTime));
        assertThat(root.get("risk").isNull()).isTrue();
        assertThat(root.get("megabytesPerSecond").isNull()).isTrue();
        assertThat(root.get("sample")).isEmpty();
        assertThat(root.at("/gate/passed").asBoolean()).isTrue();
    }

    @Test
    void values_absentWhenStripped_presentOnlyWhenKept() throws Exception {
        String stripped = JsonReport.render(Reports.table());
        assertThat(stripped).doesNotContain(Reports.MARKER).doesNotContain("\"value\"");
        String kept = JsonReport.render(Reports.withValues());
        assertThat(JSON.readTree(kept).at("/sample/0/value").asText()).isEqualTo(Reports.MARKER);
    }

    @Test
    void unicodeAndHostileNames_survive() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(Reports.hostile()));
        assertThat(root.get("input").asText()).isEqualTo("dir/<svg onload=alert(1)>.csv");
        assertThat(root.at("/sample/1/field").asText()).isEqualTo("\u001b[31mred\u001b[0m\u0007");
    }

    @Test
    void write_toStreamAndPath_givesTheRenderedBytes(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        JsonReport.write(Reports.table(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JsonReport.render(Reports.table()));
        Path target = dir.resolve("report.json");
        JsonReport.write(Reports.table(), target);
        assertThat(Files.readString(target)).isEqualTo(JsonReport.render(Reports.table()));
        assertThat(dir.toFile().list()).containsExactly("report.json");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
