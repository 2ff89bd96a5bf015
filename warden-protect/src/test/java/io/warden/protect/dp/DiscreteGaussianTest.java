package io.warden.protect.dp;

import static io.warden.protect.dp.DiscreteLaplaceTest.N;
import static io.warden.protect.dp.DiscreteLaplaceTest.draw;
import static io.warden.protect.dp.GoodnessOfFit.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statistical checks of the exact discrete Gaussian sampler; each fails a correct sampler with probability 1e-6. */
class DiscreteGaussianTest {
    @ParameterizedTest(name = "sigma^2 {0}/{1}")
    @CsvSource({"1,4", "1,1", "2,3", "10,1", "1000,3", "1000000,1"})
    void discreteGaussian_chiSquare_matchesPmf(long num, long den) {
        Rational sigma2 = Rational.of(num, den);
        long[] samples = draw(new DiscreteGaussian(sigma2), 7 * num + den, N);
        GoodnessOfFit fit = GoodnessOfFit.gaussian(sigma2.doubleValue());
        assertThat(fit.pValue(samples)).as("chi-square p-value").isGreaterThan(ALPHA);
        assertThat(fit.momentsMismatch(samples)).isNull();
    }

    @Test
    void discreteGaussian_bigRationalSigma2_takesTheBigIntegerPath_andMatchesPmf() {
        // sigma^2 = (2^100 - 1) / 2^90, just under 1024: every acceptance exponent has a 100-bit denominator.
        Rational sigma2 = new Rational(BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(90));
        long[] samples = draw(new DiscreteGaussian(sigma2), 100, N / 2);
        GoodnessOfFit fit = GoodnessOfFit.gaussian(sigma2.doubleValue());
        assertThat(fit.pValue(samples)).isGreaterThan(ALPHA);
        assertThat(fit.momentsMismatch(samples)).isNull();
    }

    @Test
    void discreteGaussian_varianceIsBelowSigma2() {
        for (double s2 : new double[] {0.25, 1, 10}) {
            assertThat(GoodnessOfFit.gaussian(s2).moment(0, 2)).isLessThan(s2);
        }
    }

    @Test
    void chiSquare_rejects_roundedContinuousGaussian_withSigmaThreePercentOff_andALaplaceOfTheSameVariance() {
        GoodnessOfFit fit = GoodnessOfFit.gaussian(100);
        SplittableRandom r = new SplittableRandom(9);
        long[] wide = new long[N];
        for (int i = 0; i < N; i++) wide[i] = Math.round(r.nextGaussian() * 10.3); // 20 seeds: p <= 1e-41
        assertThat(fit.pValue(wide)).isLessThan(ALPHA);
        // Discrete Laplace with variance ~100 (b = 7.07): right spread, wrong shape.
        long[] laplace = draw(new DiscreteLaplace(Rational.of(707, 100)), 10, N);
        assertThat(fit.pValue(laplace)).isLessThan(ALPHA);
        long[] right = new long[N];
        for (int i = 0; i < N; i++) right[i] = Math.round(r.nextGaussian() * 10);
        assertThat(fit.pValue(right)).as("rounding alone is invisible at sigma = 10").isGreaterThan(ALPHA);
    }

    @Test
    void discreteGaussian_badSigma2_isRejected() {
        assertThatThrownBy(() -> new DiscreteGaussian(Rational.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new DiscreteGaussian(new Rational(BigInteger.ONE.shiftLeft(101), BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^100");
        assertThatThrownBy(() -> new DiscreteGaussian(new Rational(BigInteger.ONE.shiftLeft(140).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(139)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 bits");
        assertThat(new DiscreteGaussian(Rational.of(9, 1)).sigma()).isEqualTo(3.0);
    }
}
