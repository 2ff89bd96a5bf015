package io.warden.detect.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.RandomTexts;
import io.warden.detect.ScanText;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatternRecognizerPropertyTest {
    private final PatternRecognizer recognizer = PatternRecognizer.of(new CustomRecognizerSpec("p", "P",
            List.of(new PatternSpec("a*", 0.5), new PatternSpec("\\d{2,4}", 0.7)), List.of("id"), List.of("12"),
            List.of("x"), true));

    @Test
    void spansStayInsideTheTextAndAreNonEmpty() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int t = 0; t < 2000; t++) {
            String text = t % 2 == 0 ? RandomTexts.anyChars(rnd, 100) : RandomTexts.from(rnd, "aA1x2 id", 60);
            recognizer.analyze(new ScanText(text, null), (s, e, entity, score) -> {
                assertThat(s).isBetween(0, text.length());
                assertThat(e).isBetween(s + 1, text.length());
                assertThat(score).isBetween(0.0, 1.0);
            });
        }
    }
}
