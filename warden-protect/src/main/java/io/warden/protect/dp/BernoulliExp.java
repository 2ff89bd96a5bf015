package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * Exact Bernoulli trials with success probability {@code exp(-gamma)} for a rational {@code gamma = num/den >= 0}
 * (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian for Differential Privacy", Algorithm 1).
 *
 * <p>Only integer comparisons of uniform random integers are used. For {@code gamma <= 1}, draw
 * {@code A_k ~ Bernoulli(gamma/k)} for {@code k = 1, 2, ...} until the first {@code A_k = 0}; the stopping index
 * {@code K} is odd with probability {@code sum_j (-gamma)^j / j! = exp(-gamma)}. {@code Bernoulli(gamma/k)} is drawn
 * as {@code Bernoulli(1/k) AND Bernoulli(num/den)}, two independent trials, so {@code den * k} is never formed and
 * cannot overflow. For {@code gamma > 1}, {@code exp(-gamma) = exp(-1)^floor(gamma) * exp(-(gamma - floor(gamma)))}
 * is a product of independent trials.
 */
public final class BernoulliExp {
    private BernoulliExp() {}

    /**
     * {@code true} with probability exactly {@code exp(-num/den)}.
     *
     * @throws IllegalArgumentException unless {@code num >= 0} and {@code den >= 1}
     */
    public static boolean sample(RandomSource random, long num, long den) {
        requireNonNull(random, "random");
        if (num < 0 || den < 1) {
            throw new IllegalArgumentException("bernoulliExp: need num >= 0 and den >= 1, got " + num + "/" + den);
        }
        if (num <= den) return atMostOne(random, num, den);
        for (long i = num / den; i > 0; i--) {
            if (!atMostOne(random, 1, 1)) return false;
        }
        return atMostOne(random, num % den, den);
    }

    /**
     * {@code true} with probability exactly {@code exp(-num/den)}, for numbers beyond {@code long}.
     *
     * @throws IllegalArgumentException unless {@code num >= 0} and {@code den >= 1}
     */
    public static boolean sample(RandomSource random, BigInteger num, BigInteger den) {
        requireNonNull(random, "random");
        if (num.signum() < 0 || den.signum() <= 0) {
            throw new IllegalArgumentException("bernoulliExp: need num >= 0 and den >= 1, got " + num + "/" + den);
        }
        if (num.bitLength() < 63 && den.bitLength() < 63) return sample(random, num.longValue(), den.longValue());
        BigInteger[] qr = num.divideAndRemainder(den);
        // Each of the floor(gamma) factors fails with probability 1 - 1/e, so the loop ends long before a count
        // beyond 2^63 could matter; capping it there changes nothing observable.
        long whole = qr[0].bitLength() < 63 ? qr[0].longValue() : Long.MAX_VALUE;
        for (long i = whole; i > 0; i--) {
            if (!atMostOne(random, 1, 1)) return false;
        }
        BigInteger rem = qr[1];
        if (den.bitLength() < 63) return atMostOne(random, rem.longValue(), den.longValue());
        long k = 1;
        while (random.uniform(k) == 0 && below(random, rem, den)) k++;
        return (k & 1) == 1;
    }

    /** Algorithm 1 for {@code gamma = num/den} in {@code [0, 1]}. */
    private static boolean atMostOne(RandomSource random, long num, long den) {
        long k = 1;
        while (random.uniform(k) == 0 && random.bernoulli(num, den)) k++;
        return (k & 1) == 1;
    }

    /** Bernoulli({@code num/den}) for big numbers: a uniform integer below {@code den} compared with {@code num}. */
    private static boolean below(RandomSource random, BigInteger num, BigInteger den) {
        return uniform(random, den).compareTo(num) < 0;
    }

    /** A uniform integer in {@code [0, bound)}: {@code bitLength(bound)} random bits, drawn again while too large. */
    static BigInteger uniform(RandomSource random, BigInteger bound) {
        int bits = bound.bitLength();
        while (true) {
            BigInteger r = BigInteger.ZERO;
            int left = bits;
            while (left > 0) {
                int take = Math.min(left, 62);
                r = r.shiftLeft(take).or(BigInteger.valueOf(random.uniform(1L << take)));
                left -= take;
            }
            if (r.compareTo(bound) < 0) return r;
        }
    }
}
