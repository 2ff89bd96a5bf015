package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * The discrete Gaussian distribution on the integers with a rational variance parameter {@code sigma^2}:
 * {@code P(z) = exp(-z^2 / (2 sigma^2)) / sum_k exp(-k^2 / (2 sigma^2))}.
 *
 * <p>Adding it to an integer query of L2 sensitivity {@code D} gives {@code rho}-zCDP with
 * {@code rho = D^2 / (2 sigma^2)} (Canonne, Kamath, Steinke 2020, Theorem 4). Its variance is slightly below
 * {@code sigma^2}. Samples follow their Algorithm 3: with {@code t = floor(sigma) + 1}, draw {@code Y} from the
 * discrete Laplace of scale {@code t} and accept it with probability
 * {@code exp(-(|Y| - sigma^2/t)^2 / (2 sigma^2))}; that exponent is a rational computed exactly in
 * {@link BigInteger}s and the acceptance is an exact {@link BernoulliExp} trial, so the samples have exactly this
 * distribution for exactly this rational. Fewer than two proposals are needed on average.
 *
 * @param sigmaSquared {@code sigma^2 > 0}, at most {@code 2^100} ({@code sigma <= 2^50}), with numerator and
 *     denominator of at most 128 bits
 */
public record DiscreteGaussian(Rational sigmaSquared) implements Noise {
    private static final Rational MAX_SIGMA_SQUARED = new Rational(BigInteger.ONE.shiftLeft(100), BigInteger.ONE);

    public DiscreteGaussian {
        requireNonNull(sigmaSquared, "sigmaSquared");
        if (sigmaSquared.num().signum() == 0) {
            throw new IllegalArgumentException("discrete Gaussian: sigma^2 must be > 0");
        }
        if (sigmaSquared.num().bitLength() > 128 || sigmaSquared.den().bitLength() > 128) {
            throw new IllegalArgumentException("discrete Gaussian: sigma^2 " + sigmaSquared
                    + " has a numerator or denominator beyond 128 bits; round it with Rational.roundUpToBits");
        }
        if (sigmaSquared.compareTo(MAX_SIGMA_SQUARED) > 0) {
            throw new IllegalArgumentException("discrete Gaussian: sigma^2 " + sigmaSquared.doubleValue()
                    + " exceeds 2^100");
        }
    }

    /** {@code sigma} as a double, for display. */
    public double sigma() {
        return Math.sqrt(sigmaSquared.doubleValue());
    }

    @Override
    public long sample(RandomSource random) {
        requireNonNull(random, "random");
        BigInteger a = sigmaSquared.num();
        BigInteger b = sigmaSquared.den();
        long t = a.divide(b).sqrt().longValueExact() + 1; // floor(sqrt(a/b)) = isqrt(floor(a/b))
        BigInteger bt = b.multiply(BigInteger.valueOf(t));
        BigInteger den = a.multiply(bt).multiply(BigInteger.valueOf(2 * t)); // 2 * a * b * t^2
        while (true) {
            long y = DiscreteLaplace.sample(random, t, 1);
            // (|Y| - sigma^2/t)^2 / (2 sigma^2) = (|Y| b t - a)^2 / (2 a b t^2)
            BigInteger diff = BigInteger.valueOf(Math.abs(y)).multiply(bt).subtract(a);
            if (BernoulliExp.sample(random, diff.multiply(diff), den)) return y;
        }
    }

    @Override
    public String distribution() {
        return "discrete-gaussian";
    }
}
