package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search against a brute force written separately from it: on small random tables, every lattice node is
 * generalized with strings, grouped with a hash map, checked with the models' textbook definitions and scored with
 * the metrics' formulas as {@link UtilityMetric} documents them; the lowest score must be the search's, for every
 * model (monotone or not), suppression limit and metric.
 */
class BruteForceTest {
    private static final List<String> QI = List.of("age", "zip", "sex");
    private static final int RECORDS = 199;

    @Test
    void search_randomTables_everyModelLimitAndMetric_reachesTheBruteForceOptimum() {
        int searches = 0;
        int withSuppression = 0;
        for (int seed = 1; seed <= 6; seed++) {
            Table table = table(new Random(seed));
            for (List<PrivacyModel> models : models()) {
                PrivacyConfig any = new PrivacyConfig(qis(), models, 0, UtilityMetric.LOSS);
                Map<List<Integer>, Integer> suppressed = new HashMap<>();
                Map<List<Object>, Double> scores = new HashMap<>();
                for (List<Integer> node : nodes()) {
                    suppressed.put(node, suppressed(table, any, node));
                    for (UtilityMetric metric : UtilityMetric.values()) {
                        scores.put(List.of(node, metric), score(table, any, node, metric));
                    }
                }
                for (double limit : new double[] {0, 0.05, 0.3}) {
                    for (UtilityMetric metric : UtilityMetric.values()) {
                        PrivacyConfig config = new PrivacyConfig(qis(), models, limit, metric);
                        double expected = Double.NaN;
                        for (List<Integer> node : nodes()) {
                            if (suppressed.get(node) > Math.floor(limit * RECORDS)) continue;
                            double score = scores.get(List.of(node, metric));
                            if (Double.isNaN(expected) || score < expected) expected = score;
                        }
                        if (Double.isNaN(expected)) {
                            assertUnsatisfiable(table, config);
                            continue;
                        }
                        AnonymizationResult r = Anonymizer.search(table, config);
                        assertThat(r.metricValue()).as("seed %d, %s, limit %s, %s", seed, models, limit, metric)
                                .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
                        assertThat(r.suppressedRecords()).isEqualTo(suppressed.get(r.levels()));
                        searches++;
                        if (r.suppressedRecords() > 0) withSuppression++;
                    }
                }
            }
        }
        assertThat(searches).isGreaterThan(300);
        assertThat(withSuppression).isGreaterThan(50);
    }

    @Test
    void evaluate_everyNode_matchesTheBruteForceScore() {
        Table table = table(new Random(42));
        for (List<PrivacyModel> models : models()) {
            for (UtilityMetric metric : UtilityMetric.values()) {
                PrivacyConfig config = new PrivacyConfig(qis(), models, 1, metric);
                for (List<Integer> levels : nodes()) {
                    assertThat(Anonymizer.evaluate(table, config, levels).metricValue()).as("%s %s %s", models, metric, levels)
                            .isCloseTo(score(table, config, levels, metric), within(1e-9));
                }
            }
        }
    }

