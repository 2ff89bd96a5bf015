package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.BuiltInRecognizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accuracy target of issue 2 on the development corpus (generated records and hard cases together): overall
 * F2 at least 0.85, and precision at least 0.98 for each checksum-validated entity.
 *
 * <p>Uses the built-in recognizers with default settings, exactly as {@code warden eval} would. Prints the tables
 * so a failing run shows where the errors are.
 */
class DevCorpusAccuracyTest {
    /** Gold name -> our name, if a recognizer settles on a different name than the corpus uses. */
    private static final Map<String, String> MAPPING = Map.of();

    private static EvalReport report;

    @BeforeAll
    static void evaluate() {
        List<EvalRecord> corpus = new ArrayList<>(CorpusReader.readAll(DevCorpusTest.DEV));
        corpus.addAll(CorpusReader.readAll(DevCorpusTest.HARD));
        Analyzer analyzer = new Analyzer(BuiltInRecognizers.all(), AnalyzerConfig.defaults());
        Evaluator evaluator = new Evaluator(analyzer, EvalOptions.defaults().withEntityMapping(MAPPING));
        report = evaluator.evaluate(corpus);
        System.out.println("dev-corpus.json + hard-cases.json\n" + report.toTable());
        System.out.println(report.errorsTable(40));
    }

    @Test
    void overallF2_isAtLeast085() {
        assertThat(report.overall().fScore()).as("overall F2").isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREDIT_CARD", "IBAN_CODE", "UK_NHS", "CRYPTO"})
    void checksumValidatedEntity_precisionIsAtLeast098(String entity) {
        EntityScore score = report.entity(entity);
        assertThat(score).as(entity + " scored").isNotNull();
        assertThat(score.predicted()).as(entity + " predictions").isPositive();
        assertThat(score.precision()).as(entity + " precision").isGreaterThanOrEqualTo(0.98);
    }
}
