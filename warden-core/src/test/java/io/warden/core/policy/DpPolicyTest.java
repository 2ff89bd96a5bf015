package io.warden.core.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpPolicyTest {
    private static Policy parse(String yaml) {
        return PolicyLoader.parse(yaml.getBytes(UTF_8), "p.yaml");
    }

    /** The one-line error, which must start with the file, a line and a column. */
    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
            assertThat(e.getMessage()).doesNotContain("\n").matches("p\\.yaml:\\d+:\\d+: .*");
            return e.getMessage();
        }
        throw new AssertionError("expected the policy to be rejected");
    }

    /** A dp section with one query given by its flow-mapping body, e.g. {@code "name: n, type: count"}. */
    private static String oneQuery(String query) {
        return "dp:\n  queries:\n    - {" + query + "}\n";
    }

    @Test
    void parse_dpSection_readsEveryQueryTypeWithDefaults() {
        Dp dp = parse("""
                dp:
                  ledger: budgets/customers.dp-ledger.json
                  budget: {epsilon: 3.0, delta: 1.0e-6}
                  privacy_unit: customer_id
                  max_contributions: 2
                  queries:
                    - name: customers
                      type: count
                      epsilon: 0.5
                    - {name: total_spend, type: sum, column: spend, bounds: [0, 1000], epsilon: 0.25, delta: 1.0e-7}
                    - {name: mean_age, type: mean, column: age, bounds: [0, 120], granularity: 0.5, epsilon: 0.5}
                    - {name: age_quartiles, type: quantiles, column: age, bounds: [0, 120], ranks: [0.25, 0.5, 0.75], epsilon: 1}
                    - {name: plans, type: histogram, column: plan, categories: [free, team, enterprise], epsilon: 0.5}
                """).dp();
        assertThat(dp.ledger()).isEqualTo("budgets/customers.dp-ledger.json");
        assertThat(dp.budget()).isEqualTo(new Dp.Budget(3.0, 1e-6));
        assertThat(dp.privacyUnit()).isEqualTo("customer_id");
        assertThat(dp.maxContributions()).isEqualTo(2);
        assertThat(dp.queries()).extracting(Dp.Query::type).containsExactly(Dp.Type.COUNT, Dp.Type.SUM,
                Dp.Type.MEAN, Dp.Type.QUANTILES, Dp.Type.HISTOGRAM);
        Dp.Query count = dp.queries().get(0);
        assertThat(count.delta()).isZero();
        assertThat(count.column()).isNull();
        Dp.Query sum = dp.queries().get(1);
        assertThat(sum.granularity()).isEqualTo(1.0);
        assertThat(sum.delta()).isEqualTo(1e-7);
        assertThat(sum.lower()).isZero();
        assertThat(sum.upper()).isEqualTo(1000.0);
        assertThat(dp.queries().get(2).granularity()).isEqualTo(0.5);
        assertThat(dp.queries().get(3).ranks()).containsExactly(0.25, 0.5, 0.75);
        assertThat(dp.queries().get(4).categories()).containsExactly("free", "team", "enterprise");
    }

    @Test
    void parse_noDpSection_isEmptyWithDefaults() {
        Dp dp = parse("version: 1\n").dp();
        assertThat(dp.isEmpty()).isTrue();
        assertThat(dp.maxContributions()).isEqualTo(1);
        assertThat(dp.budget()).isNull();
        assertThat(Policy.defaults().dp().isEmpty()).isTrue();
        assertThat(Policy.defaults().withScan(Policy.defaults().scan()).dp()).isEqualTo(Policy.defaults().dp());
    }

    @Test
    void parse_budgetDeltaDefaultsToZero() {
        assertThat(parse("dp:\n  budget: {epsilon: 1}\n").dp().budget().delta()).isZero();
    }

    @Test
    void load_exampleDpPolicy_fitsItsBudget() {
        Dp dp = PolicyLoader.load(Path.of("examples/dp-policy.yaml")).dp();
        assertThat(dp.queries()).isNotEmpty();
        assertThat(dp.budget()).isNotNull();
    }

    @Test
    void parse_unknownType_listsTheTypes() {
        assertThat(error(oneQuery("name: n, type: median, column: a, epsilon: 1")))
                .contains("unknown query type 'median'").contains("count, sum, mean, quantiles, histogram");
    }

    @Test
    void parse_unknownQueryKey_reportsItsLine() {
        assertThat(error("dp:\n  queries:\n    - name: n\n      type: count\n      epsilon: 1\n      detla: 0\n"))
                .startsWith("p.yaml:6:7:").contains("unknown key 'detla'").contains("delta");
    }

    @Test
    void parse_missingNameOrType_isRejected() {
        assertThat(error(oneQuery("type: count, epsilon: 1"))).contains("a dp query needs a name");
        assertThat(error(oneQuery("name: n, epsilon: 1"))).contains("query 'n': type is required");
    }

    @Test
    void parse_columnRequiredForColumnQueries_andForbiddenForCount() {
        assertThat(error(oneQuery("name: s, type: sum, bounds: [0, 1], epsilon: 1")))
                .contains("query 's': column is required for sum");
        assertThat(error(oneQuery("name: m, type: mean, bounds: [0, 1], epsilon: 1")))
                .contains("column is required for mean");
        assertThat(error(oneQuery("name: q, type: quantiles, bounds: [0, 1], ranks: [0.5], epsilon: 1")))
                .contains("column is required for quantiles");
        assertThat(error(oneQuery("name: h, type: histogram, categories: [a], epsilon: 1")))
                .contains("column is required for histogram");
        assertThat(error(oneQuery("name: c, type: count, column: age, epsilon: 1")))
                .contains("query 'c': count takes no column");
    }

    @Test
    void parse_boundsRequiredForNumericQueries_asLowerBelowUpper() {
        assertThat(error(oneQuery("name: m, type: mean, column: age, epsilon: 1")))
                .contains("query 'm': mean needs bounds: [lower, upper]");
        assertThat(error(oneQuery("name: m, type: mean, column: age, bounds: [0, 1, 2], epsilon: 1")))
                .contains("bounds must be two numbers");
        assertThat(error(oneQuery("name: m, type: mean, column: age, bounds: [0, null], epsilon: 1")))
                .contains("bounds must be two numbers");
        assertThat(error(oneQuery("name: m, type: mean, column: age, bounds: [5, 5], epsilon: 1")))
                .contains("lower < upper");
        assertThat(error(oneQuery("name: m, type: mean, column: age, bounds: [120, 0], epsilon: 1")))
                .contains("lower < upper");
        assertThat(error(oneQuery("name: m, type: mean, column: age, bounds: [a, b], epsilon: 1")))
                .contains("a number");
    }

    @Test
    void parse_boundsOrGranularityOnCountOrHistogram_isRejected() {
        assertThat(error(oneQuery("name: c, type: count, bounds: [0, 1], epsilon: 1")))
                .contains("bounds apply to sum, mean and quantiles");
        assertThat(error(oneQuery("name: h, type: histogram, column: x, categories: [a], granularity: 1, epsilon: 1")))
                .contains("granularity applies to sum, mean and quantiles");
    }

    @Test
    void parse_boundsNotOnTheGranularity_orGridTooFine_isRejected() {
        assertThat(error(oneQuery("name: m, type: mean, column: x, bounds: [0, 0.5], epsilon: 1")))
                .contains("bound 0.5 is not a multiple of the granularity 1.0");
        assertThat(error(oneQuery("name: m, type: mean, column: x, bounds: [0, 1], granularity: 0, epsilon: 1")))
                .contains("granularity must be > 0");
        assertThat(error(oneQuery("name: q, type: quantiles, column: x, bounds: [0, 1.0e7], ranks: [0.5], epsilon: 1")))
                .contains("10000001 grid points, more than 1048576");
        assertThat(error(oneQuery("name: s, type: sum, column: x, bounds: [0, 1.0e10], epsilon: 1")))
                .contains("more than 2^31 steps");
    }

    @Test
    void parse_ranksOnlyForQuantiles_andWithinZeroOne() {
        assertThat(error(oneQuery("name: m, type: mean, column: x, bounds: [0, 1], ranks: [0.5], epsilon: 1")))
                .contains("ranks apply to quantiles only");
        assertThat(error(oneQuery("name: q, type: quantiles, column: x, bounds: [0, 1], epsilon: 1")))
                .contains("quantiles need ranks");
        assertThat(error(oneQuery("name: q, type: quantiles, column: x, bounds: [0, 1], ranks: [0.5, 1.5], epsilon: 1")))
                .contains("rank 1.5 is not in [0, 1]");
        assertThat(error(oneQuery("name: q, type: quantiles, column: x, bounds: [0, 1], ranks: [-0.1], epsilon: 1")))
                .contains("rank -0.1 is not in [0, 1]");
    }

    @Test
    void parse_categoriesRequiredForHistogram_distinct_andOnlyThere() {
        assertThat(error(oneQuery("name: h, type: histogram, column: x, epsilon: 1")))
                .contains("query 'h': histogram needs categories");
        assertThat(error(oneQuery("name: h, type: histogram, column: x, categories: [], epsilon: 1")))
                .contains("histogram needs categories");
        assertThat(error(oneQuery("name: h, type: histogram, column: x, categories: [a, b, a], epsilon: 1")))
                .contains("category 'a' is declared twice");
        assertThat(error(oneQuery("name: c, type: count, categories: [a], epsilon: 1")))
                .contains("categories apply to histogram only");
    }

    @Test
    void parse_epsilonRequiredAndPositive_deltaInZeroOne() {
        assertThat(error(oneQuery("name: c, type: count"))).contains("query 'c': epsilon is required");
        assertThat(error(oneQuery("name: c, type: count, epsilon: 0"))).contains("epsilon must be > 0");
        assertThat(error(oneQuery("name: c, type: count, epsilon: -1"))).contains("epsilon must be > 0");
        assertThat(error(oneQuery("name: c, type: count, epsilon: 1, delta: 1"))).contains("delta must be in [0, 1)");
        assertThat(error(oneQuery("name: c, type: count, epsilon: 1, delta: -1.0e-9")))
                .contains("delta must be in [0, 1)");
    }

    @Test
    void parse_duplicateQueryNames_isRejected() {
        assertThat(error("""
                dp:
                  queries:
                    - {name: n, type: count, epsilon: 1}
                    - {name: n, type: histogram, column: x, categories: [a], epsilon: 1}
                """)).contains("dp: two queries are named 'n'");
    }

    @Test
    void parse_queriesSpendingMoreThanTheBudget_isContradictory() {
        assertThat(error("""
                dp:
                  budget: {epsilon: 1.0}
                  queries:
                    - {name: a, type: count, epsilon: 0.7}
                    - {name: b, type: count, epsilon: 0.4}
                """)).contains("contradictory rules").contains("epsilons add up to 1.1")
                .contains("dp.budget.epsilon 1.0");
        assertThat(error("""
                dp:
                  budget: {epsilon: 1.0}
                  queries:
                    - {name: a, type: count, epsilon: 0.5, delta: 1.0e-9}
                """)).contains("contradictory rules").contains("deltas add up to 0.000000001");
    }

    @Test
    void parse_queriesSpendingExactlyTheBudget_isAccepted() {
        // Ten spends of 0.1 are exactly 1 as decimals (in binary floating point they would exceed it).
        StringBuilder yaml = new StringBuilder("dp:\n  budget: {epsilon: 1}\n  queries:\n");
        for (int i = 0; i < 10; i++) yaml.append("    - {name: q").append(i).append(", type: count, epsilon: 0.1}\n");
        assertThat(parse(yaml.toString()).dp().queries()).hasSize(10);
    }

    @Test
    void parse_badBudget_isRejected() {
        assertThat(error("dp:\n  budget: {delta: 0.1}\n")).contains("dp.budget: epsilon is required");
        assertThat(error("dp:\n  budget: {epsilon: 0}\n")).contains("dp.budget: epsilon must be a number > 0");
        assertThat(error("dp:\n  budget: {epsilon: 1, delta: 1.5}\n")).contains("dp.budget: delta must be in [0, 1)");
    }

    @Test
    void parse_maxContributionsWithoutPrivacyUnit_orBelowOne_isRejected() {
        assertThat(error("dp:\n  max_contributions: 3\n")).contains("needs a privacy_unit");
        assertThat(error("dp:\n  privacy_unit: id\n  max_contributions: 0\n"))
                .contains("dp: max_contributions must be at least 1");
        assertThat(error("dp:\n  privacy_unit: ' '\n")).contains("dp: privacy_unit must name a column");
    }

    @Test
    void parse_queryNameWithControlCharacters_isRejectedOnOneLine() {
        assertThat(error(oneQuery("name: \"a\\nb\", type: count, epsilon: 1"))).contains("without control characters");
        assertThat(error(oneQuery("name: " + "n".repeat(101) + ", type: count, epsilon: 1")))
                .contains("at most 100 characters");
    }

    @Test
    void query_listsAreImmutableCopies() {
        Dp.Query q = new Dp.Query("h", Dp.Type.HISTOGRAM, "x", 1.0, null, null, null, null,
                new java.util.ArrayList<>(List.of("a", "b")));
        assertThat(q.categories()).isUnmodifiable();
    }
}
