package io.warden.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyTest {
    @Test
    void bitsPerChar_matchesShannon() {
        assertThat(Entropy.bitsPerChar("aaaa", 0, 4)).isZero();
        assertThat(Entropy.bitsPerChar("aabb", 0, 4)).isCloseTo(1.0, within(1e-12));
        assertThat(Entropy.bitsPerChar("abcd", 0, 4)).isCloseTo(2.0, within(1e-12));
        assertThat(Entropy.bitsPerChar("xxabcdxx", 2, 6)).isCloseTo(2.0, within(1e-12));
        assertThat(Entropy.bitsPerChar("", 0, 0)).isZero();
    }

    @Test
    void threshold_relaxedForShortValues() {
        assertThat(Entropy.threshold(8)).isCloseTo(2.5, within(1e-12));
        assertThat(Entropy.threshold(16)).isCloseTo(3.5, within(1e-12));
        assertThat(Entropy.threshold(100)).isEqualTo(3.5);
    }
}
