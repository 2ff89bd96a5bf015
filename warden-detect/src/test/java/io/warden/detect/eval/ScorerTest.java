package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for the matching and the arithmetic, independent of any recognizer. */
class ScorerTest {
    private static final String TEXT = "x".repeat(100);

    private static LabeledSpan span(String entity, int start, int end) {
        return new LabeledSpan(entity, start, end);
    }

    private static EvalReport score(EvalOptions options, List<LabeledSpan> gold, List<LabeledSpan> predicted) {
        Scorer s = new Scorer(options, null);
        s.add(0, TEXT, gold, predicted);
        return s.report();
    }

    private static EvalReport score(List<LabeledSpan> gold, List<LabeledSpan> predicted) {
        return score(EvalOptions.defaults(), gold, predicted);
    }

    @Test
    void iou_exactlyAtThreshold_matches() {
        // gold 0..10, predicted 0..5: intersection 5, union 10, IoU 0.5
        EvalReport r = score(List.of(span("PERSON", 0, 10)), List.of(span("PERSON", 0, 5)));
        assertThat(r.overall().truePositives()).isEqualTo(1);
        assertThat(r.overall().falsePositives()).isZero();
        assertThat(r.overall().falseNegatives()).isZero();
    }

    @Test
    void iou_justBelowThreshold_isOneFalsePositiveAndOneFalseNegative() {
        // gold 0..10, predicted 0..4: IoU 0.4
        EvalReport r = score(List.of(span("PERSON", 0, 10)), List.of(span("PERSON", 0, 4)));
        assertThat(r.overall().truePositives()).isZero();
        assertThat(r.overall().falsePositives()).isEqualTo(1);
        assertThat(r.overall().falseNegatives()).isEqualTo(1);
        assertThat(r.errors()).extracting(ErrorExample::reason)
                .containsOnly(ErrorExample.Reason.BOUNDARY);
    }

    @Test
    void iou_predictionContainingGold_usesUnionNotGoldLength() {
        // gold 10..20 inside predicted 0..30: intersection 10 (the whole gold span) but IoU 10/30
        EvalReport r = score(List.of(span("PERSON", 10, 20)), List.of(span("PERSON", 0, 30)));
        assertThat(r.overall().truePositives()).isZero();
    }

    @Test
    void iou_decimalThreshold_comparedWithoutRoundingLoss() {
        // intersection 3, union 10: IoU exactly 0.3 must pass a 0.3 threshold (0.3 * 10 > 3 in doubles)
        EvalReport r = score(EvalOptions.defaults().withOverlapThreshold(0.3),
                List.of(span("PERSON", 0, 10)), List.of(span("PERSON", 7, 10)));
        assertThat(r.overall().truePositives()).isEqualTo(1);
    }

    @Test
    void thresholdOne_requiresExactBoundaries() {
        EvalOptions exact = EvalOptions.defaults().withOverlapThreshold(1.0);
        assertThat(score(exact, List.of(span("URL", 3, 9)), List.of(span("URL", 3, 9))).overall().truePositives())
                .isEqualTo(1);
        assertThat(score(exact, List.of(span("URL", 3, 9)), List.of(span("URL", 3, 8))).overall().truePositives())
                .isZero();
    }

    @Test
    void thresholdZero_acceptsAnyOverlapButNotAdjacentSpans() {
        EvalOptions any = EvalOptions.defaults().withOverlapThreshold(0);
        assertThat(score(any, List.of(span("URL", 0, 100)), List.of(span("URL", 99, 100))).overall().truePositives())
                .isEqualTo(1);
        EvalReport adjacent = score(any, List.of(span("URL", 0, 10)), List.of(span("URL", 10, 20)));
        assertThat(adjacent.overall().truePositives()).isZero();
        assertThat(adjacent.errors()).extracting(ErrorExample::reason)
                .containsExactly(ErrorExample.Reason.MISSED, ErrorExample.Reason.SPURIOUS);
    }

