package io.warden.protect.dp;

import static io.warden.protect.dp.GoodnessOfFit.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomSourceTest {
    @Test
    void uniform_chiSquare_isUniform_forAwkwardBounds() {
        for (RandomSource random : new RandomSource[] {RandomSource.insecureSeeded(4), RandomSource.secure()}) {
            int n = random instanceof GeneratorSource g && g.generator() instanceof java.security.SecureRandom
                    ? 20_000 : 100_000; // SecureRandom is slow
            for (long bound : new long[] {3, 10, 100, (1L << 62) + (1L << 61)}) {
                int bins = (int) Math.min(bound, 100);
                long[] observed = new long[bins];
                for (int i = 0; i < n; i++) {
                    long x = random.uniform(bound);
                    assertThat(x).isBetween(0L, bound - 1);
                    observed[(int) BigInteger.valueOf(x).multiply(BigInteger.valueOf(bins))
                            .divide(BigInteger.valueOf(bound)).longValueExact()]++;
                }
                double[] expected = new double[bins];
                Arrays.fill(expected, 1);
                assertThat(ChiSquareTest.withDefaults().test(expected, observed).getPValue()).isGreaterThan(ALPHA);
            }
        }
    }

    @Test
    void uniform_boundOne_isZero_andBadBounds_areRejected() {
        RandomSource random = RandomSource.insecureSeeded(1);
        assertThat(random.uniform(1)).isZero();
        assertThatThrownBy(() -> random.uniform(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> random.bernoulli(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> random.bernoulli(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(random.bernoulli(0, 5)).isFalse();
        assertThat(random.bernoulli(5, 5)).isTrue();
    }

    @Test
    void bigUniform_coversTheRange_andStaysBelowTheBound() {
        RandomSource random = RandomSource.insecureSeeded(2);
        BigInteger bound = BigInteger.ONE.shiftLeft(100).add(BigInteger.ONE); // worst case: half the draws rejected
        long high = 0;
        for (int i = 0; i < 10_000; i++) {
            BigInteger x = BernoulliExp.uniform(random, bound);
            assertThat(x.signum()).isGreaterThanOrEqualTo(0);
            assertThat(x).isLessThan(bound);
            if (x.testBit(99)) high++;
        }
        assertThat(high).isBetween(4_700L, 5_300L); // top bit set half the time: 6 standard deviations is +-300
    }
}
