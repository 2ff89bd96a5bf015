package io.warden.crypto.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Pkcs11LoginTest {
    private static final Path LIB = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @Test
    void toString_showsLibraryAndTokenButNeverThePin() {
        Pkcs11Login login = Pkcs11Login.of(LIB, "prod-hsm", "s3cret-PIN-4711".toCharArray());
        assertThat(login.toString()).contains(LIB.toString()).contains("prod-hsm").contains("hidden")
                .doesNotContain("s3cret-PIN-4711").doesNotContain("4711");
    }

    @Test
    void of_copiesThePin_andClearWipesIt() {
        char[] pin = "1234-abcd".toCharArray();
        Pkcs11Login login = Pkcs11Login.of(LIB, "t", pin);
        pin[0] = 'X';
        assertThat(login.pin()).containsExactly("1234-abcd".toCharArray());
        login.clear();
        assertThatThrownBy(login::pin).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("1234");
    }

    @Test
    void pin_isACopyTheCallerMayWipe() {
        Pkcs11Login login = Pkcs11Login.of(LIB, "t", "1234-abcd".toCharArray());
        char[] copy = login.pin();
        java.util.Arrays.fill(copy, '\0');
        assertThat(login.pin()).containsExactly("1234-abcd".toCharArray());
    }

    @Test
    void of_relativeLibrary_becomesAbsolute() {
        assertThat(Pkcs11Login.of(Path.of("lib/x.so"), "t", "1234".toCharArray()).library()).isAbsolute();
    }

    @Test
    void of_emptyPinOrBadTokenLabel_isBadUsage() {
        assertBadUsage(() -> Pkcs11Login.of(LIB, "t", new char[0]), "PIN is empty");
        assertBadUsage(() -> Pkcs11Login.of(LIB, "", "1234".toCharArray()), "1 to 32 characters");
        assertBadUsage(() -> Pkcs11Login.of(LIB, "x".repeat(33), "1234".toCharArray()), "1 to 32 characters");
        assertBadUsage(() -> Pkcs11Login.of(LIB, " padded", "1234".toCharArray()), "printable ASCII");
        assertBadUsage(() -> Pkcs11Login.of(LIB, "line\nbreak", "1234".toCharArray()), "printable ASCII");
        assertThat(Pkcs11Login.of(LIB, "x".repeat(32), "1234".toCharArray()).tokenLabel()).hasSize(32);
        assertThat(Pkcs11Login.of(LIB, "with inner space", "1234".toCharArray()).tokenLabel())
                .isEqualTo("with inner space");
    }

    private static void assertBadUsage(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(WardenException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE));
    }
}