    @Test
    void differentEntity_neverMatches_andIsReportedAsWrongEntity() {
        EvalReport r = score(List.of(span("PERSON", 0, 10)), List.of(span("LOCATION", 0, 10)));
        assertThat(r.entity("PERSON").falseNegatives()).isEqualTo(1);
        assertThat(r.entity("LOCATION").falsePositives()).isEqualTo(1);
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.reason()).isEqualTo(ErrorExample.Reason.WRONG_ENTITY));
        assertThat(r.errors()).extracting(ErrorExample::otherEntity).containsExactlyInAnyOrder("PERSON", "LOCATION");
    }

    @Test
    void oneToOne_twoPredictionsOnOneGoldSpan_secondIsFalsePositive() {
        EvalReport r = score(List.of(span("PERSON", 0, 10)), List.of(span("PERSON", 0, 10), span("PERSON", 0, 9)));
        assertThat(r.overall().truePositives()).isEqualTo(1);
        assertThat(r.overall().falsePositives()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorExample.Kind.FALSE_POSITIVE);
            assertThat(e.end()).isEqualTo(9); // the exact one was taken first (higher IoU)
        });
    }

    @Test
    void oneToOne_onePredictionOverTwoGoldSpans_matchesTheBetterOne() {
        // gold A 0..10, gold B 10..12; predicted 0..11: IoU(A) = 10/11, IoU(B) = 1/12
        EvalReport r = score(EvalOptions.defaults().withOverlapThreshold(0),
                List.of(span("PERSON", 0, 10), span("PERSON", 10, 12)), List.of(span("PERSON", 0, 11)));
        assertThat(r.overall().truePositives()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorExample.Kind.FALSE_NEGATIVE);
            assertThat(e.start()).isEqualTo(10);
            assertThat(e.reason()).isEqualTo(ErrorExample.Reason.BOUNDARY);
        });
    }

    @Test
    void greedy_takesBestOverlapFirst_notTextOrder() {
        // A 0..6, B 4..10, P 3..9, Q 0..5 at threshold 0.3:
        // IoU(A,P) = 3/9, IoU(B,P) = 5/7, IoU(A,Q) = 5/6, IoU(B,Q) = 1/10 -> A-Q and B-P
        EvalReport r = score(EvalOptions.defaults().withOverlapThreshold(0.3),
                List.of(span("ID", 0, 6), span("ID", 4, 10)), List.of(span("ID", 3, 9), span("ID", 0, 5)));
        assertThat(r.overall().truePositives()).isEqualTo(2);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void scores_handComputed() {
        // TP 3, FP 1, FN 2: P = 0.75, R = 0.6, F2 = 5*3 / (5*3 + 4*2 + 1) = 0.625
        EvalReport r = score(
                List.of(span("E", 0, 5), span("E", 10, 15), span("E", 20, 25), span("E", 30, 35), span("E", 40, 45)),
                List.of(span("E", 0, 5), span("E", 10, 15), span("E", 20, 25), span("E", 50, 55)));
        EntityScore e = r.entity("E");
        assertThat(e.truePositives()).isEqualTo(3);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.falseNegatives()).isEqualTo(2);
        assertThat(e.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(e.recall()).isCloseTo(0.6, within(1e-12));
        assertThat(e.fScore()).isCloseTo(0.625, within(1e-12));
        double p = e.precision();
        double rec = e.recall();
        assertThat(e.fScore()).isCloseTo(5 * p * rec / (4 * p + rec), within(1e-12));
    }

    @Test
    void fBeta_withBetaOne_isF1() {
        EvalReport r = score(EvalOptions.defaults().withBeta(1),
                List.of(span("E", 0, 5), span("E", 10, 15)), List.of(span("E", 0, 5), span("E", 20, 25)));
        // TP 1, FP 1, FN 1: F1 = 2 / (2 + 1 + 1)
        assertThat(r.overall().fScore()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void overall_isMicroAveraged() {
        // A: TP 1, FN 1; B: TP 2, FP 2 -> overall TP 3, FP 2, FN 1: P 0.6, R 0.75, F2 = 15/21
        EvalReport r = score(
                List.of(span("A", 0, 5), span("A", 10, 15), span("B", 20, 25), span("B", 30, 35)),
                List.of(span("A", 0, 5), span("B", 20, 25), span("B", 30, 35), span("B", 40, 45), span("B", 50, 55)));
        assertThat(r.entities()).extracting(EntityScore::entity).containsExactly("A", "B");
        assertThat(r.overall().precision()).isCloseTo(0.6, within(1e-12));
        assertThat(r.overall().recall()).isCloseTo(0.75, within(1e-12));
        assertThat(r.overall().fScore()).isCloseTo(15.0 / 21, within(1e-12));
        assertThat(r.overall().entity()).isEqualTo(EvalReport.OVERALL);
    }

    @Test
    void undefinedScores_areNaN() {
        EvalReport onlyGold = score(List.of(span("A", 0, 5)), List.of());
        assertThat(onlyGold.entity("A").precision()).isNaN();
        assertThat(onlyGold.entity("A").recall()).isZero();
        assertThat(onlyGold.entity("A").fScore()).isZero();
        EvalReport onlyPredicted = score(List.of(), List.of(span("A", 0, 5)));
        assertThat(onlyPredicted.entity("A").recall()).isNaN();
        assertThat(onlyPredicted.entity("A").precision()).isZero();
    }

    @Test
    void emptyCorpus_hasNoEntitiesAndUndefinedScores() {
        EvalReport r = new Scorer(EvalOptions.defaults(), Set.of("PERSON")).report();
        assertThat(r.records()).isZero();
        assertThat(r.entities()).isEmpty();
        assertThat(r.overall().fScore()).isNaN();
        assertThat(r.overall().precision()).isNaN();
        assertThat(r.errors()).isEmpty();
        assertThat(r.toTable()).contains("0 records");
        assertThat(r.toJson()).contains("\"f_score\" : null");
    }

    @Test
    void mapping_renamesGoldAndPredictedNames() {
        EvalOptions o = EvalOptions.defaults().withEntityMapping(Map.of("PER", "PERSON", "GPE", "LOCATION",
                "US_SSN", "SSN"));
        EvalReport r = score(o,
                List.of(span("PER", 0, 5), span("GPE", 10, 15), span("SSN", 20, 31)),
                List.of(span("PERSON", 0, 5), span("LOCATION", 10, 15), span("US_SSN", 20, 31)));
        assertThat(r.entities()).extracting(EntityScore::entity).containsExactly("LOCATION", "PERSON", "SSN");
        assertThat(r.overall().truePositives()).isEqualTo(3);
        assertThat(r.overall().falsePositives() + r.overall().falseNegatives()).isZero();
    }

    @Test
    void mapping_toOutside_dropsGoldSpans_andPredictionsOverThemAreFalsePositives() {
        EvalOptions o = EvalOptions.defaults().withEntityMapping(Map.of("TITLE", "O"));
        EvalReport r = score(o, List.of(span("TITLE", 0, 3), span("PERSON", 4, 10)),
                List.of(span("PERSON", 0, 3), span("PERSON", 4, 10)));
        assertThat(r.entities()).extracting(EntityScore::entity).containsExactly("PERSON");
        assertThat(r.entity("PERSON").falsePositives()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo(ErrorExample.Reason.SPURIOUS));
    }

    @Test
    void mapping_predictedNameToOutside_ignoresThosePredictions() {
        EvalOptions o = EvalOptions.defaults().withEntityMapping(Map.of("DATE_TIME", "O"));
        EvalReport r = score(o, List.of(span("PERSON", 4, 10)),
                List.of(span("DATE_TIME", 20, 30), span("PERSON", 4, 10)));
        assertThat(r.overall().falsePositives()).isZero();
        assertThat(r.entity("DATE_TIME")).isNull();
    }

    @Test
    void entitiesFilter_scoresOnlyThoseOnBothSides_andListsRequestedOnesEvenIfAbsent() {
        EvalOptions o = EvalOptions.defaults().withEntities(Set.of("PERSON", "IBAN_CODE"));
        EvalReport r = score(o, List.of(span("PERSON", 0, 5), span("NRP", 10, 15)),
                List.of(span("PERSON", 0, 5), span("DATE_TIME", 20, 25)));
        assertThat(r.entities()).extracting(EntityScore::entity).containsExactly("IBAN_CODE", "PERSON");
        assertThat(r.overall().truePositives()).isEqualTo(1);
        assertThat(r.overall().falsePositives() + r.overall().falseNegatives()).isZero();
        assertThat(r.entity("IBAN_CODE").fScore()).isNaN();
    }

    @Test
    void entitiesFilter_appliesToMappedNames() {
        EvalOptions o = EvalOptions.defaults().withEntityMapping(Map.of("PER", "PERSON"))
                .withEntities(Set.of("PERSON"));
        EvalReport r = score(o, List.of(span("PER", 0, 5)), List.of(span("PERSON", 0, 5)));
        assertThat(r.overall().truePositives()).isEqualTo(1);
    }

    @Test
    void withoutFilter_predictionsOfEntitiesAbsentFromGold_areFalsePositives() {
        EvalReport r = score(List.of(span("PERSON", 0, 5)), List.of(span("PERSON", 0, 5), span("DATE_TIME", 20, 25)));
        assertThat(r.entity("DATE_TIME").falsePositives()).isEqualTo(1);
        assertThat(r.overall().precision()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void notProducible_listsGoldEntitiesNoRecognizerDeclares() {
        Scorer s = new Scorer(EvalOptions.defaults(), Set.of("PERSON"));
        s.add(0, TEXT, List.of(span("PERSON", 0, 5), span("NRP", 10, 15)), List.of(span("PERSON", 0, 5)));
        EvalReport r = s.report();
        assertThat(r.notProducible()).containsExactly("NRP");
        assertThat(r.entity("NRP").falseNegatives()).isEqualTo(1);
        assertThat(r.toTable()).contains("not produced by any recognizer").contains("NRP");
    }

    @Test
    void countsAccumulateAcrossRecords_andErrorsNameTheirRecord() {
        Scorer s = new Scorer(EvalOptions.defaults(), null);
        s.add(0, TEXT, List.of(span("A", 0, 5)), List.of(span("A", 0, 5)));
        s.add(1, TEXT, List.of(span("A", 0, 5)), List.of());
        s.add(2, TEXT, List.of(), List.of(span("A", 7, 9)));
        EvalReport r = s.report();
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.entity("A").truePositives()).isEqualTo(1);
        assertThat(r.errors()).extracting(ErrorExample::record).containsExactly(1L, 2L);
    }

    @Test
    void errorExamples_areCappedButAllCounted() {
        Scorer s = new Scorer(EvalOptions.defaults().withMaxErrorExamples(2), null);
        s.add(0, TEXT, List.of(span("A", 0, 5), span("A", 10, 15), span("A", 20, 25)), List.of());
        EvalReport r = s.report();
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errorsOmitted()).isEqualTo(1);
        assertThat(r.overall().falseNegatives()).isEqualTo(3);
        assertThat(r.errorsTable(10)).contains("... and 1 more");
    }

    @Test
    void errorExamples_carryNoTextUnlessAsked() {
        String text = "call Alice now";
        Scorer quiet = new Scorer(EvalOptions.defaults(), null);
        quiet.add(0, text, List.of(span("PERSON", 5, 10)), List.of());
        EvalReport r = quiet.report();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.value()).isNull();
            assertThat(e.context()).isNull();
        });
        assertThat(r.toJson()).doesNotContain("Alice");
        assertThat(r.toTable()).doesNotContain("Alice");
        assertThat(r.errorsTable(10)).doesNotContain("Alice");

        Scorer loud = new Scorer(EvalOptions.defaults().withIncludeText(true), null);
        loud.add(0, text, List.of(span("PERSON", 5, 10)), List.of());
        ErrorExample e = loud.report().errors().get(0);
        assertThat(e.value()).isEqualTo("Alice");
        assertThat(e.context()).isEqualTo("call [[Alice]] now");
        assertThat(e.toString()).doesNotContain("Alice");
        assertThat(loud.report().errorsTable(10)).contains("call [[Alice]] now");
    }

    @Test
    void errorExampleText_usesCodePointOffsets() {
        String text = "😀😀 Zoë 🙂";
        Scorer s = new Scorer(EvalOptions.defaults().withIncludeText(true), null);
        s.add(0, text, List.of(span("PERSON", 3, 6)), List.of());
        assertThat(s.report().errors().get(0).value()).isEqualTo("Zoë");
    }

    @Test
    void json_hasStableFieldsAndNullForUndefined() {
        EvalReport r = score(List.of(span("A", 0, 5)), List.of());
        String json = r.toJson();
        assertThat(json).contains("\"records\" : 1", "\"overlap_threshold\" : 0.5", "\"beta\" : 2.0",
                "\"precision\" : null", "\"recall\" : 0.0", "\"kind\" : \"FN\"", "\"reason\" : \"MISSED\"",
                "\"errors_omitted\" : 0");
    }

    @Test
    void table_showsDashForUndefinedAndTheOverallRow() {
        EvalReport r = score(List.of(span("EMAIL_ADDRESS", 0, 5)), List.of());
        assertThat(r.toTable()).contains("EMAIL_ADDRESS", "overall (micro)", "F2", " - ");
    }

    @Test
    void options_rejectOutOfRangeValues() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.defaults().withOverlapThreshold(1.5));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.defaults().withOverlapThreshold(Double.NaN));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.defaults().withBeta(0));
    }

    @Test
    void parseMapping_readsPairs_andRejectsMalformedOnes() {
        assertThat(EvalOptions.parseMapping(List.of("PER=PERSON", " GPE = LOCATION ")))
                .containsExactly(Map.entry("PER", "PERSON"), Map.entry("GPE", "LOCATION"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.parseMapping(List.of("PER")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.parseMapping(List.of("=PERSON")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EvalOptions.parseMapping(List.of("PER=A", "PER=B")));
    }
}
