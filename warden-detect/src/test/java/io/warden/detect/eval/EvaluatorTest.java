package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator end to end: a real Analyzer with a literal-matching recognizer. */
class EvaluatorTest {
    private static Evaluator evaluator(Map<String, String> literals, EvalOptions options) {
        Analyzer analyzer = new Analyzer(List.of(new LiteralRecognizer(literals)), AnalyzerConfig.defaults());
        return new Evaluator(analyzer, options);
    }

    @Test
    void predict_convertsCharOffsetsToCodePoints_afterEmoji() {
        // "😀" is two chars but one code point: "Alice" starts at char 3, code point 2
        Evaluator e = evaluator(Map.of("Alice", "PERSON"), EvalOptions.defaults());
        assertThat(e.predict("😀 Alice")).containsExactly(new LabeledSpan("PERSON", 2, 7));
    }

    @Test
    void predict_spanContainingNonBmpCharacters_hasCodePointLength() {
        // U+20000 and U+20001 (CJK Extension B) are surrogate pairs: 4 chars, 2 code points
        String name = "\uD840\uDC00\uD840\uDC01";
        Evaluator e = evaluator(Map.of(name, "PERSON"), EvalOptions.defaults());
        assertThat(e.predict("𝄞 x " + name + " y")).containsExactly(new LabeledSpan("PERSON", 4, 6));
    }

    @Test
    void evaluate_goldInCodePoints_matchesPredictionsAfterEmoji() {
        String text = "👋🏽 hi Alice, mail bob@example.com 🙏";
        int alice = text.codePointCount(0, text.indexOf("Alice"));
        int mail = text.codePointCount(0, text.indexOf("bob@"));
        EvalRecord r = new EvalRecord(text, List.of(new LabeledSpan("PERSON", alice, alice + 5),
                new LabeledSpan("EMAIL_ADDRESS", mail, mail + 15)));
        Evaluator e = evaluator(Map.of("Alice", "PERSON", "bob@example.com", "EMAIL_ADDRESS"), EvalOptions.defaults()
                .withOverlapThreshold(1.0));
        EvalReport report = e.evaluate(List.of(r));
        assertThat(report.overall().truePositives()).isEqualTo(2);
        assertThat(report.overall().falsePositives() + report.overall().falseNegatives()).isZero();
    }

    @Test
    void evaluate_usingCharOffsetsAsGold_wouldNotMatchExactly() {
        // guards the conversion: with UTF-16 offsets the gold span would be shifted by the surrogate pair
        String text = "😀 Alice, hi";
        EvalRecord charOffsets = new EvalRecord(text, List.of(new LabeledSpan("PERSON", 3, 8)));
        EvalReport report = evaluator(Map.of("Alice", "PERSON"), EvalOptions.defaults().withOverlapThreshold(1.0))
                .evaluate(List.of(charOffsets));
        assertThat(report.overall().truePositives()).isZero();
    }

    @Test
    void evaluate_analyzerEntitiesDecideNotProducible() {
        EvalRecord r = new EvalRecord("Alice is Brazilian", List.of(new LabeledSpan("PERSON", 0, 5),
                new LabeledSpan("NRP", 9, 18)));
        EvalReport report = evaluator(Map.of("Alice", "PERSON"), EvalOptions.defaults()).evaluate(List.of(r));
        assertThat(report.notProducible()).containsExactly("NRP");
        assertThat(report.entity("PERSON").fScore()).isEqualTo(1.0);
    }

    @Test
    void evaluate_mappingAppliesToAnalyzerEntitiesForNotProducible() {
        EvalRecord r = new EvalRecord("Alice", List.of(new LabeledSpan("PER", 0, 5)));
        EvalReport report = evaluator(Map.of("Alice", "PERSON"), EvalOptions.defaults()
                .withEntityMapping(Map.of("PER", "PERSON"))).evaluate(List.of(r));
        assertThat(report.notProducible()).isEmpty();
        assertThat(report.overall().truePositives()).isEqualTo(1);
    }

    @Test
    void evaluate_file_streamsRecords_andReportsThem(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("c.json");
        Files.writeString(corpus, """
                [
                  {"full_text": "Alice met Bob", "spans": [{"entity_type": "PERSON", "entity_value": "Alice",
                    "start_position": 0, "end_position": 5}, {"entity_type": "PERSON", "start_position": 10,
                    "end_position": 13}]},
                  {"full_text": "nothing here", "spans": []}
                ]
                """, StandardCharsets.UTF_8);
        EvalReport report = evaluator(Map.of("Alice", "PERSON", "here", "PERSON"), EvalOptions.defaults())
                .evaluate(corpus);
        assertThat(report.records()).isEqualTo(2);
        EntityScore person = report.entity("PERSON");
        assertThat(person.truePositives()).isEqualTo(1);
        assertThat(person.falseNegatives()).isEqualTo(1);
        assertThat(person.falsePositives()).isEqualTo(1);
        assertThat(report.errors()).extracting(ErrorExample::record).containsExactly(0L, 1L);

        Path json = dir.resolve("out/../report.json");
        Files.createDirectories(dir.resolve("out"));
        report.writeJson(json);
        assertThat(Files.readString(json)).isEqualTo(report.toJson());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("c.json", "out",
                    "report.json");
        }
    }

    @Test
    void evaluate_emptyCorpus_givesEmptyReport(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("empty.json");
        Files.writeString(corpus, "[]");
        EvalReport report = evaluator(Map.of("Alice", "PERSON"), EvalOptions.defaults()).evaluate(corpus);
        assertThat(report.records()).isZero();
        assertThat(report.entities()).isEmpty();
        assertThat(report.overall().fScore()).isNaN();
    }

    @Test
    void writeJson_toMissingDirectory_isOutputFailed(@TempDir Path dir) {
        EvalReport report = evaluator(Map.of(), EvalOptions.defaults()).evaluate(List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report.writeJson(dir.resolve("no/such/r.json")))
                .isInstanceOfSatisfying(io.warden.core.WardenException.class,
                        ex -> assertThat(ex.code()).isEqualTo(io.warden.core.ErrorCode.OUTPUT_FAILED));
    }
}
