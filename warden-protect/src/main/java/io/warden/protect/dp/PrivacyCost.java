package io.warden.protect.dp;

import java.math.BigDecimal;

/**
 * The privacy loss {@code (epsilon, delta)} one release spends, or a dataset's total budget; it also chooses the
 * noise: {@code delta = 0} means pure {@code epsilon}-DP with discrete Laplace noise, {@code delta > 0} means
 * {@code (epsilon, delta)}-DP with discrete Gaussian noise.
 *
 * <p>Each double is taken as the shortest decimal that prints as it ({@link BigDecimal#valueOf(double)}): the
 * ledger adds and compares those decimals exactly, and the noise is calibrated to the same exact values, so
 * ten spends of {@code 0.1} use up a budget of {@code 1} exactly.
 *
 * @param epsilon {@code > 0} and finite
 * @param delta in {@code [0, 1)}
 */
public record PrivacyCost(double epsilon, double delta) {
    public PrivacyCost {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
    }

    /** Pure {@code epsilon}-DP (discrete Laplace noise). */
    public static PrivacyCost pure(double epsilon) {
        return new PrivacyCost(epsilon, 0);
    }

    /** {@code (epsilon, delta)}-DP with {@code delta > 0} (discrete Gaussian noise). */
    public static PrivacyCost approximate(double epsilon, double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("approximate DP needs delta > 0, got " + delta);
        return new PrivacyCost(epsilon, delta);
    }

    /** Whether this is pure DP ({@code delta = 0}). */
    public boolean isPure() {
        return delta == 0;
    }

    /** {@code epsilon} as the exact decimal the ledger and the calibration use. */
    public BigDecimal exactEpsilon() {
        return BigDecimal.valueOf(epsilon);
    }

    /** {@code delta} as the exact decimal the ledger and the calibration use. */
    public BigDecimal exactDelta() {
        return BigDecimal.valueOf(delta);
    }
}
