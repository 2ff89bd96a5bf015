package io.warden.core.report;

import io.warden.core.finding.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code warden scan} found, summarised — the source of the JSON, SARIF, HTML and console reports.
 *
 * <p>Holds aggregates plus at most {@code sampleLimit} findings (values stripped unless the user asked for
 * them); the full list streams to the findings file instead.
 *
 * @param tool tool name and version, e.g. {@code "warden 0.1.0"}
 * @param input the input path as given
 * @param format the input format (CSV, JSONL, PARQUET, TEXT)
 * @param started when the scan started
 * @param durationMillis wall time
 * @param bytes bytes read from the input file
 * @param records records read
 * @param fields values (cells / text pieces) analyzed
 * @param totalFindings all findings
 * @param entityCounts findings per entity
 * @param fieldEntityCounts findings per field, then per entity
 * @param columns per-column classification (tables only; empty for text)
 * @param risk re-identification risk, or {@code null} when no quasi-identifiers were declared
 * @param gate the policy gate's verdict
 * @param sample the first findings (for SARIF / HTML), at most the sample limit
 * @param sampleTruncated whether more findings exist than {@link #sample} holds
 * @param warnings problems worked around (ragged rows, replaced bytes), never containing values
 */
public record ScanReport(
        String tool,
        String input,
        String format,
        Instant started,
        long durationMillis,
        long bytes,
        long records,
        long fields,
        long totalFindings,
        Map<String, Long> entityCounts,
        Map<String, Map<String, Long>> fieldEntityCounts,
        List<ColumnClass> columns,
        ReidRisk risk,
        GateResult gate,
        List<Finding> sample,
        boolean sampleTruncated,
        List<String> warnings) {
    public ScanReport {
        entityCounts = sorted(entityCounts);
        var byField = new java.util.TreeMap<String, Map<String, Long>>();
        fieldEntityCounts.forEach((f, m) -> byField.put(f, sorted(m)));
        fieldEntityCounts = java.util.Collections.unmodifiableSortedMap(byField);
        columns = List.copyOf(columns);
        sample = List.copyOf(sample);
        warnings = List.copyOf(warnings);
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(m));
    }
}
