package io.warden.protect.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrationTest {
    @Test
    void laplace_scaleIsSensitivityTimesPartsOverEpsilon_exactly() {
        assertThat(Calibration.noise(PrivacyCost.pure(0.1), 1, 3)).isEqualTo(new DiscreteLaplace(Rational.of(30, 1)));
        assertThat(Calibration.noise(PrivacyCost.pure(0.1), 2, 3)).isEqualTo(new DiscreteLaplace(Rational.of(60, 1)));
        assertThat(Calibration.noise(PrivacyCost.pure(0.3), 1, 1)).isEqualTo(new DiscreteLaplace(Rational.of(10, 3)));
    }

    @Test
    void laplace_scaleTooBigForLongs_isRoundedUp_neverDown() {
        PrivacyCost cost = PrivacyCost.pure(0.12345678901234568);
        long sensitivity = (1L << 31) * 3 + 1;
        Rational exact = Rational.of(sensitivity, 1).divide(Rational.of(cost.exactEpsilon()));
        DiscreteLaplace noise = (DiscreteLaplace) Calibration.noise(cost, 1, sensitivity);
        assertThat(exact.num().bitLength()).isGreaterThan(62);
        assertThat(noise.scale()).isGreaterThanOrEqualTo(exact);
        assertThat(noise.scale().doubleValue() / exact.doubleValue() - 1).isLessThan(1e-12);
    }

    @Test
    void gaussian_knownValue() {
        // L = ln(1e6) = 13.8155; rho = (1 / (sqrt(14.8155) + sqrt(13.8155)))^2 = 0.0174691; sigma^2 = 1 / (2 rho).
        DiscreteGaussian noise = (DiscreteGaussian) Calibration.noise(PrivacyCost.approximate(1, 1e-6), 1, 1);
        assertThat(noise.sigmaSquared().doubleValue()).isCloseTo(28.6220, within(1e-3));
    }

    @ParameterizedTest(name = "epsilon {0}, delta {1}, sensitivity {2}, parts {3}")
    @CsvSource({"1,1e-6,1,1", "0.1,1e-9,7,1", "3,1e-5,1000,2", "1e-4,1e-12,1,1", "10,0.5,2147483647,1"})
    void gaussian_deliversAtMostTheEpsilonPaid_andNearlyAllOfIt(double eps, double delta, long sensitivity, int parts) {
        DiscreteGaussian noise = (DiscreteGaussian) Calibration.noise(new PrivacyCost(eps, delta), parts, sensitivity);
        double rho = parts * (double) sensitivity * sensitivity / (2 * noise.sigmaSquared().doubleValue());
        double delivered = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
        assertThat(delivered).isLessThanOrEqualTo(eps).isGreaterThan(eps * (1 - 1e-8));
    }

    @Test
    void noiseBeyondTheSamplersRange_isRefused_withTheReason() {
        assertThatThrownBy(() -> Calibration.noise(PrivacyCost.pure(1e-12), 1, 1L << 31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 2^50")
                .hasMessageContaining("raise epsilon");
        assertThatThrownBy(() -> Calibration.noise(PrivacyCost.approximate(1e-30, 1e-10), 1, 1L << 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 2^100");
    }
}
