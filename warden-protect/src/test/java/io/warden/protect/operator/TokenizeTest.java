package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.protect.operator.Operator.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeTest {
    private static final Keyring KEYRING = Keys.KEYRING;
    private static final Target EMAIL = Target.cell("email");

    @TempDir
    Path dir;

    @Test
    void tokenize_sameValueSameColumn_sameTokenAcrossRuns() {
        Path file = dir.resolve("keyring.json");
        KEYRING.writeInsecurePlaintext(file);
        String first = new Tokenize(KEYRING).apply("jane@example.com", EMAIL);
        // another run: the keyring read back from its file, a new operator
        String second = new Tokenize(Keyring.readInsecurePlaintext(file)).apply("jane@example.com", EMAIL);
        assertThat(second).isEqualTo(first);
        // a span found in text of the same field gets the same token as the whole cell
        assertThat(new Tokenize(KEYRING).apply("jane@example.com", new Target("email", "EMAIL_ADDRESS")))
                .isEqualTo(first);
    }

    @Test
    void tokenize_sameValueOtherColumn_otherToken_thatDoesNotRevealThere() {
        Tokenize tokenize = new Tokenize(KEYRING);
        String inEmail = tokenize.apply("jane@example.com", EMAIL);
        String inContact = tokenize.apply("jane@example.com", Target.cell("contact"));
        assertThat(inContact).isNotEqualTo(inEmail);
        assertThat(tokenize.reveal(inContact, "contact")).isEqualTo("jane@example.com");
        assertThatThrownBy(() -> tokenize.reveal(inEmail, "contact"))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY))
                .hasMessage("a token in field 'contact' does not decrypt with this keyring (made with another keyring "
                        + "or for another field, or altered)");
    }

    @Test
    void tokenize_format_isPrefixAndUnpaddedBase64urlOfTinkCiphertext() {
        Tokenize tokenize = new Tokenize(KEYRING);
        for (String value : new String[] {"", "a", "jane@example.com", "Zoë 😀 Ünal", "x".repeat(300)}) {
            String token = tokenize.apply(value, EMAIL);
            int n = value.getBytes(StandardCharsets.UTF_8).length;
            assertThat(token).startsWith("tok_").matches("tok_[A-Za-z0-9_-]+")
                    .hasSize(4 + (int) Math.ceil(4 * (21 + n) / 3.0));
            assertThat(Tokenize.TOKEN.matcher(token).matches()).as(value).isTrue();
            assertThat(tokenize.reveal(token, "email")).isEqualTo(value);
        }
    }

    @Test
    void tokenize_randomValues_roundTrip() {
        Tokenize tokenize = new Tokenize(KEYRING);
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                int cp = random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f);
                if (!Character.isSurrogate((char) cp)) sb.appendCodePoint(cp);
            }
            String field = "f" + random.nextInt(3);
            String token = tokenize.apply(sb.toString(), Target.cell(field));
            assertThat(tokenize.reveal(token, field)).isEqualTo(sb.toString());
        }
    }

    @Test
    void tokenize_otherKeyring_otherToken_andCannotReveal() {
        String token = new Tokenize(KEYRING).apply("123-45-6789", Target.cell("ssn"));
        Tokenize other = new Tokenize(Keyring.generate());
        assertThat(other.apply("123-45-6789", Target.cell("ssn"))).isNotEqualTo(token);
        assertThatThrownBy(() -> other.reveal(token, "ssn"))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(4, 20), "123-45"));
    }

    @Test
    void tokenize_tamperedToken_isBadKey() {
        Tokenize tokenize = new Tokenize(KEYRING);
        String token = tokenize.apply("123-45-6789", Target.cell("ssn"));
        for (int i = 4; i < token.length(); i += 5) {
            char[] c = token.toCharArray();
            c[i] = c[i] == 'A' ? 'B' : 'A';
            assertThat(tokenize.tryReveal(new String(c), "ssn")).as("flip at %d", i).isNull();
        }
        assertThatThrownBy(() -> tokenize.reveal(token.substring(0, token.length() - 2), "ssn"))
                .isInstanceOf(WardenException.class);
        assertThatThrownBy(() -> tokenize.reveal("tok_short", "ssn")).isInstanceOf(WardenException.class);
    }

    @Test
    void tokenize_afterRotation_oldTokensStillReveal_newOnesDiffer() {
        Tokenize before = new Tokenize(KEYRING);
        String old = before.apply("jane@example.com", EMAIL);
        Tokenize after = new Tokenize(KEYRING.rotate());
        assertThat(after.reveal(old, "email")).isEqualTo("jane@example.com");
        String fresh = after.apply("jane@example.com", EMAIL);
        assertThat(fresh).isNotEqualTo(old);
        assertThatThrownBy(() -> before.reveal(fresh, "email")).isInstanceOf(WardenException.class);
    }

    @Test
    void tokenize_withoutField_usesEmptyAssociatedData() {
        Tokenize tokenize = new Tokenize(KEYRING);
        String token = tokenize.apply("Jane", new Target(null, "PERSON"));
        assertThat(tokenize.reveal(token, null)).isEqualTo("Jane");
        assertThat(tokenize.reveal(token, "")).isEqualTo("Jane");
    }

    @Test
    void tokenize_toString_andName() {
        Tokenize tokenize = new Tokenize(KEYRING);
        assertThat(tokenize.name()).isEqualTo("tokenize");
        assertThat(tokenize.toString()).startsWith("Tokenize[Keyring[")
                .doesNotContain(Keys.primaryPrfKeyHex(KEYRING).substring(0, 8));
        assertThatThrownBy(() -> new Tokenize(null)).isInstanceOf(NullPointerException.class);
    }
}
