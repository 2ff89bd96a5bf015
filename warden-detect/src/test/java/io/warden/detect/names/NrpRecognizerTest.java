package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NrpRecognizerTest {
    private final NrpRecognizer nrp = new NrpRecognizer();

    @Test
    void nationalitiesReligionsParties_reported() {
        assertThat(Spans.found(nrp, "A German engineer, two Brazilians, a Muslim doctor and the Republicans."))
                .containsExactly("NRP:German", "NRP:Brazilians", "NRP:Muslim", "NRP:Republicans");
    }

    @Test
    void phrases_oneSpan() {
        assertThat(Spans.found(nrp, "An African American voter.")).containsExactly("NRP:African American");
    }

    @Test
    void ambiguousWords_needContext() {
        assertThat(Spans.found(nrp, "A Conservative estimate, in Orthodox fashion.")).isEmpty();
        assertThat(Spans.found(nrp, "He voted for the Conservative party.")).containsExactly("NRP:Conservative");
    }

    @Test
    void lowerCase_notReported() {
        assertThat(Spans.found(nrp, "french fries and german cars")).isEmpty();
    }
}
