package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a configuration or table can be wrong gets one clear line with a user error code and no data values. */
class BadInputTest {
    private static final Table TABLE = LiTable.TABLE;

    @Test
    void search_kLargerThanTheTable_isUnsatisfiable() {
        assertFails(() -> search(0, new KAnonymity(10)), ErrorCode.PRIVACY_UNSATISFIABLE,
                "k = 10 is larger than the 9 records");
        assertFails(() -> search(1, new KAnonymity(10)), ErrorCode.PRIVACY_UNSATISFIABLE,
                "k = 10 is larger than the 9 records");
    }

    @Test
    void search_lMoreThanTheColumnHolds_isUnsatisfiable() {
        assertFails(() -> search(0, new DistinctLDiversity("disease", 7)), ErrorCode.PRIVACY_UNSATISFIABLE,
                "l = 7 but column 'disease' holds only 6 distinct values");
    }

    @Test
    void search_noNodeMeetsTheModels_isUnsatisfiable() {
        // flu dominates the whole table: not even the single class at the top is recursive (1,2)-diverse
        List<String[]> rows = new ArrayList<>();
        for (String[] row : TABLE.rows()) rows.add(new String[] {row[0], row[1], row[2], "flu"});
        rows.set(0, new String[] {"47677", "29", "3000", "cold"});
        Table skewed = new Table(TABLE.columns(), rows);
        assertFails(() -> Anonymizer.search(skewed, LiTable.config(0.1, UtilityMetric.LOSS,
                        new RecursiveCLDiversity("disease", 1, 2))), ErrorCode.PRIVACY_UNSATISFIABLE,
                "no generalization meets the privacy models with at most 0 of 9 records suppressed");
    }

