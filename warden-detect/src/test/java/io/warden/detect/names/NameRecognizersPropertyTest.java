package io.warden.detect.names;

import static io.warden.detect.RandomTexts.checkRecognizers;

import io.warden.detect.RandomTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameRecognizersPropertyTest {
    /** Words the recognizers react to. */
    private static final List<String> WORDS = List.of("John", "Smith", "Will", "Dr", ".", ",", " ", "  ", "12", "221B",
                "Main", "Street", "St", "Apt", "4B", "#", "New", "York", "Inc", "Bank", "of", "America", "S", "A",
                "O'", "Brien", "-", "\n", "German", "Box", "P", "O", "IL", "62704", "Mr", "&", "Co", "University", "é",
                "JOHN", "SMITH", "'");

    @Test
    void noRecognizerThrowsOrLeavesTheText_onWordSequences() {
        checkRecognizers(NameRecognizers.all(), "name", 21, 3000, r -> RandomTexts.pieces(r, WORDS, 30));
    }

    @Test
    void noRecognizerThrowsOrLeavesTheText_onAnyChars() {
        checkRecognizers(NameRecognizers.all(), "name", 22, 1000, r -> RandomTexts.anyChars(r, 200));
    }
}
