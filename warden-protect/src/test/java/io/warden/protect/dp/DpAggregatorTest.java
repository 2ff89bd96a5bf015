package io.warden.protect.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mechanisms end to end. With {@code epsilon = 1e6} the noise scale is at most {@code 1e-4}, so the noise is 0 except
 * with probability about {@code exp(-10^4)}: the aggregation itself (bounding, clamping, fixed point) can be checked
 * exactly. The noise distributions are checked in the sampler tests; here, that the right one is chosen.
 */
class DpAggregatorTest {
    static final PrivacyCost EXACT = PrivacyCost.pure(1e6);

    record Row(String user, double value, String category) {}

    @TempDir
    Path dir;

    BudgetLedger ledger;
    DpAggregator dp;

    @BeforeEach
    void setUp() {
        ledger = BudgetLedger.openOrCreate(dir.resolve("people.json"), "people", PrivacyCost.approximate(1e9, 0.5));
        dp = new DpAggregator(ledger, RandomSource.insecureSeeded(42));
    }

    /** {@code users} users with {@code perUser} rows each, values 0, 1, 2, ... in row order. */
    static List<Row> rows(int users, int perUser) {
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < perUser; i++) rows.add(new Row("u" + u, rows.size(), "c" + (i % 3)));
        }
        return rows;
    }

    @Test
    void count_keepsAtMostMaxContributionsPerUnit_andReportsItsSensitivity() {
        Release<Long> r = dp.count("count people", rows(10, 5), Row::user, 2, EXACT);
        assertThat(r.value()).isEqualTo(20);
        assertThat(r.mechanism()).isEqualTo("discrete-laplace");
        assertThat(r.cost()).isEqualTo(EXACT);
        assertThat(r.bounds()).isEqualTo(ContributionBounds.records(2));
        assertThat(r.parts()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("count");
            assertThat(p.sensitivity()).isEqualTo(2);
            assertThat(p.noise()).isEqualTo(new DiscreteLaplace(Rational.of(2, 1_000_000)));
            assertThat(p.draws()).isEqualTo(1);
        });
        assertThat(ledger.read().spends()).singleElement().satisfies(s -> {
            assertThat(s.query()).isEqualTo("count people");
            assertThat(s.epsilon()).isEqualTo(1e6);
        });
    }

    @Test
    void sum_clampsToTheBounds_dropsNaN_andSensitivityIsMTimesTheLargerBound() {
        List<Row> rows = List.of(new Row("a", -5, "x"), new Row("b", 3, "x"), new Row("c", 100, "x"),
                new Row("d", Double.NaN, "x"), new Row("e", Double.NEGATIVE_INFINITY, "x"));
        Release<Double> r = dp.sum("sum", rows, Row::user, Row::value, ContributionBounds.values(3, -2, 10, 1), EXACT);
        assertThat(r.value()).isEqualTo(-2 + 3 + 10 - 2.0);
        assertThat(r.parts().get(0).sensitivity()).isEqualTo(3 * 10);
        assertThat(r.bounds().values()).isEqualTo(new ContributionBounds.ValueRange(-2, 10, 1));
    }

    @Test
    void sum_fixedPoint_roundsEachValueToTheGranularity_andSensitivityIsInGranularityUnits() {
        List<Row> rows = List.of(new Row("a", 0.123, "x"), new Row("b", 0.456, "x"), new Row("c", 0.1, "x"));
        Release<Double> r = dp.sum("sum", rows, Row::user, Row::value, ContributionBounds.values(1, 0, 0.5, 0.01),
                EXACT);
        assertThat(r.value()).isEqualTo(0.68); // 0.12 + 0.46 + 0.10, exactly
        assertThat(r.parts().get(0).sensitivity()).isEqualTo(50);
    }

    @Test
    void sum_ofBoundedContributions_matchesSomeRandomSubsetPerUnit() {
        // One user with values 0..9 and at most 3 kept: the sum is that of 3 distinct values of 0..9.
        Release<Double> r = dp.sum("sum", rows(1, 10), Row::user, Row::value, ContributionBounds.values(3, 0, 100, 1),
                EXACT);
        assertThat(r.value()).isBetween(0 + 1 + 2.0, 7 + 8 + 9.0);
        assertThat(r.value()).isNotEqualTo(0 + 1 + 2.0).as("the first three rows would be a biased choice");
    }

    @Test
    void mean_splitsTheBudget_overACenteredSumAndACount_andIsClampedToTheRange() {
        List<Row> rows = List.of(new Row("a", 1, "x"), new Row("b", 2, "x"), new Row("c", 9, "x"));
        Release<Double> r = dp.mean("mean", rows, Row::user, Row::value, ContributionBounds.values(1, 0, 6, 0.5),
                EXACT);
        assertThat(r.value()).isEqualTo((1 + 2 + 6) / 3.0);
        assertThat(r.parts()).extracting(Release.Part::name).containsExactly("centered-sum", "count");
        assertThat(r.parts().get(0).sensitivity()).isEqualTo(12); // m (U - L) = 1 * (12 - 0), granularity 0.5
        assertThat(r.parts().get(0).noise()).isEqualTo(new DiscreteLaplace(Rational.of(24, 1_000_000)));
        assertThat(r.parts().get(1).noise()).isEqualTo(new DiscreteLaplace(Rational.of(2, 1_000_000)));

        Release<Double> empty = dp.mean("mean of nothing", List.<Row>of(), Row::user, Row::value,
                ContributionBounds.values(1, 0, 6, 0.5), EXACT);
        assertThat(empty.value()).isEqualTo(3.0); // the midpoint: a noisy count of 0 counts as 1
        Release<Double> noisy = dp.mean("noisy mean", rows, Row::user, Row::value,
                ContributionBounds.values(1, 0, 6, 0.5), PrivacyCost.pure(0.01));
        assertThat(noisy.value()).isBetween(0.0, 6.0);
    }

    @Test
    void quantiles_areReadOffTheNoisyCumulativeHistogram_onTheGrid() {
        List<Row> rows = rows(100, 1); // values 0..99, one per user
        Release<List<Double>> r = dp.quantiles("age quantiles", rows, Row::user, Row::value,
                List.of(0.0, 0.5, 0.9, 1.0), ContributionBounds.values(1, -10, 200, 2), EXACT);
        // Grid points -10, -8, ..., 200; value v rounds to the nearest even number (ties to the higher).
        assertThat(r.value()).containsExactly(0.0, 50.0, 90.0, 100.0);
        assertThat(r.parts()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("histogram");
            assertThat(p.sensitivity()).isEqualTo(1);
            assertThat(p.draws()).isEqualTo(106);
        });
        Release<List<Double>> none = dp.quantiles("q", List.<Row>of(), Row::user, Row::value, List.of(0.5),
                ContributionBounds.values(1, 0, 10, 1), EXACT);
        assertThat(none.value()).containsExactly(5.0);
    }

    @Test
    void histogram_releasesExactlyTheDeclaredCategories_inDeclaredOrder() {
        List<Row> rows = new ArrayList<>(rows(4, 3)); // per user: c0, c1, c2
        rows.add(new Row("u9", 0, "only-in-data"));
        rows.add(new Row("u9", 0, null));
        Release<Map<String, Long>> r = dp.histogram("by category", rows, Row::user, Row::category,
                List.of("c2", "c0", "never-seen"), 5, EXACT);
        assertThat(r.value()).containsExactly(Map.entry("c2", 4L), Map.entry("c0", 4L), Map.entry("never-seen", 0L));
        assertThat(r.parts().get(0).draws()).isEqualTo(3);
        assertThat(r.parts().get(0).sensitivity()).isEqualTo(5);
    }

    @Test
    void histogram_boundsContributionsBeforeCounting() {
        // Each user has one c0, one c1, one c2; with at most one record kept, 4 users give 4 counts in total.
        Release<Map<String, Long>> r = dp.histogram("h", rows(4, 3), Row::user, Row::category,
                List.of("c0", "c1", "c2"), 1, EXACT);
        assertThat(r.value().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
    }

    @Test
    void approximateCost_usesDiscreteGaussianNoise_withTheCalibratedSigma() {
        PrivacyCost cost = PrivacyCost.approximate(1, 1e-6);
        Release<Map<String, Long>> r = dp.histogram("h", rows(4, 3), Row::user, Row::category,
                List.of("c0", "c1"), 3, cost);
        assertThat(r.mechanism()).isEqualTo("discrete-gaussian");
        assertThat(r.parts().get(0).noise()).isEqualTo(Calibration.noise(cost, 1, 3));
        assertThat(r.parts().get(0).scale()).isCloseTo(3 * 5.35, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dp.count("c", rows(3, 1), Row::user, 1, PrivacyCost.approximate(1e6, 0.1)).value())
                .isEqualTo(3);
    }

    @Test
    void overspend_isRefused_beforeAnyRandomnessIsDrawn_andNothingIsRecorded() throws IOException {
        BudgetLedger small = BudgetLedger.openOrCreate(dir.resolve("small.json"), "small", PrivacyCost.pure(1));
        small.spend("earlier", PrivacyCost.pure(0.9));
        byte[] before = Files.readAllBytes(small.file());
        CountingRandom random = new CountingRandom(1);
        DpAggregator limited = new DpAggregator(small, random);
        List<Row> rows = rows(5, 3); // units with more rows than allowed: bounding would need randomness
        assertThatThrownBy(() -> limited.count("count", rows, Row::user, 1, PrivacyCost.pure(0.2)))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED));
        assertThatThrownBy(() -> limited.histogram("h", rows, Row::user, Row::category, List.of("c0"), 1,
                PrivacyCost.pure(0.5))).isInstanceOf(WardenException.class);
        assertThat(random.calls()).isZero();
        assertThat(Files.readAllBytes(small.file())).isEqualTo(before);
        // The remaining 0.1 can still be spent, and then randomness is drawn.
        limited.count("count", rows, Row::user, 1, PrivacyCost.pure(0.1));
        assertThat(random.calls()).isPositive();
    }

    @Test
    void badParameters_failBeforeSpending_withAClearMessage() {
        List<Row> rows = rows(2, 2);
        Function<Row, String> unit = Row::user;
        assertThatThrownBy(() -> PrivacyCost.pure(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon must be a finite number > 0");
        assertThatThrownBy(() -> PrivacyCost.pure(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyCost.pure(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyCost.pure(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyCost.approximate(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta must be in [0, 1)");
        assertThatThrownBy(() -> PrivacyCost.approximate(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrivacyCost.approximate(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta > 0");
        assertThatThrownBy(() -> ContributionBounds.values(1, 5, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower must be < upper");
        assertThatThrownBy(() -> ContributionBounds.values(1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> ContributionBounds.values(1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("granularity");
        assertThatThrownBy(() -> ContributionBounds.values(1, 0, 1, 0.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a multiple of the granularity");
        assertThatThrownBy(() -> ContributionBounds.values(1, 0, 1e10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^31");
        assertThatThrownBy(() -> ContributionBounds.records(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxContributions must be >= 1");
        assertThatThrownBy(() -> dp.sum("s", rows, unit, Row::value, ContributionBounds.records(1), EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs value bounds");
        assertThatThrownBy(() -> dp.count(" ", rows, unit, 1, EXACT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dp.count("c", rows, r -> null, 1, EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no privacy unit");
        assertThatThrownBy(() -> dp.histogram("h", rows, unit, Row::category, List.of("a", "a"), 1, EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> dp.histogram("h", rows, unit, Row::category, List.of(), 1, EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        ContributionBounds grid = ContributionBounds.values(1, 0, 10, 1);
        assertThatThrownBy(() -> dp.quantiles("q", rows, unit, Row::value, List.of(1.5), grid, EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in [0, 1]");
        assertThatThrownBy(() -> dp.quantiles("q", rows, unit, Row::value, List.of(), grid, EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dp.quantiles("q", rows, unit, Row::value, List.of(0.5),
                ContributionBounds.values(1, 0, 2e6, 1), EXACT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coarser granularity");
        assertThatThrownBy(() -> dp.sum("s", rows, unit, Row::value, ContributionBounds.values(1, 0, 1L << 31, 1),
                PrivacyCost.pure(1e-9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds 2^50");
        assertThat(ledger.read().spends()).isEmpty();
    }

    /**
     * One histogram over 20 000 declared categories that no record has: its counts are 20 000 independent draws of
     * the release's noise, checked against the pmf of the calibrated distribution (and shown to differ from the one
     * a calibration that forgot {@code maxContributions = 2} would give). Each check fails w.p. 1e-6.
     */
    @Test
    void histogramNoise_endToEnd_hasTheCalibratedDistribution() {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) categories.add("k" + i);
        List<Row> rows = rows(50, 3); // categories c0..c2: not declared, so every declared count is pure noise

        Release<Map<String, Long>> laplace = dp.histogram("laplace", rows, Row::user, Row::category, categories, 2,
                PrivacyCost.pure(0.5));
        long[] noise = laplace.value().values().stream().mapToLong(Long::longValue).toArray();
        assertThat(GoodnessOfFit.laplace(4).pValue(noise)).isGreaterThan(GoodnessOfFit.ALPHA); // b = m / epsilon
        assertThat(GoodnessOfFit.laplace(2).pValue(noise)).isLessThan(GoodnessOfFit.ALPHA);

        PrivacyCost cost = PrivacyCost.approximate(1, 1e-6);
        Release<Map<String, Long>> gaussian = dp.histogram("gaussian", rows, Row::user, Row::category, categories,
                2, cost);
        noise = gaussian.value().values().stream().mapToLong(Long::longValue).toArray();
        double sigma2 = ((DiscreteGaussian) gaussian.parts().get(0).noise()).sigmaSquared().doubleValue();
        assertThat(sigma2).isCloseTo(4 * 28.622, org.assertj.core.data.Offset.offset(0.01));
        assertThat(GoodnessOfFit.gaussian(sigma2).pValue(noise)).isGreaterThan(GoodnessOfFit.ALPHA);
        assertThat(GoodnessOfFit.gaussian(sigma2 / 4).pValue(noise)).isLessThan(GoodnessOfFit.ALPHA);
    }
}
