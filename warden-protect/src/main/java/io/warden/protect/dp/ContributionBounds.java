package io.warden.protect.dp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How much one privacy unit (a person, an account: whatever a release must protect) may contribute to a release:
 * at most {@code maxContributions} of its records are used, chosen uniformly at random when it has more, and for
 * numeric releases each value is clamped to {@code [lower, upper]} and rounded to a multiple of {@code granularity}.
 *
 * <p>Neighbouring datasets differ by all records of one unit (add/remove-one-unit DP), so these bounds alone fix a
 * release's sensitivity.
 *
 * @param maxContributions records kept per privacy unit, {@code >= 1}
 * @param values the value range of numeric releases, or {@code null} for counts and histograms
 */
public record ContributionBounds(int maxContributions, ValueRange values) {
    public ContributionBounds {
        if (maxContributions < 1) {
            throw new IllegalArgumentException("maxContributions must be >= 1, got " + maxContributions);
        }
    }

    /** At most {@code maxContributions} records per unit, for counts and histograms. */
    public static ContributionBounds records(int maxContributions) {
        return new ContributionBounds(maxContributions, null);
    }

    /** At most {@code maxContributions} values per unit, each clamped to {@code [lower, upper]} on a grid. */
    public static ContributionBounds values(int maxContributions, double lower, double upper, double granularity) {
        return new ContributionBounds(maxContributions, new ValueRange(lower, upper, granularity));
    }

    /**
     * A bounded value grid: values are computed as integers in units of {@code granularity} (fixed point), so
     * the noise stays integer-valued and exact.
     *
     * <p>{@code lower} and {@code upper} must be multiples of {@code granularity} (as decimals: {@code 0.3} is a
     * multiple of {@code 0.1}) and at most {@code 2^31} granularity units from zero, so no sum of a list's values
     * can overflow.
     *
     * @param lower the smallest value kept, finite
     * @param upper the largest value kept, finite and {@code > lower}
     * @param granularity the fixed-point step, finite and {@code > 0}
     */
    public record ValueRange(double lower, double upper, double granularity) {
        static final long MAX_UNITS = 1L << 31;

        public ValueRange {
            if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("value bounds must be finite numbers, got [" + lower + ", " + upper
                        + "]");
            }
            if (!(lower < upper)) {
                throw new IllegalArgumentException("value bounds: lower must be < upper, got [" + lower + ", " + upper
                        + "]");
            }
            if (!(granularity > 0) || !Double.isFinite(granularity)) {
                throw new IllegalArgumentException("granularity must be a finite number > 0, got " + granularity);
            }
            units(lower, granularity, "lower");
            units(upper, granularity, "upper");
        }

        /** {@code lower / granularity}, exactly. */
        public long lowerUnits() {
            return units(lower, granularity, "lower");
        }

        /** {@code upper / granularity}, exactly. */
        public long upperUnits() {
            return units(upper, granularity, "upper");
        }

        /** {@code units * granularity} as the double nearest the exact decimal. */
        double toValue(BigDecimal units) {
            return units.multiply(BigDecimal.valueOf(granularity)).doubleValue();
        }

        private static long units(double bound, double granularity, String which) {
            BigDecimal[] qr = BigDecimal.valueOf(bound).divideAndRemainder(BigDecimal.valueOf(granularity));
            if (qr[1].signum() != 0) {
                throw new IllegalArgumentException("value bounds: " + which + " " + bound
                        + " is not a multiple of the granularity " + granularity);
            }
            BigInteger k = qr[0].toBigIntegerExact();
            if (k.abs().compareTo(BigInteger.valueOf(MAX_UNITS)) > 0) {
                throw new IllegalArgumentException("value bounds: " + which + " " + bound + " is more than 2^31 steps"
                        + " of granularity " + granularity + " from 0; use a coarser granularity");
            }
            return k.longValueExact();
        }
    }
}
