package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollupTest {
    @Test
    void kernels_packedAndGeneric_groupEveryNodeAlike() {
        Table table = BruteForceTest.table(new Random(7));
        PrivacyConfig config = new PrivacyConfig(BruteForceTest.qis(), List.of(new KAnonymity(3),
                new DistinctLDiversity("disease", 2), TCloseness.orderedDistance("salary", 0.3)), 0.1, UtilityMetric.LOSS);
        Anonymizer.Bound b = Anonymizer.bind(table, config);
        assertThat(b.t().packed).isNotNull();
        Rollup packed = new Rollup(b.t(), true);
        Rollup generic = new Rollup(b.t(), false);
        Partition records = Partition.ofRecords(b.t());
        for (int node = 0; node < b.lattice().size; node++) {
            int[] levels = b.lattice().levels(node);
            Partition p = packed.apply(records, levels, null);
            Partition g = generic.apply(records, levels, null);
            assertThat(p.cells).isEqualTo(g.cells);
            assertThat(p.classes).isEqualTo(g.classes);
            assertThat(sorted(p.classSizes)).isEqualTo(sorted(g.classSizes));
            NodeStats ps = NodeStats.of(node, p, b.checks(), b.t(), 19, new boolean[p.classes]);
            NodeStats gs = NodeStats.of(node, g, b.checks(), b.t(), 19, new boolean[g.classes]);
            assertThat(ps.suppressed()).isEqualTo(gs.suppressed());
            assertThat(ps.suppressedMonotone()).isEqualTo(gs.suppressedMonotone());
            assertThat(ps.squaresReleased()).isEqualTo(gs.squaresReleased());
            assertThat(ps.suppressedShare()).isEqualTo(gs.suppressedShare());
            // rolling up from a lower node gives the same partition as from the records
            Partition fromBase = packed.apply(b.t().base, levels, null);
            assertThat(sorted(fromBase.classSizes)).isEqualTo(sorted(p.classSizes));
        }
    }

    @Test
    void search_tuplesWiderThan63Bits_fallsBackToTheGenericKernel_andReachesTheOptimum() {
        Random random = new Random(11);
        List<String> columns = new ArrayList<>();
        List<QuasiIdentifier> qis = new ArrayList<>();
        for (int q = 0; q < 8; q++) {
            columns.add("q" + q);
            List<List<String>> rows = new ArrayList<>();
            for (int v = 0; v < 300; v++) rows.add(List.of("v" + v, "b" + v / 20, "*")); // 9 bits each
            qis.add(new QuasiIdentifier("q" + q, Hierarchy.of(rows)));
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            String[] row = new String[8];
            for (int q = 0; q < 8; q++) row[q] = "v" + (q < 3 ? random.nextInt(300) : random.nextInt(40));
            rows.add(row);
        }
        Table table = new Table(columns, rows);
        PrivacyConfig config = new PrivacyConfig(qis, List.of(new KAnonymity(4)), 0.05, UtilityMetric.DISCERNIBILITY);
        Anonymizer.Bound b = Anonymizer.bind(table, config);
        assertThat(b.t().packed).isNull();
        NodeStats[] every = new ExhaustiveSearch(b.t(), b.lattice(), b.checks()).run();
        int optimum = ExhaustiveSearch.optimum(every, b.lattice(), b.utility(), 20);
        AnonymizationResult r = Anonymizer.search(table, config);
        assertThat(r.metricValue()).isEqualTo(b.utility().value(every[optimum], b.lattice().levels(optimum)));
        assertThat((long) r.nodesEvaluated()).isLessThan(r.latticeSize());
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
