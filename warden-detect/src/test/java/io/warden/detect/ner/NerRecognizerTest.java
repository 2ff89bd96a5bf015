package io.warden.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NerRecognizerTest {
    /** A real, if tiny, model: a lookup table of phrases and their labels, found with indexOf. */
    static final class LookupTableModel implements NerModel {
        private final Map<String, String> table;
        private final double score;

        LookupTableModel(Map<String, String> table, double score) {
            this.table = Map.copyOf(table);
            this.score = score;
        }

        @Override
        public List<NerEntity> predict(String text) {
            List<NerEntity> out = new ArrayList<>();
            table.forEach((phrase, label) -> {
                for (int p = text.indexOf(phrase); p >= 0; p = text.indexOf(phrase, p + 1)) {
                    out.add(new NerEntity(p, p + phrase.length(), label, score));
                }
            });
            return out;
        }
    }

    private static List<String> found(NerRecognizer r, String text) {
        List<Span> spans = new Analyzer(List.of(r), AnalyzerConfig.defaults()).analyze(text, null);
        return spans.stream().map(s -> s.entity() + ":" + text.substring(s.start(), s.end())).toList();
    }

    @Test
    void conllAndOntoNotesLabels_mapToWardenEntities() {
        var model = new LookupTableModel(Map.of("Ada Lovelace", "B-PER", "London", "GPE", "Analytical Society", "ORG",
                "Victorian", "NORP", "1843", "DATE", "Babbage engine", "MISC"), 0.9);
        var r = new NerRecognizer(model);
        assertThat(found(r, "In 1843 Ada Lovelace, a Victorian of London, wrote to the Analytical Society about the Babbage engine."))
                .containsExactly("DATE_TIME:1843", "PERSON:Ada Lovelace", "NRP:Victorian", "LOCATION:London",
                        "ORGANIZATION:Analytical Society");
        assertThat(r.name()).isEqualTo("ner");
        assertThat(r.entities()).contains("PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME");
    }

    @Test
    void customMapping_andModelScoresFollowThreshold() {
        var mapping = Map.of("COMPANY", "ORGANIZATION");
        var unsure = new NerRecognizer("ner_custom", new LookupTableModel(Map.of("Acme", "company"), 0.3), mapping);
        var sure = new NerRecognizer("ner_custom", new LookupTableModel(Map.of("Acme", "company"), 0.8), mapping);
        assertThat(found(unsure, "Acme shipped")).isEmpty();
        assertThat(found(sure, "Acme shipped")).containsExactly("ORGANIZATION:Acme");
        assertThat(sure.name()).isEqualTo("ner_custom");
        assertThat(sure.entities()).containsExactly("ORGANIZATION");
    }

    @Test
    void entitiesOutsideTheText_ignored() {
        NerModel broken = text -> List.of(new NerEntity(0, text.length() + 5, "PER", 0.9));
        assertThat(found(new NerRecognizer(broken), "Ada")).isEmpty();
    }

    @Test
    void bareLabel_stripsBioPrefixes() {
        assertThat(NerRecognizer.bareLabel("B-PER")).isEqualTo("PER");
        assertThat(NerRecognizer.bareLabel("i-org")).isEqualTo("ORG");
        assertThat(NerRecognizer.bareLabel("GPE")).isEqualTo("GPE");
        assertThat(NerRecognizer.bareLabel("B")).isEqualTo("B");
    }

    @Test
    void nerEntity_validated() {
        assertThatThrownBy(() -> new NerEntity(3, 3, "PER", 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NerEntity(0, 1, "PER", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
