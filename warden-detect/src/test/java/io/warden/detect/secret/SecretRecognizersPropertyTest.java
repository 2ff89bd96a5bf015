package io.warden.detect.secret;

import static io.warden.detect.RandomTexts.checkRecognizers;

import io.warden.detect.RandomTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRecognizersPropertyTest {
    /** The prefixes and separators the recognizers anchor on. */
    private static final List<String> PIECES = List.of("AKIA", "ghp_", "github_pat_", "glpat-", "xoxb-", "sk_live_",
            "AIza", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "eyJ", ".", "password", "token", "=",
            ":", "=>", "\"", "'", " ", "\n", "\\n", "hooks.slack.com/services/", "T0123ABCD", "/", "Bearer ", "${X}",
            "aB3dE5gH", "0123456789", "=====", "é");

    @Test
    void noRecognizerThrowsOrLeavesTheText_onAnchorSequences() {
        checkRecognizers(SecretRecognizers.all(), null, 11, 3000, r -> RandomTexts.pieces(r, PIECES, 30));
    }

    @Test
    void noRecognizerThrowsOrLeavesTheText_onAnyChars() {
        checkRecognizers(SecretRecognizers.all(), null, 12, 1000, r -> RandomTexts.anyChars(r, 300));
    }
}
