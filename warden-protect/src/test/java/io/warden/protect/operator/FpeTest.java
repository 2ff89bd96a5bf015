package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.protect.operator.Fpe.Alphabet;
import io.warden.protect.operator.Operator.Target;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FpeTest {
    private static final Keyring KEYRING = Keys.KEYRING;
    private static final Target CARD = Target.cell("card");

    @Test
    void fpe_randomValues_keepLengthAlphabetAndSeparators_andRoundTrip() {
        Random random = new Random(7);
        String separators = " -./_()+é";
        for (Alphabet alphabet : Alphabet.values()) {
            Fpe fpe = new Fpe(KEYRING, alphabet, false);
            String chars = alphabet.chars();
            for (int trial = 0; trial < 300; trial++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(45);
                for (int k = 0; k < len; k++) {
                    sb.append(random.nextInt(4) == 0 ? separators.charAt(random.nextInt(separators.length()))
                            : chars.charAt(random.nextInt(chars.length())));
                }
                String value = sb.toString();
                String field = "f" + random.nextInt(3);
                String enc = fpe.apply(value, Target.cell(field));
                assertThat(enc).hasSameSizeAs(value);
                int count = 0;
                for (int i = 0; i < value.length(); i++) {
                    char in = value.charAt(i);
                    if (chars.indexOf(in) >= 0) {
                        count++;
                        assertThat(chars.indexOf(enc.charAt(i)) >= 0 || enc.charAt(i) == '*').isTrue();
                    } else {
                        assertThat(enc.charAt(i)).isEqualTo(in);
                    }
                }
                if (count >= fpe.minLength()) {
                    assertThat(fpe.reveal(enc, field)).as("%s %s", alphabet, value).isEqualTo(value);
                } else {
                    assertThat(enc).doesNotContainPattern("[" + java.util.regex.Pattern.quote(chars) + "]");
                }
            }
        }
    }

    @Test
    void fpe_sixteenDigitCard_isDeterministic_andSeparatedByFieldAndKey() {
        Fpe fpe = new Fpe(KEYRING, Alphabet.DIGITS, false);
        String a = fpe.apply("4111 1111 1111 1111", CARD);
        assertThat(a).matches("\\d{4} \\d{4} \\d{4} \\d{4}").isNotEqualTo("4111 1111 1111 1111");
        assertThat(new Fpe(KEYRING, Alphabet.DIGITS, false).apply("4111 1111 1111 1111", CARD)).isEqualTo(a);
        assertThat(fpe.apply("4111 1111 1111 1111", Target.cell("pan"))).isNotEqualTo(a);
        assertThat(new Fpe(Keyring.generate(), Alphabet.DIGITS, false).apply("4111 1111 1111 1111", CARD))
                .isNotEqualTo(a);
        // the separators take no part: the same digits written differently encrypt to the same digits
        assertThat(fpe.apply("4111-1111-1111-1111", CARD).replace("-", "")).isEqualTo(a.replace(" ", ""));
    }

    @Test
    void fpe_luhn_keepsValidNumbersValid_andInvalidOnesInvalid_andRoundTrips() {
        Fpe fpe = new Fpe(KEYRING, Alphabet.DIGITS, true);
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 13 + random.nextInt(7);
            byte[] payload = new byte[n - 1];
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n - 1; k++) {
                payload[k] = (byte) random.nextInt(10);
                sb.append(payload[k]);
            }
            int check = Fpe.luhnDigit(payload);
            boolean valid = random.nextBoolean();
            sb.append(valid ? check : (check + 1 + random.nextInt(9)) % 10);
            String card = sb.toString();
            String enc = fpe.apply(card, CARD);
            assertThat(luhnValid(enc)).as(card).isEqualTo(valid);
            assertThat(enc).hasSize(n).matches("\\d+");
            assertThat(fpe.reveal(enc, "card")).isEqualTo(card);
        }
        assertThat(luhnValid(fpe.apply("4111 1111 1111 1111", CARD))).isTrue();
    }

    @Test
    void fpe_shortValue_isMasked_andRevealLeavesItAlone() {
        Fpe fpe = new Fpe(KEYRING, Alphabet.DIGITS, false);
        assertThat(fpe.minLength()).isEqualTo(6);
        assertThat(fpe.apply("12-345", CARD)).isEqualTo("**-***");
        assertThat(fpe.reveal("**-***", "card")).isEqualTo("**-***");
        assertThat(fpe.apply("123456", CARD)).matches("\\d{6}");
        assertThat(new Fpe(KEYRING, Alphabet.DIGITS, true).apply("123456", CARD)).isEqualTo("******");
        assertThat(new Fpe(KEYRING, Alphabet.ALNUM, false).apply("ab-1", CARD)).isEqualTo("**-*");
        assertThatThrownBy(() -> fpe.reveal("12-345", "card"))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage("fpe: a value in field 'card' has 5 characters to decrypt, fewer than FF1's minimum 6");
    }

    @Test
    void fpe_afterRotation_oldValuesRevealWithTheirKeyId() {
        Fpe before = new Fpe(KEYRING, Alphabet.DIGITS, false);
        String old = before.apply("5500 0000 0000 0004", CARD);
        Keyring rotated = KEYRING.rotate();
        assertThat(new Fpe(rotated, Alphabet.DIGITS, false).apply("5500 0000 0000 0004", CARD)).isNotEqualTo(old);
        Fpe pinned = new Fpe(rotated, Alphabet.DIGITS, false, KEYRING.prfPrimaryKeyId());
        assertThat(pinned.reveal(old, "card")).isEqualTo("5500 0000 0000 0004");
    }

    @Test
    void fpe_longValues_andAlnum_roundTrip() {
        Fpe digits = new Fpe(KEYRING, Alphabet.DIGITS, false);
        String longNumber = "1234567890".repeat(8); // 80 digits: Bouncy Castle's engine
        assertThat(digits.reveal(digits.apply(longNumber, CARD), "card")).isEqualTo(longNumber);
        Fpe alnum = new Fpe(KEYRING, Alphabet.ALNUM, false);
        String id = "AB12-cd34-EF56";
        String enc = alnum.apply(id, Target.cell("id"));
        assertThat(enc).matches("[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}");
        assertThat(alnum.reveal(enc, "id")).isEqualTo(id);
    }

    @Test
    void fpe_badParameters_failWhenBuilt() {
        assertThatThrownBy(() -> new Fpe(KEYRING, Alphabet.ALNUM, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fpe: luhn needs the digits alphabet, not alnum");
        assertThatThrownBy(() -> Alphabet.named("hex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fpe: unknown alphabet 'hex' (use digits, lower, upper, alpha or alnum)");
        assertThat(Alphabet.named(" Digits")).isEqualTo(Alphabet.DIGITS);
        assertThatThrownBy(() -> new Fpe(null, Alphabet.DIGITS, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Fpe(KEYRING, Alphabet.DIGITS, false, KEYRING.prfPrimaryKeyId() ^ 1))
                .isInstanceOf(WardenException.class).hasMessageContaining("no PRF key with id");
    }

    @Test
    void fpe_toString_showsNoKey() {
        Fpe fpe = new Fpe(KEYRING, Alphabet.DIGITS, true);
        assertThat(fpe.toString()).startsWith("Fpe[alphabet=digits, luhn=true, prfKey=")
                .doesNotContain(Keys.primaryPrfKeyHex(KEYRING).substring(0, 8));
        assertThat(fpe.name()).isEqualTo("fpe");
    }

    static boolean luhnValid(String number) {
        String digits = number.replaceAll("\\D", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
