package io.warden.protect.dp;

import static io.warden.protect.dp.GoodnessOfFit.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks of the exact discrete Laplace sampler: each check fails for a correct sampler with probability
 * {@link GoodnessOfFit#ALPHA} over the choice of seed (the seeds are fixed, so a run is reproducible).
 */
class DiscreteLaplaceTest {
    static final int N = 200_000;

    static long[] draw(Noise noise, long seed, int n) {
        RandomSource random = RandomSource.insecureSeeded(seed);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = noise.sample(random);
        return out;
    }

    @ParameterizedTest(name = "scale {0}/{1}")
    @CsvSource({"1,5", "1,3", "1,1", "5,2", "10,1", "7,3", "12345678,1000"})
    void discreteLaplace_chiSquare_matchesPmf(long num, long den) {
        Rational scale = Rational.of(num, den);
        long[] samples = draw(new DiscreteLaplace(scale), 11 * num + den, N);
        GoodnessOfFit fit = GoodnessOfFit.laplace(scale.doubleValue());
        assertThat(fit.pValue(samples)).as("chi-square p-value").isGreaterThan(ALPHA);
        assertThat(fit.momentsMismatch(samples)).isNull();
    }

    @Test
    void discreteLaplace_tinyScale_isAlmostSurelyZero() {
        // P(Z != 0) = 2 tanh(50) exp(-100) < 1e-43 at scale 1/100.
        assertThat(draw(new DiscreteLaplace(Rational.of(1, 100)), 1, 10_000)).containsOnly(0L);
    }

    @Test
    void discreteLaplace_62BitNumeratorAndDenominator_takesTheBigIntegerPath_andMatchesPmf() {
        // t * V overflows a long as soon as V >= 4 (probability e^-4 per sample), so both paths are exercised.
        Rational scale = new Rational(BigInteger.ONE.shiftLeft(61).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(60).add(BigInteger.valueOf(3)));
        long[] samples = draw(new DiscreteLaplace(scale), 62, N);
        GoodnessOfFit fit = GoodnessOfFit.laplace(scale.doubleValue());
        assertThat(fit.pValue(samples)).isGreaterThan(ALPHA);
        assertThat(fit.momentsMismatch(samples)).isNull();
    }

    @Test
    void discreteLaplace_variance_matchesClosedForm() {
        double b = 5.0 / 2;
        double q = Math.exp(-1 / b);
        assertThat(GoodnessOfFit.laplace(b).moment(0, 2)).isCloseTo(2 * q / ((1 - q) * (1 - q)),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The same check on a floating-point Laplace, rounded: it must fail, or the check could not catch anything. */
    @Test
    void chiSquare_rejects_roundedContinuousLaplace() {
        // Same scale at b = 1: rounding puts cosh(1/2) = 1.13 times the discrete mass on each non-zero integer.
        GoodnessOfFit unit = GoodnessOfFit.laplace(1);
        assertThat(unit.pValue(roundedContinuousLaplace(1, 1, N))).isLessThan(ALPHA);
        // A scale 3 % too large at b = 10, where rounding alone is almost invisible (cosh(1/20) = 1.00125).
        // Over 20 seeds the largest p-value was 4e-20 (2 %: 8e-6; 1 %: not detectable with 200 000 samples).
        GoodnessOfFit ten = GoodnessOfFit.laplace(10);
        assertThat(ten.pValue(roundedContinuousLaplace(10.3, 2, N))).isLessThan(ALPHA);
        // ...while the rounded continuous Laplace of the right scale b = 10 differs too little to be seen.
        assertThat(ten.pValue(roundedContinuousLaplace(10, 3, N))).isGreaterThan(ALPHA);
    }

    @Test
    void discreteLaplace_sameSeed_sameSamples() {
        DiscreteLaplace noise = new DiscreteLaplace(Rational.of(3, 2));
        assertThat(draw(noise, 5, 100)).containsExactly(draw(noise, 5, 100));
    }

    @Test
    void discreteLaplace_badScale_isRejected() {
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new DiscreteLaplace(new Rational(BigInteger.ONE.shiftLeft(62), BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("62 bits");
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.of((1L << 51) + 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^50");
        assertThat(new DiscreteLaplace(Rational.of(1L << 50, 1)).distribution()).isEqualTo("discrete-laplace");
    }

    /** Floating-point Laplace by inversion, rounded to the nearest integer: the method Mironov 2012 attacks. */
    static long[] roundedContinuousLaplace(double b, long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() - 0.5;
            out[i] = Math.round(-b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return out;
    }
}