    @Test
    void config_contradictoryRules_areInvalidPolicy() {
        QuasiIdentifier zip = LiTable.QIS.get(0);
        assertFails(() -> new PrivacyConfig(List.of(zip, zip), List.of(new KAnonymity(2)), 0, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "quasi-identifier 'zip' is listed twice");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(new DistinctLDiversity("zip", 2)), 0, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "column 'zip' is both a quasi-identifier and a sensitive column");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(new KAnonymity(2), new KAnonymity(3)), 0,
                UtilityMetric.LOSS), ErrorCode.INVALID_POLICY, "KAnonymity is given twice");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(TCloseness.equalDistance("salary", 0.2),
                        TCloseness.orderedDistance("salary", 0.3)), 0, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "TCloseness is given twice for column 'salary'");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(new KAnonymity(2)), 1.5, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "the suppression limit must be in [0, 1], not 1.5");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(new KAnonymity(2)), Double.NaN, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "the suppression limit must be in [0, 1], not NaN");
        assertFails(() -> new PrivacyConfig(LiTable.QIS, List.of(), 0, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "no privacy model is given");
        assertFails(() -> new PrivacyConfig(List.of(), List.of(new KAnonymity(2)), 0, UtilityMetric.LOSS),
                ErrorCode.INVALID_POLICY, "no quasi-identifier is given");
    }

    @Test
    void models_outOfRangeParameters_areInvalidPolicy() {
        assertFails(() -> new KAnonymity(0), ErrorCode.INVALID_POLICY, "k-anonymity: k must be at least 1, not 0");
        assertFails(() -> new DistinctLDiversity("d", 0), ErrorCode.INVALID_POLICY,
                "distinct l-diversity: l must be at least 1, not 0");
        assertFails(() -> new RecursiveCLDiversity("d", 0, 2), ErrorCode.INVALID_POLICY,
                "recursive (c,l)-diversity: c must be a number greater than 0");
        assertFails(() -> TCloseness.equalDistance("d", 1.2), ErrorCode.INVALID_POLICY, "t-closeness: t must be in [0, 1]");
        assertFails(() -> new TCloseness("d", 0.2, TCloseness.Distance.EQUAL, List.of("a")), ErrorCode.INVALID_POLICY,
                "t-closeness: an order only applies to the ordered distance");
        assertFails(() -> TCloseness.orderedDistance("d", 0.2, List.of("a", "a")), ErrorCode.INVALID_POLICY,
                "t-closeness: the order lists a value twice");
    }

    @Test
    void search_orderMissingValuesOfTheColumn_isInvalidPolicy() {
        assertFails(() -> search(0, TCloseness.orderedDistance("salary", 0.3, List.of("3000", "4000"))),
                ErrorCode.INVALID_POLICY, "t-closeness for column 'salary': the given order misses 7 of the column's values");
    }

    @Test
    void search_columnsNotInTheTable_areInvalidPolicy() {
        PrivacyConfig missingQi = new PrivacyConfig(List.of(new QuasiIdentifier("zipcode", LiTable.ZIP)),
                List.of(new KAnonymity(2)), 0, UtilityMetric.LOSS);
        assertFails(() -> Anonymizer.search(TABLE, missingQi), ErrorCode.INVALID_POLICY,
                "quasi-identifier 'zipcode' is not a column of the table");
        assertFails(() -> search(0, new DistinctLDiversity("diagnosis", 2)), ErrorCode.INVALID_POLICY,
                "sensitive column 'diagnosis' is not a column of the table");
    }

    @Test
    void search_hierarchyMissingValuesOfTheData_namesColumnAndCounts_notValues() {
        Hierarchy partial = Hierarchy.of(List.of(List.of("47677", "*"), List.of("47602", "*"), List.of("47678", "*")));
        PrivacyConfig config = new PrivacyConfig(List.of(new QuasiIdentifier("zip", partial)),
                List.of(new KAnonymity(2)), 0, UtilityMetric.LOSS);
        assertFails(() -> Anonymizer.search(TABLE, config), ErrorCode.INVALID_POLICY,
                "quasi-identifier 'zip': 6 distinct values in 6 records missing from its hierarchy");
    }

    @Test
    void search_adultWithATruncatedHierarchy_namesTheColumn() {
        List<List<String>> rows = new ArrayList<>();
        for (int age = 17; age <= 60; age++) rows.add(List.of(String.valueOf(age), "*"));
        List<QuasiIdentifier> qis = new ArrayList<>(AdultData.quasiIdentifiers(List.of("sex", "race")));
        qis.add(new QuasiIdentifier("age", Hierarchy.of(rows)));
        PrivacyConfig config = new PrivacyConfig(qis, List.of(new KAnonymity(5)), 0.04, UtilityMetric.LOSS);
        assertThatThrownBy(() -> Anonymizer.search(AdultData.table(), config))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
                .hasMessage("quasi-identifier 'age': 28 distinct values in 1806 records missing from its hierarchy");
    }

    @Test
    void evaluate_levelsOutOfRange_areInvalidPolicy() {
        PrivacyConfig config = LiTable.config(0, UtilityMetric.LOSS, new KAnonymity(2));
        assertFails(() -> Anonymizer.evaluate(TABLE, config, List.of(1)), ErrorCode.INVALID_POLICY,
                "1 levels given for 2 quasi-identifiers");
        assertFails(() -> Anonymizer.evaluate(TABLE, config, List.of(1, 4)), ErrorCode.INVALID_POLICY,
                "quasi-identifier 'age' has levels 0..3, not 4");
        assertFails(() -> Anonymizer.evaluate(TABLE, config, List.of(0, 0)), ErrorCode.PRIVACY_UNSATISFIABLE,
                "these levels suppress 9 records, more than the 0 allowed");
    }

    @Test
    void table_raggedOrNullOrEmpty_isMalformed() {
        List<String> columns = List.of("a", "b");
        assertFails(() -> new Table(columns, List.<String[]>of(new String[] {"1"})), ErrorCode.MALFORMED_INPUT,
                "record 0 has 1 values where the table has 2 columns");
        assertFails(() -> new Table(columns, List.<String[]>of(new String[] {"1", null})), ErrorCode.MALFORMED_INPUT,
                "record 0 has a missing (null) value");
        assertFails(() -> new Table(List.of("a", "a"), List.of()), ErrorCode.MALFORMED_INPUT,
                "the table names a column twice");
        assertFails(() -> Anonymizer.search(new Table(TABLE.columns(), List.of()), LiTable.config(0, UtilityMetric.LOSS,
                new KAnonymity(2))), ErrorCode.MALFORMED_INPUT, "the table has no records");
    }

    @Test
    void apply_toATableTheLevelsDoNotProtect_isUnsatisfiable() {
        AnonymizationResult r = search(0, new KAnonymity(3));
        List<String[]> rows = new ArrayList<>(TABLE.rows());
        rows.remove(0);
        assertFails(() -> r.apply(new Table(TABLE.columns(), rows)), ErrorCode.PRIVACY_UNSATISFIABLE,
                "on this table these levels suppress 2 records, more than the 0 allowed");
    }

    private static AnonymizationResult search(double limit, PrivacyModel... models) {
        return Anonymizer.search(TABLE, LiTable.config(limit, UtilityMetric.LOSS, models));
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "4767", "4790", "flu", "gastritis"));
    }
}
