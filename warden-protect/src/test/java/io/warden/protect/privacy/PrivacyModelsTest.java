package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each privacy model on the nine patients of Li et al. (2007), whose classes are small enough to check by hand.
 *
 * <p>At ZIP level 1, age level 2 the classes are {47677, 47678, 47673} (salaries 3k, 5k, 9k), {47602, 47605, 47607}
 * (4k, 7k, 10k) and {47905, 47909, 47906} (6k, 11k, 8k); at ZIP level 2, age level 1 they are of sizes 3, 2, 1, 3.
 */
class PrivacyModelsTest {
    private static final double THIRD = 1.0 / 3;

    @Test
    void kAnonymity_k3_onlyZip1Age2AndAboveWithoutSuppression_optimumIsZip1Age2() {
        AnonymizationResult r = Anonymizer.search(LiTable.TABLE, LiTable.config(0, UtilityMetric.PRECISION,
                new KAnonymity(3)));
        assertThat(r.levels()).containsExactly(1, 2);
        assertThat(r.metricValue()).isCloseTo(0.5 * (1.0 / 3 + 2.0 / 3), within(1e-15));
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.minClassSize()).isEqualTo(3);
        assertThat(r.suppressedRecords()).isZero();
        assertThat(r.latticeSize()).isEqualTo(16);
    }

    @Test
    void kAnonymity_k3_zip2Age1_suppressesTheClassesOfTwoAndOne() {
        AnonymizationResult r = LiTable.at(2, 1, new KAnonymity(3));
        assertThat(r.suppressedRecords()).isEqualTo(3);
        assertThat(r.classes()).isEqualTo(2);
        assertThat(r.achieved()).containsExactly(3.0);
    }

    @Test
    void kAnonymity_k3_withAThirdSuppressible_optimumMovesToZip2Age1() {
        // precision at (2,1): (6 · (2/3 + 1/3) / 2 + 3) / 9 = 2/3 > 1/2 at (1,2): still (1,2); with DM it is cheaper
        AnonymizationResult precision = Anonymizer.search(LiTable.TABLE, LiTable.config(THIRD, UtilityMetric.PRECISION,
                new KAnonymity(3)));
        assertThat(precision.levels()).containsExactly(1, 2);
        AnonymizationResult dm = Anonymizer.search(LiTable.TABLE, LiTable.config(THIRD, UtilityMetric.DISCERNIBILITY,
                new KAnonymity(3)));
        assertThat(dm.metricValue()).isEqualTo(27); // three classes of 3 at (1,2); (2,1) costs 9 + 9 + 3 · 9 = 45
        assertThat(dm.levels()).containsExactly(1, 2);
    }

    @Test
    void distinctLDiversity_disease_l3HoldsAtZip1Age2_l4DoesNot() {
        assertThat(LiTable.at(1, 2, new DistinctLDiversity("disease", 3)).suppressedRecords()).isZero();
        assertThat(LiTable.at(1, 2, new DistinctLDiversity("disease", 3)).achieved()).containsExactly(3.0);
        assertThat(LiTable.at(1, 2, new DistinctLDiversity("disease", 4)).suppressedRecords()).isEqualTo(9);
        // one class at the top holds all 6 diseases
        assertThat(LiTable.at(3, 3, new DistinctLDiversity("disease", 6)).achieved()).containsExactly(6.0);
    }

    @Test
    void recursiveCLDiversity_strictInequality_asMachanavajjhalaAndArx() {
        // at (2,2): {1,2,3,7,8,9} has disease counts 2,1,1,1,1 and {4,5,6} has 1,1,1
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 1, 2)).suppressedRecords()).isZero();
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 1, 3)).suppressedRecords()).isEqualTo(3);
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 1.5, 3)).suppressedRecords()).isZero();
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 1, 5)).suppressedRecords()).isEqualTo(9);
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 3, 5)).suppressedRecords()).isEqualTo(3);
        // largest r1 / (r_l + … + r_m) over released classes: 2 / 4 and 1 / 2 for l = 2
        assertThat(LiTable.at(2, 2, new RecursiveCLDiversity("disease", 1, 2)).achieved()).containsExactly(0.5);
    }

    @Test
    void tCloseness_ordered_salaryClassesOfThePaper() {
        // classes {3k,5k,9k}: 1/6, {4k,7k,10k}: 1/12, {6k,8k,11k}: 1/6 (the paper's 0.167)
        AnonymizationResult r = LiTable.at(1, 2, TCloseness.orderedDistance("salary", 1.0 / 6 + 1e-12));
        assertThat(r.suppressedRecords()).isZero();
        assertThat(r.achieved().get(0)).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(LiTable.at(1, 2, TCloseness.orderedDistance("salary", 0.15)).suppressedRecords()).isEqualTo(6);
    }

    @Test
    void tCloseness_ordered_paperExample_3k4k5kIsAt0375() {
        // at (2,1) the class (476**, 20-29) holds salaries 3k, 4k, 5k
        AnonymizationResult r = LiTable.at(2, 1, new KAnonymity(3), TCloseness.orderedDistance("salary", 0.375));
        assertThat(r.suppressedRecords()).isEqualTo(3); // only the classes of 2 and 1; 0.375 ≤ t passes
        assertThat(r.achieved().get(1)).isCloseTo(0.375, within(1e-15));
        assertThat(LiTable.at(2, 1, new KAnonymity(3), TCloseness.orderedDistance("salary", 0.374)).suppressedRecords())
                .isEqualTo(6);
    }

    @Test
    void tCloseness_ordered_defaultIsNumericOrder_notTextOrder_andAGivenOrderIsUsed() {
        // numerically 3000 < … < 11000; as text "10000" < "11000" < "3000" would move 10k and 11k to the front
        assertThat(LiTable.at(2, 1, new KAnonymity(3), TCloseness.orderedDistance("salary", 1)).achieved().get(1))
                .isCloseTo(0.375, within(1e-15));
        List<String> descending = List.of("11000", "10000", "9000", "8000", "7000", "6000", "5000", "4000", "3000");
        assertThat(LiTable.at(2, 1, new KAnonymity(3), TCloseness.orderedDistance("salary", 1, descending))
                .achieved().get(1)).isCloseTo(0.375, within(1e-15)); // mirrored order, same distance
    }

    @Test
    void tCloseness_equal_threeOfNineValues_isTwoThirds() {
        AnonymizationResult r = LiTable.at(1, 2, TCloseness.equalDistance("salary", 2.0 / 3));
        assertThat(r.achieved().get(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.suppressedRecords()).isZero();
        assertThat(LiTable.at(1, 2, TCloseness.equalDistance("salary", 0.66)).suppressedRecords()).isEqualTo(9);
        assertThat(LiTable.at(3, 3, TCloseness.equalDistance("salary", 0)).suppressedRecords()).isZero();
    }

    @Test
    void emd_handExamplesOfLiEtAl() {
        int[] totals = {1, 1, 1, 1, 1, 1, 1, 1, 1}; // 3k … 11k once each
        assertThat(Emd.ordered(new int[] {1, 1, 1, 0, 0, 0, 0, 0, 0}, 3, totals, 9, null)).isCloseTo(0.375, within(1e-15));
        assertThat(Emd.ordered(new int[] {0, 0, 0, 1, 0, 1, 0, 0, 1}, 3, totals, 9, null)).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(Emd.equal(new int[] {1, 1, 1, 0, 0, 0, 0, 0, 0}, 3, totals, 9)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(Emd.ordered(totals, 9, totals, 9, null)).isZero();
        // disease, equal distance: a class of {gastric ulcer, gastritis, stomach cancer} against 6 diseases over 9
        int[] diseases = {1, 2, 2, 1, 2, 1}; // gastric ulcer, gastritis, stomach cancer, flu, bronchitis, pneumonia
        assertThat(Emd.equal(new int[] {1, 1, 1, 0, 0, 0}, 3, diseases, 9))
                .isCloseTo(0.5 * (2.0 / 9 + 1.0 / 9 + 1.0 / 9 + 1.0 / 9 + 2.0 / 9 + 1.0 / 9), within(1e-15));
        int[] present = {0, 1, 2};
        assertThat(Emd.equalNumerator(new int[] {1, 1, 1, 0, 0, 0}, present, 3, 3, diseases, 9))
                .isEqualTo(Emd.equalNumerator(new int[] {1, 1, 1, 0, 0, 0}, 3, diseases, 9));
    }
}
