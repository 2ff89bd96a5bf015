package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Every pattern recognizer, on any text: spans inside the text, declared entities, scores in [0, 1], no throw. */
class PatternRecognizersPropertyTest {
    private static final List<Recognizer> ALL = PatternRecognizers.all();

    @Property(tries = 500)
    void anyAscii_spansInBoundsAndNeverThrows(
            @ForAll @CharRange(from = 0, to = 127) @StringLength(max = 200) String text) {
        checkAll(text);
    }

    /** The characters the recognizers branch on, so that random strings reach deep into their checks. */
    @Property(tries = 1000)
    void patternAlphabet_spansInBoundsAndNeverThrows(
            @ForAll @Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-', '.', '/', ':', '+', '(', ')',
                    '@', '_', ',', 'a', 'b', 'c', 'e', 'f', 'm', 'p', 'x', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'J',
                    'T', 'Z', 'w', '%', '[', ']'}) @StringLength(max = 120) String text) {
        checkAll(text);
    }

    @Property(tries = 300)
    void anyUnicode_spansInBoundsAndNeverThrows(@ForAll @StringLength(max = 100) String text) {
        checkAll(text);
    }

    private static void checkAll(String text) {
        for (Recognizer r : ALL) {
            ScanText st = new ScanText(text, null);
            r.analyze(st, (start, end, entity, score) -> {
                assertThat(start).as(r.name()).isBetween(0, text.length() - 1);
                assertThat(end).as(r.name()).isBetween(start + 1, text.length());
                assertThat(r.entities()).as(r.name()).contains(entity);
                assertThat(score).as(r.name()).isBetween(0.0, 1.0);
            });
        }
    }
}
