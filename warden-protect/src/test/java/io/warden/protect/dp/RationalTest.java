package io.warden.protect.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalTest {
    @Test
    void ofDecimal_readsTheShortestDecimal_notTheBinaryFraction() {
        assertThat(Rational.ofDecimal(0.1)).isEqualTo(Rational.of(1, 10));
        assertThat(Rational.ofDecimal(2.5)).isEqualTo(Rational.of(5, 2));
        assertThat(Rational.ofDecimal(1e-6)).isEqualTo(Rational.of(1, 1_000_000));
        assertThat(Rational.ofDecimal(3e20)).isEqualTo(new Rational(new BigInteger("300000000000000000000"),
                BigInteger.ONE));
        assertThat(Rational.of(new BigDecimal("0.000")).toString()).isEqualTo("0");
    }

    @Test
    void constructor_reducesToLowestTerms_andRejectsBadValues() {
        assertThat(Rational.of(6, 4)).isEqualTo(Rational.of(3, 2));
        assertThat(Rational.of(6, 4).toString()).isEqualTo("3/2");
        assertThatThrownBy(() -> Rational.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rational.ofDecimal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rational.ofDecimal(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundUpToBits_neverRoundsDown_andFits() {
        Rational third = Rational.of(1, 3);
        assertThat(third.roundUpToBits(62)).isSameAs(third);
        Rational big = new Rational(BigInteger.TEN.pow(40).add(BigInteger.ONE), BigInteger.TEN.pow(39).multiply(
                BigInteger.valueOf(3))); // ~3.33, 133-bit numerator
        Rational r = big.roundUpToBits(62);
        assertThat(r.num().bitLength()).isLessThanOrEqualTo(62);
        assertThat(r.den().bitLength()).isLessThanOrEqualTo(62);
        assertThat(r).isGreaterThanOrEqualTo(big);
        assertThat(r.doubleValue() - big.doubleValue()).isLessThan(1e-15);
        Rational tiny = new Rational(BigInteger.ONE, BigInteger.TEN.pow(40));
        assertThat(tiny.roundUpToBits(62)).isGreaterThanOrEqualTo(tiny);
        assertThatThrownBy(() -> new Rational(BigInteger.ONE.shiftLeft(70), BigInteger.ONE).roundUpToBits(62))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
