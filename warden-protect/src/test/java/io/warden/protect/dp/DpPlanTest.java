package io.warden.protect.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Dp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpPlanTest {
    @TempDir
    Path dir;

    static Dp.Query count(String name, double epsilon) {
        return new Dp.Query(name, Dp.Type.COUNT, null, epsilon, null, null, null, null, null);
    }

    /** One query of each type, with Laplace ({@code delta = 0}) or Gaussian noise. */
    static List<Dp.Query> everyType(double delta) {
        return List.of(
                new Dp.Query("n", Dp.Type.COUNT, null, 0.5, delta, null, null, null, null),
                new Dp.Query("total", Dp.Type.SUM, "v", 0.5, delta, List.of(-20.0, 10.0), 0.5, null, null),
                new Dp.Query("avg", Dp.Type.MEAN, "v", 0.5, delta, List.of(100.0, 120.0), null, null, null),
                new Dp.Query("q", Dp.Type.QUANTILES, "v", 0.5, delta, List.of(0.0, 50.0), 5.0, List.of(0.5), null),
                new Dp.Query("h", Dp.Type.HISTOGRAM, "c", 0.5, delta, null, null, null, List.of("a", "b", "z")));
    }

    record Row(String unit, double v, String c) {}

    @Test
    void plan_predictsExactlyThePartsTheAggregatorReleases_forEveryTypeAndBothNoises() {
        List<Row> rows = List.of(new Row("x", 3, "a"), new Row("y", 110, "b"), new Row("x", 7, "a"));
        for (double delta : new double[] {0, 1e-6}) {
            DpPlan plan = DpPlan.of(new Dp(null, null, "unit", 2, everyType(delta)));
            BudgetLedger ledger = BudgetLedger.openOrCreate(dir.resolve("l" + delta + ".json"), "d",
                    PrivacyCost.approximate(10, 0.1));
            DpAggregator dp = new DpAggregator(ledger, RandomSource.insecureSeeded(1));
            List<DpPlan.Step> s = plan.steps();
            List<Release<?>> releases = List.of(
                    dp.count("n", rows, Row::unit, 2, s.get(0).cost()),
                    dp.sum("total", rows, Row::unit, Row::v, s.get(1).bounds(), s.get(1).cost()),
                    dp.mean("avg", rows, Row::unit, Row::v, s.get(2).bounds(), s.get(2).cost()),
                    dp.quantiles("q", rows, Row::unit, Row::v, List.of(0.5), s.get(3).bounds(), s.get(3).cost()),
                    dp.histogram("h", rows, Row::unit, Row::c, List.of("a", "b", "z"), 2, s.get(4).cost()));
            for (int i = 0; i < releases.size(); i++) {
                assertThat(s.get(i).parts()).as("delta " + delta + ", " + s.get(i).query().type())
                        .isEqualTo(releases.get(i).parts());
                assertThat(s.get(i).bounds()).isEqualTo(releases.get(i).bounds());
            }
        }
    }

    @Test
    void plan_sumsTheCostsExactly_andListsTheColumnsOnce() {
        DpPlan plan = DpPlan.of(new Dp(null, null, null, null, everyType(1e-7)));
        assertThat(plan.epsilon()).isEqualByComparingTo("2.5");
        assertThat(plan.delta()).isEqualByComparingTo("0.0000005");
        assertThat(plan.columns()).containsExactly("v", "c");
        assertThat(plan.steps().get(1).label()).isEqualTo("total: sum(v)");
        assertThat(plan.steps().get(0).label()).isEqualTo("n: count");
    }

    @Test
    void of_noQueries_isInvalidPolicy() {
        assertThatThrownBy(() -> DpPlan.of(new Dp(null, null, null, null, null)))
                .hasMessageContaining("no dp queries")
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY));
    }

    @Test
    void of_noiseBeyondTheSamplersRange_failsBeforeAnythingIsSpent_namingTheQuery() {
        Dp.Query huge = new Dp.Query("huge", Dp.Type.SUM, "v", 1e-9, null, List.of(0.0, 2e9), null, null, null);
        assertThatThrownBy(() -> DpPlan.of(new Dp(null, null, null, null, List.of(count("ok", 1), huge))))
                .hasMessageStartingWith("dp query 'huge' cannot be released: noise scale")
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY));
    }

    @Test
    void requireFits_refusesARunLargerThanTheRemainder_sayingAskedAndRemaining() {
        BudgetLedger ledger = BudgetLedger.openOrCreate(dir.resolve("l.json"), "people", PrivacyCost.pure(1));
        ledger.spend("earlier", PrivacyCost.pure(0.7));
        DpPlan plan = DpPlan.of(new Dp(null, null, null, null, List.of(count("a", 0.2), count("b", 0.2))));
        assertThatThrownBy(() -> plan.requireFits(ledger.read()))
                .hasMessage("privacy budget of dataset 'people' exhausted: the policy's 2 queries ask epsilon 0.4,"
                        + " delta 0 but only epsilon 0.3, delta 0 remain; nothing was spent")
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED));
        assertThat(ledger.read().spends()).hasSize(1);
    }

    @Test
    void requireFits_refusesDeltaBeyondTheRemainder() {
        BudgetLedger ledger = BudgetLedger.openOrCreate(dir.resolve("l.json"), "people", PrivacyCost.pure(5));
        Dp.Query gaussian = new Dp.Query("g", Dp.Type.COUNT, null, 1.0, 1e-9, null, null, null, null);
        assertThatThrownBy(() -> DpPlan.of(new Dp(null, null, null, null, List.of(gaussian))).requireFits(ledger.read()))
                .hasMessageContaining("query asks epsilon 1, delta 0.000000001 but only epsilon 5, delta 0 remain");
    }

    @Test
    void requireFits_acceptsARunThatUsesExactlyWhatRemains() {
        BudgetLedger ledger = BudgetLedger.openOrCreate(dir.resolve("l.json"), "people", PrivacyCost.pure(1));
        ledger.spend("earlier", PrivacyCost.pure(0.7));
        DpPlan plan = DpPlan.of(new Dp(null, null, null, null, List.of(count("a", 0.1), count("b", 0.2))));
        plan.requireFits(ledger.read());
        assertThat(ledger.read().remainingEpsilon()).isEqualByComparingTo(BigDecimal.valueOf(0.3));
    }
}
