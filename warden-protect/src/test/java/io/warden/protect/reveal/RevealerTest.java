package io.warden.protect.reveal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.crypto.Keyring;
import io.warden.protect.operator.Fpe;
import io.warden.protect.operator.Fpe.Alphabet;
import io.warden.protect.operator.Operator.Target;
import io.warden.protect.operator.Tokenize;
import io.warden.protect.text.SpanRewriter;
import io.warden.protect.text.SpanRewriter.Edit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevealerTest {
    private static final Keyring KEYRING = Keyring.generate();
    private static final Tokenize TOKENIZE = new Tokenize(KEYRING);

    private static String token(String value, String field) {
        return TOKENIZE.apply(value, Target.cell(field));
    }

    @Test
    void reveal_tokensRewrittenIntoText_comeBackExactly() {
        String text = "Mail jane@example.com or call Jane Doe (Jane Doe's desk).";
        var edits = List.of(new Edit(5, 21, "EMAIL_ADDRESS"), new Edit(30, 38, "PERSON"), new Edit(40, 48, "PERSON"));
        String protectedText = SpanRewriter.rewrite(text, edits, "notes", entity -> TOKENIZE).text();
        assertThat(protectedText).doesNotContain("jane", "Jane").contains("tok_");
        assertThat(Revealer.tokensOnly(KEYRING).reveal("notes", protectedText)).isEqualTo(text);
    }

    @Test
    void reveal_findsTokensNextToPunctuationUnderscoresAndWords() {
        Revealer revealer = Revealer.tokensOnly(KEYRING);
        String t = token("Jane", "notes");
        assertThat(revealer.reveal("notes", "_" + t + "_ and *" + t + "*")).isEqualTo("_Jane_ and *Jane*");
        assertThat(revealer.reveal("notes", "(" + t + "), " + t + "-" + t + "s.")).isEqualTo("(Jane), Jane-Janes.");
        assertThat(revealer.reveal("notes", t)).isEqualTo("Jane");
    }

    @Test
    void reveal_textWithoutTokens_isReturnedAsItIs() {
        Revealer revealer = Revealer.tokensOnly(KEYRING);
        String text = "tok_count is a variable; tok_ alone; mytok_AQxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        assertThat(revealer.reveal("notes", text)).isSameAs(text);
        assertThat(Revealer.mayHoldTokens(text)).isFalse();
        assertThat(Revealer.mayHoldTokens("x " + token("a", "f"))).isTrue();
    }

    @Test
    void reveal_record_tokensAndFpeColumns_allFieldsAtOnce() {
        Fpe cardFpe = new Fpe(KEYRING, Alphabet.DIGITS, true);
        Revealer revealer = new Revealer(KEYRING, Map.of("card", cardFpe));
        String card = cardFpe.apply("4111 1111 1111 1111", Target.cell("card"));
        Record protectedRecord = Record.of(7, List.of("email", "card", "notes", "age"),
                Arrays.asList(token("jane@example.com", "email"), card, "met " + token("Jane", "notes"), null));
        Record revealed = revealer.reveal(protectedRecord);
        assertThat(revealed.values()).containsExactly("jane@example.com", "4111 1111 1111 1111", "met Jane", null);
        assertThat(revealed.index()).isEqualTo(7);
        assertThat(revealed.names()).isEqualTo(protectedRecord.names());
    }

    @Test
    void reveal_tokenOfAnotherKeyring_isBadKey_withoutData_andNoPartialResult() {
        Tokenize foreign = new Tokenize(Keyring.generate());
        String good = token("jane@example.com", "notes");
        String bad = foreign.apply("john@example.com", Target.cell("notes"));
        Record record = Record.of(3, List.of("notes"), List.of("a " + good + " b " + bad));
        assertThatThrownBy(() -> Revealer.tokensOnly(KEYRING).reveal(record))
                .isInstanceOfSatisfying(WardenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
                    assertThat(e.getMessage()).isEqualTo("record 3: a token in field 'notes' does not decrypt with this "
                            + "keyring (made with another keyring or for another field, or altered)");
                    assertThat(e.getMessage()).doesNotContain("jane", "john", good.substring(4, 16), bad.substring(4, 16));
                });
    }

    @Test
    void reveal_tamperedToken_orTokenMovedToAnotherField_isBadKey() {
        Revealer revealer = Revealer.tokensOnly(KEYRING);
        String t = token("Jane", "notes");
        char[] c = t.toCharArray();
        c[20] = c[20] == 'x' ? 'y' : 'x';
        assertThatThrownBy(() -> revealer.reveal("notes", "hi " + new String(c))).isInstanceOf(WardenException.class);
        assertThatThrownBy(() -> revealer.reveal("comment", "hi " + t))
                .isInstanceOf(WardenException.class).hasMessageContaining("field 'comment'");
    }

    @Test
    void reveal_afterRotation_oldAndNewTokensBothReveal() {
        String old = token("Jane", "notes");
        Keyring rotated = KEYRING.rotate();
        String fresh = new Tokenize(rotated).apply("John", Target.cell("notes"));
        assertThat(Revealer.tokensOnly(rotated).reveal("notes", old + " & " + fresh)).isEqualTo("Jane & John");
    }

    @Test
    void revealer_toString_namesFieldsNotKeys() {
        var revealer = new Revealer(KEYRING, Map.of("card", new Fpe(KEYRING, Alphabet.DIGITS, false)));
        assertThat(revealer.toString()).startsWith("Revealer[Keyring[" + KEYRING.id() + "; prf: 1 key(s)").endsWith("fpe fields=[card]]");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a hang guard: without the bound this tries a million megabyte-long tokens
    void reveal_hostileLongTokenRun_failsWithBadKey() {
        Revealer r = Revealer.tokensOnly(io.warden.crypto.Keyring.generate());
        String hostile = "tok_AQ" + "A".repeat(1_000_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.reveal("f", hostile))
                .isInstanceOf(io.warden.core.WardenException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                        ((io.warden.core.WardenException) e).code()).isEqualTo(io.warden.core.ErrorCode.BAD_KEY));
    }
}
