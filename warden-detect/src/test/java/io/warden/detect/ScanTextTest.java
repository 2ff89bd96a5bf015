package io.warden.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScanTextTest {
    private static List<String> tokens(ScanText t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.tokenCount(); i++) out.add(t.token(i));
        return out;
    }

    @Test
    void lex_splitsOnEverythingButLettersAndDigits() {
        ScanText t = new ScanText("api_key=AKIA9x, Café 42-7 日本語!", null);
        assertThat(tokens(t)).containsExactly("api", "key", "AKIA9x", "Café", "42", "7", "日本語");
    }

    @Test
    void lex_flagsDescribeEachToken() {
        ScanText t = new ScanText("Hello world 123 abc4 ÉCOLE", null);
        assertThat(t.tokenFlags(0)).isEqualTo(ScanText.LETTERS | ScanText.UPPER_FIRST | ScanText.HAS_UPPER
                | ScanText.HAS_LOWER);
        assertThat(t.tokenFlags(1)).isEqualTo(ScanText.LETTERS | ScanText.HAS_LOWER);
        assertThat(t.tokenFlags(2)).isEqualTo(ScanText.DIGITS | ScanText.HAS_DIGIT);
        assertThat(t.tokenFlags(3)).isEqualTo(ScanText.HAS_LOWER | ScanText.HAS_DIGIT);
        assertThat(t.tokenFlags(4)).isEqualTo(ScanText.LETTERS | ScanText.UPPER_FIRST | ScanText.HAS_UPPER);
    }

    @Test
    void anchorLists_holdExactlyTheMatchingTokensInOrder() {
        ScanText t = new ScanText("Call Ann at 555-1234 or mail a.b@x.org on fe80::1 today", null);
        List<String> digits = new ArrayList<>();
        for (int k = 0; k < t.digitTokenCount(); k++) digits.add(t.token(t.digitToken(k)));
        assertThat(digits).containsExactly("555", "1234", "fe80", "1");
        List<String> upper = new ArrayList<>();
        for (int k = 0; k < t.upperTokenCount(); k++) upper.add(t.token(t.upperToken(k)));
        assertThat(upper).containsExactly("Call", "Ann");
        List<String> joined = new ArrayList<>();
        for (int k = 0; k < t.joinedTokenCount(); k++) joined.add(t.token(t.joinedToken(k)));
        assertThat(joined).containsExactly("555", "a", "b", "x", "fe80", "1");
    }

    @Test
    void anchorLists_matchFlagsOnRandomText() {
        SplittableRandom rnd = new SplittableRandom(3);
        String alphabet = "aZ9 .:-_/@é日\uD83D\uDE00";
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(40); i > 0; i--) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            ScanText t = new ScanText(sb.toString(), null);
            int d = 0;
            int u = 0;
            for (int i = 0; i < t.tokenCount(); i++) {
                assertThat(t.tokenEnd(i)).isGreaterThan(t.tokenStart(i));
                if (i > 0) assertThat(t.tokenStart(i)).isGreaterThan(t.tokenEnd(i - 1));
                if ((t.tokenFlags(i) & ScanText.HAS_DIGIT) != 0) assertThat(t.digitToken(d++)).isEqualTo(i);
                if ((t.tokenFlags(i) & ScanText.UPPER_FIRST) != 0) assertThat(t.upperToken(u++)).isEqualTo(i);
            }
            assertThat(d).isEqualTo(t.digitTokenCount());
            assertThat(u).isEqualTo(t.upperTokenCount());
        }
    }

    @Test
    void tokenAtOrAfter_findsTheTokenCoveringOrFollowingAPosition() {
        ScanText t = new ScanText("ab  cd", null);
        assertThat(t.tokenAtOrAfter(0)).isZero();
        assertThat(t.tokenAtOrAfter(1)).isZero();
        assertThat(t.tokenAtOrAfter(2)).isEqualTo(1);
        assertThat(t.tokenAtOrAfter(6)).isEqualTo(2);
    }

    @Test
    void emptyText_hasNoTokens() {
        ScanText t = new ScanText("", null);
        assertThat(t.tokenCount()).isZero();
        assertThat(t.digitTokenCount()).isZero();
    }

    @Test
    void toString_neverShowsTheText() {
        assertThat(new ScanText("secret value 123-45-6789", "ssn").toString()).doesNotContain("secret")
                .doesNotContain("6789");
    }
}
