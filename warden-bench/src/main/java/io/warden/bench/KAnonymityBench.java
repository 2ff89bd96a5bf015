package io.warden.bench;

import io.warden.protect.privacy.AnonymizationResult;
import io.warden.protect.privacy.Anonymizer;
import io.warden.protect.privacy.Hierarchy;
import io.warden.protect.privacy.KAnonymity;
import io.warden.protect.privacy.PrivacyConfig;
import io.warden.protect.privacy.QuasiIdentifier;
import io.warden.protect.privacy.Table;
import io.warden.protect.privacy.UtilityMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time of {@link Anonymizer#search} for k = 5 on the Adult data with all 9 attributes as quasi-identifiers (the
 * configuration ARX publishes figures for), at 4 % and at 0 % suppression: the first search in a fresh JVM, then the
 * median and best of RUNS more after 3 warm-up searches. Each search starts from the table of strings in memory, so
 * it includes the encoding, as ARX's {@code anonymize} does. Prints one {@code RESULT} line per configuration.
 * Usage: {@code KAnonymityBench [ADULT_DIR=../shared/data/adult] [RUNS=10] [METRICS=LOSS|all|NAME,NAME]}.
 */
public final class KAnonymityBench {
    private KAnonymityBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/adult");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String which = args.length > 2 ? args[2] : "LOSS";
        List<UtilityMetric> metrics = which.equals("all") ? List.of(UtilityMetric.values())
                : Arrays.stream(which.split(",")).map(UtilityMetric::valueOf).toList();
        long t0 = System.nanoTime();
        Table table = read(dir.resolve("adult.csv"));
        List<QuasiIdentifier> qis = table.columns().stream()
                .map(c -> new QuasiIdentifier(c, Hierarchy.read(dir.resolve("adult_hierarchy_" + c + ".csv"))))
                .toList();
        System.out.printf("adult: %d records, %d quasi-identifiers, read in %.0f ms%n", table.rows().size(),
                qis.size(), (System.nanoTime() - t0) / 1e6);
        boolean cold = true;
        for (UtilityMetric metric : metrics) {
            for (double limit : new double[] {0.04, 0}) {
                PrivacyConfig config = new PrivacyConfig(qis, List.of(new KAnonymity(5)), limit, metric);
                long first = System.nanoTime();
                AnonymizationResult r = Anonymizer.search(table, config);
                double firstMs = (System.nanoTime() - first) / 1e6;
                for (int i = 0; i < 3; i++) Anonymizer.search(table, config);
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    r = Anonymizer.search(table, config);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("k=5 %-18s suppression %2.0f %%: levels %s, value %s, suppressed %d, classes %d, "
                                + "nodes evaluated %d of %d%n", metric, limit * 100, r.levelsByColumn(),
                        r.metricValue(), r.suppressedRecords(), r.classes(), r.nodesEvaluated(), r.latticeSize());
                System.out.printf("  %s%.0f ms first, median %.0f ms, best %.0f ms of %d%n",
                        cold ? "(fresh JVM) " : "", firstMs, ms[runs / 2], ms[0], runs);
                System.out.printf("RESULT %s %.2f %.1f%n", metric, limit, ms[runs / 2]);
                cold = false;
            }
        }
    }

    private static Table read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) rows.add(line.split(";", -1));
        return new Table(List.of(lines.get(0).split(";", -1)), rows);
    }
}
