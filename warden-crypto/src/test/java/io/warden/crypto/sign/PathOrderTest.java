package io.warden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathOrderTest {
    private static List<String> sorted(String... names) {
        List<String> l = new ArrayList<>(List.of(names));
        l.sort(PathOrder.INSTANCE);
        return l;
    }

    @Test
    void sortsComponentByComponent_likePythonPurePosixPath_notAsPlainStrings() {
        // plain string order would put "a-c" first ('-' < '/')
        assertThat(sorted("a-c", "a/b", "a.b", "a")).containsExactly("a", "a/b", "a-c", "a.b");
    }

    @Test
    void parentComesBeforeItsChildren_andUppercaseBeforeLowercase() {
        assertThat(sorted("z", "Z", "d/e/f", "d/e", "d")).containsExactly("Z", "d", "d/e", "d/e/f", "z");
    }

    @Test
    void comparesByCodePoint_soSupplementaryCharactersSortAfterTheBmp() {
        // UTF-16 order would put U+1F600 (surrogates D83D..) before U+FFFD; code-point order puts it after
        assertThat(sorted("\uD83D\uDE00", "\uFFFD", "é")).containsExactly("é", "\uFFFD", "\uD83D\uDE00");
    }
}