    private static void assertUnsatisfiable(Table table, PrivacyConfig config) {
        try {
            Anonymizer.search(table, config);
            throw new AssertionError("expected no feasible node for " + config.models());
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.PRIVACY_UNSATISFIABLE);
        }
    }

    private static List<List<PrivacyModel>> models() {
        return List.of(
                List.of(new KAnonymity(3)),
                List.of(new KAnonymity(10)),
                List.of(new KAnonymity(2), new DistinctLDiversity("disease", 3)),
                List.of(new RecursiveCLDiversity("disease", 2, 3)),
                List.of(new KAnonymity(4), new RecursiveCLDiversity("disease", 1.5, 2)),
                List.of(TCloseness.equalDistance("disease", 0.3137)),
                List.of(new KAnonymity(2), TCloseness.orderedDistance("salary", 0.2213)),
                List.of(TCloseness.orderedDistance("salary", 0.1517), new DistinctLDiversity("disease", 2)));
    }

    // ---- the table: age 0..19, zip of 6 values in 2 areas, sex; disease skewed, salary 1..8 -------------------------

    static Table table(Random random) {
        String[] diseases = {"flu", "flu", "flu", "cold", "cold", "asthma", "ulcer", "cancer"};
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < RECORDS; r++) {
            int age = Math.min(19, (int) Math.abs(random.nextGaussian() * 6 + 8));
            rows.add(new String[] {String.valueOf(age), "z" + random.nextInt(6), random.nextBoolean() ? "f" : "m",
                    diseases[random.nextInt(diseases.length)], String.valueOf(1 + random.nextInt(8) * (age % 3 + 1) % 8)});
        }
        return new Table(List.of("age", "zip", "sex", "disease", "salary"), rows);
    }

    static List<QuasiIdentifier> qis() {
        List<List<String>> age = new ArrayList<>();
        for (int a = 0; a < 20; a++) age.add(List.of("" + a, "" + a / 5, "" + a / 10, "*"));
        List<List<String>> zip = new ArrayList<>();
        for (int z = 0; z < 7; z++) zip.add(List.of("z" + z, z < 3 ? "north" : "south", "*")); // z6 never occurs
        return List.of(new QuasiIdentifier("age", Hierarchy.of(age)), new QuasiIdentifier("zip", Hierarchy.of(zip)),
                new QuasiIdentifier("sex", Hierarchy.of(List.of(List.of("f", "*"), List.of("m", "*")))));
    }

    private static List<List<Integer>> nodes() {
        List<List<Integer>> out = new ArrayList<>();
        for (int a = 0; a < 4; a++) for (int z = 0; z < 3; z++) for (int s = 0; s < 2; s++) out.add(List.of(a, z, s));
        return out;
    }

    // ---- the brute force -------------------------------------------------------------------------------------------

    private static Map<List<String>, List<String[]>> classes(Table table, PrivacyConfig config, List<Integer> levels) {
        Map<List<String>, List<String[]>> classes = new HashMap<>();
        for (String[] row : table.rows()) {
            List<String> key = new ArrayList<>();
            for (int d = 0; d < QI.size(); d++) {
                key.add(config.quasiIdentifiers().get(d).hierarchy().generalize(row[d], levels.get(d)));
            }
            classes.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return classes;
    }

    private static int suppressed(Table table, PrivacyConfig config, List<Integer> levels) {
        int suppressed = 0;
        for (List<String[]> rows : classes(table, config, levels).values()) {
            if (!config.models().stream().allMatch(m -> meets(m, rows, table))) suppressed += rows.size();
        }
        return suppressed;
    }

    private static boolean meets(PrivacyModel model, List<String[]> rows, Table table) {
        return switch (model) {
            case KAnonymity k -> rows.size() >= k.k();
            case DistinctLDiversity d -> counts(rows, d.column(), table).size() >= d.l();
            case RecursiveCLDiversity r -> {
                List<Integer> f = new ArrayList<>(counts(rows, r.column(), table).values());
                f.sort(Comparator.reverseOrder());
                if (f.size() < r.l()) yield false;
                double tail = 0;
                for (int i = r.l() - 1; i < f.size(); i++) tail += f.get(i);
                yield f.get(0) < r.c() * tail;
            }
            case TCloseness t -> distance(t, rows, table) <= t.t();
        };
    }

    private static double distance(TCloseness t, List<String[]> rows, Table table) {
        Map<String, Integer> p = counts(rows, t.column(), table);
        Map<String, Integer> q = TOTALS.computeIfAbsent(List.of(table, t.column()), k -> counts(table.rows(), t.column(), table));
        List<String> values = new ArrayList<>(q.keySet());
        if (t.distance() == TCloseness.Distance.ORDERED) values.sort(Comparator.comparingInt(Integer::parseInt));
        double sum = 0;
        double running = 0;
        for (String v : values) {
            double diff = (double) p.getOrDefault(v, 0) / rows.size() - (double) q.get(v) / RECORDS;
            if (t.distance() == TCloseness.Distance.EQUAL) {
                sum += Math.abs(diff) / 2;
            } else {
                running += diff;
                sum += Math.abs(running) / (values.size() - 1);
            }
        }
        return sum;
    }

    private static Map<String, Integer> counts(List<String[]> rows, String column, Table table) {
        int c = table.indexOf(column);
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : rows) counts.merge(row[c], 1, Integer::sum);
        return counts;
    }

    /** The metric at a node, from UtilityMetric's definitions. */
    private static double score(Table table, PrivacyConfig config, List<Integer> levels, UtilityMetric metric) {
        Map<List<String>, List<String[]>> classes = classes(table, config, levels);
        int n = RECORDS;
        int suppressed = 0;
        int released = 0;
        double squares = 0;
        double[] loss = new double[QI.size()];
        for (var e : classes.entrySet()) {
            List<String[]> rows = e.getValue();
            boolean ok = config.models().stream().allMatch(m -> meets(m, rows, table));
            if (!ok) {
                suppressed += rows.size();
                for (int d = 0; d < QI.size(); d++) loss[d] += rows.size();
                continue;
            }
            released++;
            squares += (double) rows.size() * rows.size();
            for (int dim = 0; dim < QI.size(); dim++) {
                int d = dim;
                Hierarchy h = config.quasiIdentifiers().get(d).hierarchy();
                String value = e.getKey().get(d);
                int level = levels.get(d);
                long under = LEAVES_UNDER.computeIfAbsent(d + "/" + level + "/" + value, k -> allLeaves(d).stream()
                        .filter(leaf -> h.generalize(leaf, level).equals(value)).count());
                loss[d] += rows.size() * (double) under / h.leaves();
            }
        }
        return switch (metric) {
            case LOSS -> {
                double product = 1;
                for (int d = 0; d < QI.size(); d++) {
                    double size = config.quasiIdentifiers().get(d).hierarchy().leaves();
                    double l = (loss[d] - n / size) / (n - n / size);
                    l = Math.floor(l * 1e10) / 1e10;
                    product *= Math.pow(1 + l, 1.0 / QI.size());
                }
                yield product - 1;
            }
            case PRECISION -> {
                double sum = 0;
                for (int d = 0; d < QI.size(); d++) {
                    double height = config.quasiIdentifiers().get(d).hierarchy().levels() - 1;
                    sum += ((n - suppressed) * levels.get(d) / height + suppressed) / n;
                }
                yield sum / QI.size();
            }
            case DISCERNIBILITY -> squares + (double) suppressed * n;
            case AVERAGE_CLASS_SIZE -> (double) n / (released + (suppressed > 0 ? 1 : 0));
        };
    }

    private static final Map<List<Object>, Map<String, Integer>> TOTALS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Long> LEAVES_UNDER = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> allLeaves(int d) {
        return switch (d) {
            case 0 -> java.util.stream.IntStream.range(0, 20).mapToObj(String::valueOf).toList();
            case 1 -> java.util.stream.IntStream.range(0, 7).mapToObj(z -> "z" + z).toList();
            default -> List.of("f", "m");
        };
    }
}
