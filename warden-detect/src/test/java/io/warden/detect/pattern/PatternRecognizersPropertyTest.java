package io.warden.detect.pattern;

import static io.warden.detect.RandomTexts.checkRecognizers;

import io.warden.detect.RandomTexts;
import io.warden.detect.Recognizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pattern recognizer, on any text: spans inside the text, declared entities, scores in [0, 1], no throw. */
class PatternRecognizersPropertyTest {
    private static final List<Recognizer> ALL = PatternRecognizers.all();
    /** The characters the recognizers branch on, so that random strings reach deep into their checks. */
    private static final String ALPHABET = "0123456789 -./:+()@_,abcefmpxABCDEFGJTZw%[]";

    @Test
    void anyAscii_spansInBoundsAndNeverThrows() {
        checkRecognizers(ALL, null, 1, 2000, r -> RandomTexts.ascii(r, 200));
    }

    @Test
    void patternAlphabet_spansInBoundsAndNeverThrows() {
        checkRecognizers(ALL, null, 2, 5000, r -> RandomTexts.from(r, ALPHABET, 120));
    }

    @Test
    void anyUnicode_spansInBoundsAndNeverThrows() {
        checkRecognizers(ALL, null, 3, 1000, r -> RandomTexts.anyChars(r, 100));
    }
}
