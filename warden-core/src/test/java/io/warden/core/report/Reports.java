package io.warden.core.report;

import io.warden.core.finding.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scan reports for renderer tests: empty, text, table, with values, truncated, hostile names. */
final class Reports {
    /** A value that must never appear in any output unless the findings carry values. */
    static final String MARKER = "jane.marker.7f3c@example.org";

    static final Instant STARTED = Instant.parse("2025-03-14T09:26:53.589Z");

    private Reports() {}

    static ScanReport empty() {
        return new ScanReport("warden 0.1.0", "data/empty.txt", "TEXT", STARTED, 12, 0, 0, 0, 0,
                Map.of(), Map.of(), List.of(), null, new GateResult(true, List.of()), List.of(), false, List.of());
    }

    /** Plain text read per line, gate passed, one warning; the first finding carries {@link #MARKER}. */
    static ScanReport text() {
        List<Finding> sample = List.of(
                new Finding(0, "text", 14, 42, "EMAIL_ADDRESS", 1.0, "email", MARKER),
                new Finding(3, "text", 0, 12, "PHONE_NUMBER", 0.75, "phone", "+1 415 555 0100"),
                new Finding(3, "text", 20, 39, "CREDIT_CARD", 1.0, "credit_card", "4111 1111 1111 1111"),
                new Finding(7, "text", 5, 9, "DATE_TIME", 0.6, "date", "2024"),
                new Finding(9, "text", 30, 70, "SECRET_AWS_ACCESS_KEY", 0.95, "aws", "AKIA" + "X".repeat(16)));
        return new ScanReport("warden 0.1.0", "corpus/chat logs/day 1.txt", "TEXT", STARTED, 2_350, 734_003_200,
                1_200_000, 1_200_000, 5, counts(sample), Map.of("text", counts(sample)), List.of(), null,
                new GateResult(true, List.of()), strip(sample), false,
                List.of("replaced 3 invalid UTF-8 sequences (first at byte 88211)"));
    }

    /** A customer table with classification, risk, a failed gate and values stripped. */
    static ScanReport table() {
        List<Finding> sample = new ArrayList<>();
        String[][] cells = {
            {"email", "EMAIL_ADDRESS", "email"}, {"phone", "PHONE_NUMBER", "phone"}, {"name", "PERSON", "person"},
            {"notes", "EMAIL_ADDRESS", "email"}, {"notes", "US_SSN", "us_ssn"}, {"zip", "ZIP_CODE", "zip_code"},
            {"dob", "DATE_TIME", "date"}, {"notes", "SECRET_GITHUB_TOKEN", "github_token"},
        };
        for (int rec = 0; rec < 4; rec++) {
            for (String[] c : cells) {
                sample.add(new Finding(rec, c[0], 0, 5 + rec, c[1], 0.85 + rec * 0.01, c[2], MARKER));
            }
        }
        Map<String, Map<String, Long>> byField = new LinkedHashMap<>();
        byField.put("email", Map.of("EMAIL_ADDRESS", 32_561L));
        byField.put("phone", Map.of("PHONE_NUMBER", 30_112L, "DATE_TIME", 17L));
        byField.put("name", Map.of("PERSON", 29_870L, "LOCATION", 412L, "ORGANIZATION", 96L));
        byField.put("notes", Map.of("EMAIL_ADDRESS", 212L, "US_SSN", 3L, "SECRET_GITHUB_TOKEN", 1L, "PERSON", 1_530L,
                "PHONE_NUMBER", 88L, "URL", 40L));
        byField.put("zip", Map.of("ZIP_CODE", 32_400L));
        byField.put("dob", Map.of("DATE_TIME", 32_561L));
        Map<String, Long> entities = new TreeMap<>();
        byField.values().forEach(m -> m.forEach((e, c) -> entities.merge(e, c, Long::sum)));
        long total = entities.values().stream().mapToLong(Long::longValue).sum();
        List<ColumnClass> columns = List.of(
                new ColumnClass("name", "PERSON", 0.9173, 32_561, Map.of("PERSON", 0.9173, "LOCATION", 0.0127)),
                new ColumnClass("email", "EMAIL_ADDRESS", 1.0, 32_561, Map.of("EMAIL_ADDRESS", 1.0)),
                new ColumnClass("phone", "PHONE_NUMBER", 0.9248, 32_561, Map.of("PHONE_NUMBER", 0.9248)),
                new ColumnClass("notes", null, 0.0, 20_001, Map.of("EMAIL_ADDRESS", 0.0106, "PERSON", 0.0765)),
                new ColumnClass("zip", "ZIP_CODE", 0.9951, 32_561, Map.of("ZIP_CODE", 0.9951)),
                new ColumnClass("dob", "DATE_TIME", 1.0, 32_561, Map.of("DATE_TIME", 1.0)));
        var hist = new TreeMap<Long, Long>();
        hist.put(1L, 2_871L);
        hist.put(2L, 1_144L);
        hist.put(3L, 602L);
        hist.put(4L, 391L);
        hist.put(6L, 210L);
        hist.put(9L, 122L);
        hist.put(15L, 61L);
        hist.put(40L, 20L);
        hist.put(120L, 6L);
        hist.put(1_450L, 1L);
        long records = hist.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        long classes = hist.values().stream().mapToLong(Long::longValue).sum();
        var risk = new ReidRisk(List.of("age", "zip", "sex"), records, classes, 2_871, 2_871.0 / records, 1.0,
                (double) classes / records, 0.4417, 0.2, hist);
        var gate = new GateResult(false, List.of(
                new GateResult.Violation("US_SSN", "notes", 3, 0),
                new GateResult.Violation("SECRET_GITHUB_TOKEN", "*", 1, 0)));
        return new ScanReport("warden 0.1.0", "/srv/data/customers.csv", "CSV", STARTED, 4_210, 5_123_456, 32_561,
                195_366, total, entities, byField, columns, risk, gate, strip(sample), true,
                List.of("row 1207 has 8 fields, expected 7 (extra fields ignored)",
                        "row 9050: unbalanced quote, read to end of line"));
    }

