package io.warden.protect.dp;

import static io.warden.protect.dp.GoodnessOfFit.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.commons.statistics.inference.BinomialTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact two-sided binomial tests of Bernoulli(exp(-gamma)); each fails a correct sampler with probability 1e-6. */
class BernoulliExpTest {
    static final int N = 200_000;

    @ParameterizedTest(name = "gamma {0}/{1}")
    @CsvSource({"1,10", "1,2", "1,1", "3,2", "37,10", "5,1", "9223372036854775807,4611686018427387904"})
    void bernoulliExp_binomialTest_matchesExpMinusGamma(long num, long den) {
        RandomSource random = RandomSource.insecureSeeded(num ^ den);
        int hits = 0;
        for (int i = 0; i < N; i++) if (BernoulliExp.sample(random, num, den)) hits++;
        double p = Math.exp(-(double) num / den);
        assertThat(BinomialTest.withDefaults().test(N, hits, p).getPValue()).isGreaterThan(ALPHA);
    }

    @Test
    void bernoulliExp_bigIntegerGamma_matchesExpMinusGamma() {
        BigInteger den = BigInteger.ONE.shiftLeft(80).add(BigInteger.valueOf(7)); // beyond long: the BigInteger path
        for (BigInteger num : new BigInteger[] {den.shiftRight(2), den.multiply(BigInteger.valueOf(3)).shiftRight(1)}) {
            RandomSource random = RandomSource.insecureSeeded(num.longValue());
            int hits = 0;
            for (int i = 0; i < N; i++) if (BernoulliExp.sample(random, num, den)) hits++;
            double p = Math.exp(-num.doubleValue() / den.doubleValue());
            assertThat(BinomialTest.withDefaults().test(N, hits, p).getPValue()).isGreaterThan(ALPHA);
        }
    }

    @Test
    void bernoulliExp_gammaZero_isAlwaysTrue_andHugeGamma_neverTrue() {
        RandomSource random = RandomSource.insecureSeeded(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(BernoulliExp.sample(random, 0, 7)).isTrue();
            assertThat(BernoulliExp.sample(random, 100, 1)).isFalse(); // exp(-100): one in 10^43
            assertThat(BernoulliExp.sample(random, BigInteger.TEN.pow(30), BigInteger.ONE)).isFalse();
        }
    }

    @Test
    void binomialTest_rejects_aProbabilityOffByOnePercentOfGamma() {
        RandomSource random = RandomSource.insecureSeeded(3);
        int hits = 0;
        for (int i = 0; i < N; i++) if (BernoulliExp.sample(random, 1, 2)) hits++;
        assertThat(BinomialTest.withDefaults().test(N, hits, Math.exp(-0.55)).getPValue()).isLessThan(ALPHA);
    }

    @Test
    void bernoulliExp_badArguments_areRejected() {
        RandomSource random = RandomSource.insecureSeeded(1);
        assertThatThrownBy(() -> BernoulliExp.sample(random, -1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BernoulliExp.sample(random, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BernoulliExp.sample(random, BigInteger.ONE, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
