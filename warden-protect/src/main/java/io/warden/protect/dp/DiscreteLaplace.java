package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigInteger;

/**
 * The discrete Laplace distribution on the integers with a rational scale {@code b}:
 * {@code P(z) = tanh(1/(2b)) * exp(-|z|/b)}.
 *
 * <p>Adding it to an integer query of L1 sensitivity {@code D} gives {@code (D/b)}-DP. Samples follow Canonne,
 * Kamath, Steinke 2020, Algorithm 2, with {@code b = t/s}: a uniform {@code U < t} kept with probability
 * {@code exp(-U/t)}, plus {@code t} times a geometric count of {@code exp(-1)} successes, gives {@code X} geometric
 * with ratio {@code exp(-1/t)}; {@code Y = floor(X/s)} is geometric with ratio {@code exp(-s/t)}; a fair sign is
 * attached and {@code -0} rejected. Every step is an exact integer operation, so the samples have exactly this
 * distribution for exactly this rational — unlike a floating-point Laplace, whose gaps and rounding leak the value
 * it was added to (Mironov 2012).
 *
 * @param scale {@code b > 0}; its numerator and denominator must fit in 62 bits and {@code b <= 2^50} (so that a
 *     sample exceeds {@code 2^62} in magnitude with probability below {@code exp(-4096)}; if that ever happened,
 *     {@link #sample} throws rather than wrap around)
 */
public record DiscreteLaplace(Rational scale) implements Noise {
    static final int MAX_BITS = 62;
    private static final Rational MAX_SCALE = Rational.of(1L << 50, 1);

    public DiscreteLaplace {
        requireNonNull(scale, "scale");
        if (scale.num().signum() == 0) throw new IllegalArgumentException("discrete Laplace: scale must be > 0");
        if (scale.num().bitLength() > MAX_BITS || scale.den().bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("discrete Laplace: scale " + scale
                    + " has a numerator or denominator beyond 62 bits; round it with Rational.roundUpToBits(62)");
        }
        if (scale.compareTo(MAX_SCALE) > 0) {
            throw new IllegalArgumentException("discrete Laplace: scale " + scale.doubleValue() + " exceeds 2^50");
        }
    }

    @Override
    public long sample(RandomSource random) {
        return sample(random, scale.num().longValue(), scale.den().longValue());
    }

    @Override
    public String distribution() {
        return "discrete-laplace";
    }

    /** Algorithm 2 of CKS 2020 for scale {@code t/s}, {@code t, s >= 1}. */
    static long sample(RandomSource random, long t, long s) {
        requireNonNull(random, "random");
        while (true) {
            long u = random.uniform(t);
            if (!BernoulliExp.sample(random, u, t)) continue;
            long v = 0;
            while (BernoulliExp.sample(random, 1, 1)) v++;
            long y = floorOfRatio(u, t, v, s);
            boolean negative = random.uniform(2) == 1;
            if (negative && y == 0) continue;
            return negative ? -y : y;
        }
    }

    /** {@code floor((u + t*v) / s)}, through BigInteger when {@code t*v} overflows a long. */
    private static long floorOfRatio(long u, long t, long v, long s) {
        long hi = Math.multiplyHigh(t, v);
        long lo = t * v;
        if (hi == 0 && lo >= 0 && lo <= Long.MAX_VALUE - u) return (u + lo) / s;
        BigInteger y = BigInteger.valueOf(t).multiply(BigInteger.valueOf(v)).add(BigInteger.valueOf(u))
                .divide(BigInteger.valueOf(s));
        if (y.bitLength() > MAX_BITS) {
            throw new WardenException(ErrorCode.INTERNAL, "discrete Laplace sample beyond 2^62 (probability below"
                    + " exp(-4096) for the allowed scales): refusing to release");
        }
        return y.longValue();
    }
}
