package io.warden.protect.dp;

import static io.warden.protect.dp.GoodnessOfFit.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ContributionBoundingTest {
    record Row(String user, double value) {}

    @Test
    void byUnit_groupsInFirstSeenOrder_andDropsDroppedValues() {
        List<Row> rows = List.of(new Row("b", 1), new Row("a", 2), new Row("b", 3), new Row("a", Double.NaN));
        List<List<Long>> units = ContributionBounding.byUnit(rows, Row::user,
                r -> Double.isNaN(r.value()) ? ContributionBounding.DROP : (long) r.value());
        assertThat(units).containsExactly(List.of(1L, 3L), List.of(2L));
    }

    @Test
    void byUnit_recordWithoutUnit_isRejected() {
        List<Row> rows = List.of(new Row("a", 1), new Row(null, 2));
        assertThatThrownBy(() -> ContributionBounding.byUnit(rows, Row::user, r -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 1 has no privacy unit");
    }

    @Test
    void bound_keepsSmallUnitsWhole_andCapsLargeOnes() {
        long[] kept = ContributionBounding.bound(List.of(List.of(1L), List.of(2L, 3L, 4L, 5L), List.of(6L, 7L)), 2,
                RandomSource.insecureSeeded(1));
        assertThat(kept).hasSize(5);
        assertThat(kept[0]).isEqualTo(1);
        assertThat(kept[1]).isBetween(2L, 5L);
        assertThat(kept[2]).isBetween(2L, 5L).isNotEqualTo(kept[1]);
        assertThat(Arrays.copyOfRange(kept, 3, 5)).containsExactly(6, 7);
    }

    /** Each of the C(5,2) = 10 pairs from a unit of five records must be equally likely; fails w.p. 1e-6. */
    @Test
    void bound_chiSquare_choosesEverySubsetEquallyOften() {
        RandomSource random = RandomSource.insecureSeeded(5);
        List<List<Long>> unit = List.of(List.of(0L, 1L, 2L, 3L, 4L));
        long[] observed = new long[25];
        for (int i = 0; i < 50_000; i++) {
            long[] kept = ContributionBounding.bound(unit, 2, random);
            observed[(int) (Math.min(kept[0], kept[1]) * 5 + Math.max(kept[0], kept[1]))]++;
        }
        long[] pairs = new long[10];
        int p = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) pairs[p++] = observed[a * 5 + b];
        }
        assertThat(Arrays.stream(pairs).sum()).isEqualTo(50_000);
        double[] expected = new double[10];
        Arrays.fill(expected, 5_000);
        assertThat(ChiSquareTest.withDefaults().test(expected, pairs).getPValue()).isGreaterThan(ALPHA);
    }
}
