package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A non-negative rational number {@code num/den} in lowest terms: the exact form of every noise parameter.
 *
 * <p>Users give privacy parameters as doubles; {@link #ofDecimal(double)} reads a double as the shortest decimal
 * that prints as it ({@code 0.1} is exactly {@code 1/10}, not the binary fraction nearest to it), and the samplers
 * then produce exactly the distribution for that rational.
 *
 * @param num the numerator, {@code >= 0}
 * @param den the denominator, {@code >= 1}
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public Rational {
        requireNonNull(num, "num");
        requireNonNull(den, "den");
        if (num.signum() < 0) throw new IllegalArgumentException("rational: numerator must be >= 0, got " + num);
        if (den.signum() <= 0) throw new IllegalArgumentException("rational: denominator must be >= 1, got " + den);
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE)) { // g >= 1 because den >= 1; for num = 0 this makes 0/1
            num = num.divide(g);
            den = den.divide(g);
        }
    }

    public static Rational of(long num, long den) {
        return new Rational(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    /** The exact value of a non-negative decimal. */
    public static Rational of(BigDecimal value) {
        requireNonNull(value, "value");
        if (value.signum() < 0) throw new IllegalArgumentException("rational: must be >= 0, got " + value);
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale >= 0
                ? new Rational(unscaled, BigInteger.TEN.pow(scale))
                : new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /**
     * The shortest decimal that reads back as {@code value} ({@link BigDecimal#valueOf(double)}), exactly.
     *
     * @throws IllegalArgumentException for NaN, infinities and negative values
     */
    public static Rational ofDecimal(double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("rational: must be finite, got " + value);
        return of(BigDecimal.valueOf(value));
    }

    public Rational multiply(Rational other) {
        return new Rational(num.multiply(other.num), den.multiply(other.den));
    }

    /** {@code this / other}; {@code other} must not be zero. */
    public Rational divide(Rational other) {
        if (other.num.signum() == 0) throw new ArithmeticException("rational: division by zero");
        return new Rational(num.multiply(other.den), den.multiply(other.num));
    }

    /**
     * A rational {@code >= this} whose numerator and denominator both have at most {@code bits} bits: this one if
     * it already fits, else {@code ceil(this * 2^k) / 2^k} for the largest {@code k < bits} whose numerator fits.
     *
     * <p>Noise parameters are rounded this way so the samplers can work in {@code long} arithmetic; rounding a
     * scale up only adds noise, so the privacy guarantee computed for the unrounded value still holds.
     *
     * @throws IllegalArgumentException if {@code this >= 2^bits}, which no fraction of that size can reach
     */
    public Rational roundUpToBits(int bits) {
        if (bits < 2 || bits > 1024) throw new IllegalArgumentException("bits out of range: " + bits);
        if (num.bitLength() <= bits && den.bitLength() <= bits) return this;
        for (int k = bits - 1; k >= 0; k--) { // largest denominator 2^k whose rounded-up numerator still fits
            BigInteger scaled = num.shiftLeft(k);
            BigInteger[] qr = scaled.divideAndRemainder(den);
            BigInteger n = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            if (n.bitLength() <= bits) return new Rational(n, BigInteger.ONE.shiftLeft(k));
        }
        throw new IllegalArgumentException("rational: " + doubleValue() + " does not fit in " + bits + " bits");
    }

    /** The nearest double (for display and for floating-point checks, never for sampling). */
    public double doubleValue() {
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** {@code num/den}, or just {@code num} for an integer. */
    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
