package io.warden.detect.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.record.RecordReader;
import io.warden.core.report.ReidRisk;
import io.warden.core.report.ScanReport;
import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.scan.DatasetScanner;
import io.warden.detect.scan.ScanOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReidRiskCalculatorTest {
    private static final Path ADULT = Path.of("../shared/data/adult/adult.csv");
    private static final List<String> ALL = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation", "salary-class");

    @Test
    void smallTable_handComputedFigures() {
        ReidRiskCalculator c = new ReidRiskCalculator(List.of("a", "b"), 0.2);
        String[][] rows = {{"1", "x"}, {"1", "x"}, {"1", "y"}, {"2", null}, {"2", null}, {"2", null}};
        for (String[] r : rows) c.add(r);
        ReidRisk r = c.result();
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.uniqueRecords()).isEqualTo(1);
        assertThat(r.maxRisk()).isEqualTo(1.0);
        assertThat(r.averageRisk()).isEqualTo(0.5);
        assertThat(r.recordsAtRiskShare()).isEqualTo(1.0); // every class is smaller than 5
        assertThat(r.classSizeHistogram()).containsExactly(Map.entry(1L, 1L), Map.entry(2L, 1L), Map.entry(3L, 1L));
    }

    @Test
    void tupleKeys_doNotCollideAcrossValueBoundaries() {
        ReidRiskCalculator c = new ReidRiskCalculator(List.of("a", "b"), 0.2);
        c.add(new String[] {"ab", "c"});
        c.add(new String[] {"a", "bc"});
        c.add(new String[] {"", null});
        c.add(new String[] {null, ""});
        assertThat(c.result().classes()).isEqualTo(4);
    }

    @Test
    void empty_hasZeroRisk() {
        ReidRisk r = new ReidRiskCalculator(List.of("a"), 0.2).result();
        assertThat(r.records()).isZero();
        assertThat(r.maxRisk()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 9})
    void adult_matchesIndependentSqlComputation(int qiCount) throws Exception {
        List<String> qis = ALL.subList(0, qiCount);
        ReidRisk ours = scan(qis);
        Expected sql = duckDb(qis);
        assertThat(ours.records()).isEqualTo(30_162).isEqualTo(sql.records);
        assertThat(ours.classes()).isEqualTo(sql.classes);
        assertThat(ours.uniqueRecords()).isEqualTo(sql.unique);
        assertThat(ours.maxRisk()).isCloseTo(1.0 / sql.minSize, within(1e-12));
        assertThat(ours.averageRisk()).isCloseTo((double) sql.classes / sql.records, within(1e-12));
        assertThat(ours.classSizeHistogram()).isEqualTo(sql.histogram);
        assertThat(ours.recordsAtRiskShare()).isCloseTo((double) sql.inSmallClasses / sql.records, within(1e-12));
    }

    private static ReidRisk scan(List<String> qis) {
        Policy p = Policy.defaults().withScan(
                new Policy.Scan(null, null, null, null, null, null, null, null, qis, null));
        Analyzer none = new Analyzer(List.of(), AnalyzerConfig.defaults());
        try (RecordReader r = Readers.open(ADULT, ReadOptions.defaults())) {
            ScanReport report = new DatasetScanner(none, p, ScanOptions.defaults().withTable(true))
                    .scan(r, ADULT.toString(), "CSV", f -> {}, b -> {});
            return report.risk();
        }
    }

    private record Expected(long records, long classes, long unique, long minSize, long inSmallClasses,
            TreeMap<Long, Long> histogram) {}

    /** The same figures from DuckDB's own CSV reader and GROUP BY: shares no code with Warden's. */
    private static Expected duckDb(List<String> qis) throws Exception {
        String cols = qis.stream().map(q -> "\"" + q + "\"").collect(Collectors.joining(", "));
        String classes = "SELECT count(*) AS n FROM read_csv('" + ADULT + "', delim=';', header=true, all_varchar=true)"
                + " GROUP BY " + cols;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            Expected e;
            try (ResultSet rs = st.executeQuery("SELECT sum(n), count(*), count(*) FILTER (WHERE n = 1), min(n), "
                    + "coalesce(sum(n) FILTER (WHERE n < 5), 0) FROM (" + classes + ")")) {
                rs.next();
                e = new Expected(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        new TreeMap<>());
            }
            try (ResultSet rs = st.executeQuery("SELECT n, count(*) FROM (" + classes + ") GROUP BY n")) {
                while (rs.next()) e.histogram.put(rs.getLong(1), rs.getLong(2));
            }
            return e;
        }
    }
}
