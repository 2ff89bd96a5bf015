package io.warden.protect.dp;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Noise calibrated to a release's cost, split evenly over its {@code parts} noisy aggregates.
 *
 * <p>Pure DP ({@code delta = 0}): each part gets {@code epsilon / parts} (sequential composition) and discrete
 * Laplace noise of scale {@code sensitivity * parts / epsilon}, computed as an exact rational and only ever rounded
 * up (more noise).
 *
 * <p>Approximate DP: the release gets the zCDP budget {@code rho} with
 * {@code rho + 2 sqrt(rho ln(1/delta)) = epsilon} (Bun and Steinke 2016, Proposition 1.3: {@code rho}-zCDP implies
 * {@code (rho + 2 sqrt(rho ln(1/delta)), delta)}-DP for every delta); each part gets {@code rho / parts} (zCDP
 * composes by addition) and discrete Gaussian noise with {@code sigma^2 = sensitivity^2 / (2 rho / parts)} (CKS 2020:
 * that noise on an integer query of L2 sensitivity {@code D} is {@code D^2 / (2 sigma^2)}-zCDP). This conversion is
 * valid but not tight. {@code rho} needs a logarithm and square roots, so it is computed in floating point, as
 * {@code (epsilon / (sqrt(L + epsilon) + sqrt(L)))^2} with {@code L = ln(1/delta)} (no cancellation; relative error
 * a few ulps), then lowered by a relative {@code 1e-9}; the exact {@code sigma^2} is rounded up, and the resulting
 * epsilon is checked again to be at most the one paid for.
 */
final class Calibration {
    private static final double MARGIN = 1e-9;

    private Calibration() {}

    /** The noise for one part of a release that costs {@code cost} and has {@code parts} parts. */
    static Noise noise(PrivacyCost cost, int parts, long sensitivity) {
        if (sensitivity < 1) throw new IllegalArgumentException("sensitivity must be >= 1, got " + sensitivity);
        return cost.isPure() ? laplace(cost, parts, sensitivity) : gaussian(cost, parts, sensitivity);
    }

    private static DiscreteLaplace laplace(PrivacyCost cost, int parts, long sensitivity) {
        Rational scale = Rational.of(sensitivity, 1).multiply(Rational.of(parts, 1))
                .divide(Rational.of(cost.exactEpsilon()));
        try {
            return new DiscreteLaplace(scale.roundUpToBits(DiscreteLaplace.MAX_BITS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("noise scale " + scale.doubleValue() + " (sensitivity " + sensitivity
                    + " over epsilon " + cost.epsilon() + (parts > 1 ? " / " + parts : "") + ") exceeds 2^50:"
                    + " raise epsilon or tighten the contribution bounds");
        }
    }

    private static DiscreteGaussian gaussian(PrivacyCost cost, int parts, long sensitivity) {
        double rho = rho(cost.epsilon(), cost.delta()) * (1 - MARGIN) / parts;
        if (!(rho > 0)) throw new IllegalArgumentException("epsilon " + cost.epsilon() + " is too small for delta "
                + cost.delta());
        BigInteger d2 = BigInteger.valueOf(sensitivity).pow(2);
        Rational sigma2 = new Rational(d2, BigInteger.ONE).divide(Rational.of(new BigDecimal(rho))
                .multiply(Rational.of(2, 1)));
        int intBits = Math.max(0, sigma2.num().bitLength() - sigma2.den().bitLength());
        DiscreteGaussian noise;
        try {
            noise = new DiscreteGaussian(sigma2.roundUpToBits(Math.min(128, Math.max(62, intBits + 40))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("noise sigma^2 " + sigma2.doubleValue() + " (sensitivity "
                    + sensitivity + ", epsilon " + cost.epsilon() + ", delta " + cost.delta() + ") exceeds 2^100:"
                    + " raise epsilon or tighten the contribution bounds");
        }
        // The guarantee actually delivered by this exact sigma^2, parts times, must be within what was paid.
        double rhoDelivered = parts * d2.doubleValue() / (2 * noise.sigmaSquared().doubleValue());
        double epsDelivered = rhoDelivered + 2 * Math.sqrt(rhoDelivered * -Math.log(cost.delta()));
        if (!(epsDelivered <= cost.epsilon())) {
            throw new WardenException(ErrorCode.INTERNAL, "discrete Gaussian calibration gave epsilon " + epsDelivered
                    + " > " + cost.epsilon());
        }
        return noise;
    }

    /** The zCDP {@code rho} that converts to exactly {@code (epsilon, delta)}-DP, in floating point. */
    static double rho(double epsilon, double delta) {
        double l = -Math.log(delta);
        double root = epsilon / (Math.sqrt(l + epsilon) + Math.sqrt(l));
        return root * root;
    }
}