    /** {@link #table()} with the finding values kept, as with {@code --show-values}. */
    static ScanReport withValues() {
        ScanReport t = table();
        List<Finding> kept = t.sample().stream()
                .map(f -> new Finding(f.record(), f.field(), f.start(), f.end(), f.entity(), f.score(), f.detector(),
                        MARKER))
                .toList();
        return copyWithSample(t, kept, t.sampleTruncated());
    }

    /** A report whose field names, file name, warnings and tool try to inject markup and terminal escapes. */
    static ScanReport hostile() {
        String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        String ansi = "\u001b[31mred\u001b[0m\u0007";
        List<Finding> sample = List.of(new Finding(0, evil, 0, 4, "EMAIL_ADDRESS", 0.9, "<b>det</b>", null),
                new Finding(1, ansi, 0, 4, "CUSTOM_<i>X</i>", 0.9, "custom", null));
        Map<String, Long> entities = Map.of("EMAIL_ADDRESS", 1L, "CUSTOM_<i>X</i>", 1L);
        return new ScanReport("warden <0.1.0>", "dir/<svg onload=alert(1)>.csv", "CSV<br>", STARTED, 100, 10, 2, 4,
                2, entities, Map.of(evil, Map.of("EMAIL_ADDRESS", 1L), ansi, Map.of("CUSTOM_<i>X</i>", 1L)),
                List.of(new ColumnClass(evil, "EMAIL_ADDRESS", 1.0, 1, Map.of("EMAIL_ADDRESS", 1.0))),
                new ReidRisk(List.of(evil), 2, 2, 2, 1.0, 1.0, 1.0, 1.0, 0.2, new TreeMap<>(Map.of(1L, 2L))),
                new GateResult(false, List.of(new GateResult.Violation("EMAIL_ADDRESS", evil, 1, 0))),
                sample, false, List.of("warning about " + evil + ansi));
    }

    static ScanReport copyWithSample(ScanReport t, List<Finding> sample, boolean truncated) {
        return new ScanReport(t.tool(), t.input(), t.format(), t.started(), t.durationMillis(), t.bytes(),
                t.records(), t.fields(), t.totalFindings(), t.entityCounts(), t.fieldEntityCounts(), t.columns(),
                t.risk(), t.gate(), sample, truncated, t.warnings());
    }

    static List<Finding> strip(List<Finding> findings) {
        return findings.stream().map(Finding::withoutValue).toList();
    }

    private static Map<String, Long> counts(List<Finding> findings) {
        Map<String, Long> m = new TreeMap<>();
        findings.forEach(f -> m.merge(f.entity(), 1L, Long::sum));
        return m;
    }
}
