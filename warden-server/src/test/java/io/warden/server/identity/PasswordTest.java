package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import org.junit.jupiter.api.Test;

class PasswordTest {
    private static final String SECRET = "correct horse battery staple";

    @Test
    void toString_neverShowsThePassword() {
        assertThat(Password.of(SECRET).toString()).isEqualTo("Password[hidden]").doesNotContain("horse");
    }

    @Test
    void policy_acceptsTwelveCharactersAndRefusesEleven() {
        assertThatCode(() -> PasswordPolicy.DEFAULT.check(Password.of("abcdefghijkl"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.DEFAULT.check(Password.of("abcdefghijk")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("the password is shorter than 12 characters");
    }

    @Test
    void policy_countsCodePointsNotChars() {
        String emoji = "\uD83D\uDD11"; // one code point, two chars
        Password p = Password.of(emoji.repeat(11));
        assertThat(p.length()).isEqualTo(11);
        assertThatThrownBy(() -> PasswordPolicy.DEFAULT.check(p)).hasMessageContaining("shorter than 12");
        assertThatCode(() -> PasswordPolicy.DEFAULT.check(Password.of(emoji.repeat(12)))).doesNotThrowAnyException();
    }

    @Test
    void policy_refusesWhiteSpaceOnly() {
        assertThatThrownBy(() -> PasswordPolicy.DEFAULT.check(Password.of(" \t ".repeat(3) + "\u3000".repeat(6))))
                .isInstanceOf(WardenException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> PasswordPolicy.DEFAULT.check(Password.of(" ".repeat(6) + "\u3000".repeat(6))))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("the password is only white space");
    }

    @Test
    void policy_refusesAMinimumBelowEight() {
        assertThatThrownBy(() -> new PasswordPolicy(4)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void of_acceptsMaxLengthAndRefusesLongerOrHuge() {
        assertThat(Password.of("x".repeat(Password.MAX_LENGTH)).length()).isEqualTo(Password.MAX_LENGTH);
        assertThatThrownBy(() -> Password.of("x".repeat(Password.MAX_LENGTH + 1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage("the password is longer than 1024 characters");
        assertThatThrownBy(() -> Password.of("y".repeat(1 << 20)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void of_refusesNullEmptyControlCharactersAndLoneSurrogates() {
        assertThatThrownBy(() -> Password.of(null)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("the password is missing");
        assertThatThrownBy(() -> Password.of("")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("the password is empty");
        for (String bad : new String[] {SECRET + "\n", SECRET + "\u0000", "\u0007" + SECRET, SECRET + "\u007f",
            SECRET + "\uD83D", "\uDD11" + SECRET}) {
            assertThatThrownBy(() -> Password.of(bad))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessage("the password contains control characters or invalid Unicode")
                    .hasMessageNotContaining("horse");
        }
    }

    @Test
    void of_acceptsNonAsciiPasswords() {
        assertThat(Password.of("pässwörd-日本語-пароль").length()).isEqualTo(19);
    }
}
