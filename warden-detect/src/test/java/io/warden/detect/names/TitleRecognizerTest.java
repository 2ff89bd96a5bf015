package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleRecognizerTest {
    private final TitleRecognizer title = new TitleRecognizer();

    @Test
    void abbreviationsBeforeNames_titleSpanOnly() {
        assertThat(Spans.found(title, "Dr. Jane Doe and Mrs Smith met Prof. Ngata."))
                .containsExactly("TITLE:Dr.", "TITLE:Mrs", "TITLE:Prof.");
        assertThat(Spans.score(title, "Mr. Smith", "Mr.")).isEqualTo(0.85);
        assertThat(Spans.score(title, "Mr Smith", "Mr")).isEqualTo(0.75);
    }

    @Test
    void titleWords_onlyBeforeKnownNames() {
        assertThat(Spans.found(title, "Sir Paul played. General Electric grew. Miss Brown waved."))
                .containsExactly("TITLE:Sir");
    }

    @Test
    void titleWithoutName_notReported() {
        assertThat(Spans.found(title, "See the Dr. about it. Mr. and Mrs. are titles.")).isEmpty();
    }

    @Test
    void streetSuffixDr_notATitle() {
        assertThat(Spans.found(title, "Visit 12 Elm Dr Springfield")).isEmpty();
    }
}
