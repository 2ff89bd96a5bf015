package io.warden.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The policy's {@code dp} section: the differentially private statistics {@code warden dp} releases from a
 * dataset, and the dataset's privacy budget. Field reference: {@code docs/policy.md}; user guide: {@code docs/dp.md}.
 *
 * <p>Everything that can be checked without the data is checked here, so that a mistake is reported with its line
 * and column before any budget is spent.
 *
 * @param ledger path of the budget ledger (relative to the working directory), or null for the default
 *     {@code INPUT.dp-ledger.json}; the CLI's {@code --ledger} overrides it
 * @param budget the dataset's total budget, written into a new ledger; null to require an existing ledger
 * @param privacyUnit the column naming the person (or account) protected, or null: each record is its own unit
 * @param maxContributions records kept per privacy unit (default 1)
 * @param queries the statistics released, in order
 */
public record Dp(
        @JsonProperty("ledger") String ledger,
        @JsonProperty("budget") Budget budget,
        @JsonProperty("privacy_unit") String privacyUnit,
        @JsonProperty("max_contributions") Integer maxContributions,
        @JsonProperty("queries") List<Query> queries) {

    /** The largest number of value-grid points a quantiles query may have (as the library allows). */
    public static final long MAX_GRID = 1L << 20;
    /** How far from zero, in granularity steps, a value bound may be (as the library allows). */
    public static final long MAX_UNITS = 1L << 31;

    public Dp {
        if (ledger != null && ledger.isBlank()) throw new IllegalArgumentException("ledger must not be blank");
        if (privacyUnit != null && privacyUnit.isBlank()) {
            throw new IllegalArgumentException("privacy_unit must name a column");
        }
        if (maxContributions == null) maxContributions = 1;
        if (maxContributions < 1) throw new IllegalArgumentException("max_contributions must be at least 1");
        if (maxContributions > 1 && privacyUnit == null) {
            throw new IllegalArgumentException("max_contributions " + maxContributions + " needs a privacy_unit"
                    + " (without one, each record is its own unit and contributes one record)");
        }
        queries = queries == null ? List.of() : List.copyOf(queries);
        Set<String> names = new HashSet<>();
        BigDecimal epsilon = BigDecimal.ZERO;
        BigDecimal delta = BigDecimal.ZERO;
        for (Query q : queries) {
            if (!names.add(q.name())) {
                throw new IllegalArgumentException("two queries are named '" + q.name() + "'");
            }
            epsilon = epsilon.add(BigDecimal.valueOf(q.epsilon()));
            delta = delta.add(BigDecimal.valueOf(q.delta()));
        }
        if (budget != null) {
            if (epsilon.compareTo(BigDecimal.valueOf(budget.epsilon())) > 0) {
                throw new IllegalArgumentException("contradictory rules: the queries' epsilons add up to "
                        + plain(epsilon) + ", more than the whole budget (dp.budget.epsilon " + budget.epsilon()
                        + ")");
            }
            if (delta.compareTo(BigDecimal.valueOf(budget.delta())) > 0) {
                throw new IllegalArgumentException("contradictory rules: the queries' deltas add up to "
                        + plain(delta) + ", more than the whole budget (dp.budget.delta " + budget.delta() + ")");
            }
        }
    }

    static Dp defaults() {
        return new Dp(null, null, null, null, null);
    }

    /** Whether no query is declared (there is nothing to release). */
    public boolean isEmpty() {
        return queries.isEmpty();
    }

    /**
     * A dataset's total privacy budget: what the ledger is created with; basic composition sums the queries' costs.
     *
     * @param epsilon total epsilon, {@code > 0}
     * @param delta total delta in {@code [0, 1)}, default 0
     */
    public record Budget(@JsonProperty("epsilon") Double epsilon, @JsonProperty("delta") Double delta) {
        public Budget {
            if (epsilon == null) throw new IllegalArgumentException("epsilon is required");
            if (!(epsilon > 0) || epsilon.isInfinite()) {
                throw new IllegalArgumentException("epsilon must be a number > 0");
            }
            if (delta == null) delta = 0.0;
            if (!(delta >= 0 && delta < 1)) throw new IllegalArgumentException("delta must be in [0, 1)");
        }
    }

    /** What a query releases. */
    public enum Type {
        /** The number of records. */
        COUNT,
        /** The sum of a numeric column. */
        SUM,
        /** The mean of a numeric column. */
        MEAN,
        /** Quantiles of a numeric column at given ranks. */
        QUANTILES,
        /** Counts per declared category of a column. */
        HISTOGRAM;

        /** The name used in the policy and the release: lower case. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the query reads numbers and needs value bounds. */
        public boolean numeric() {
            return switch (this) {
                case SUM, MEAN, QUANTILES -> true;
                case COUNT, HISTOGRAM -> false;
            };
        }

        @JsonCreator
        static Type of(String label) {
            for (Type t : values()) {
                if (t.label().equals(label)) return t;
            }
            throw new IllegalArgumentException("unknown query type '" + label
                    + "' (expected one of: count, sum, mean, quantiles, histogram)");
        }
    }

    /**
     * One differentially private statistic.
     *
     * @param name a unique label for the release and the ledger (describe the query; never put data in it)
     * @param type what is released
     * @param column the column read (absent for {@code count})
     * @param epsilon the epsilon this query spends, {@code > 0}
     * @param delta the delta it spends, in {@code [0, 1)}, default 0: 0 means discrete Laplace noise, more means
     *     discrete Gaussian noise
     * @param bounds {@code [lower, upper]} that values are clamped to ({@code sum}, {@code mean}, {@code quantiles})
     * @param granularity the step values are rounded to (default 1; the quantiles' grid); bounds must be multiples
     * @param ranks the quantiles' ranks in {@code [0, 1]}
     * @param categories the histogram's categories, released in this order
     */
    public record Query(
            @JsonProperty("name") String name,
            @JsonProperty("type") Type type,
            @JsonProperty("column") String column,
            @JsonProperty("epsilon") Double epsilon,
            @JsonProperty("delta") Double delta,
            @JsonProperty("bounds") List<Double> bounds,
            @JsonProperty("granularity") Double granularity,
            @JsonProperty("ranks") List<Double> ranks,
            @JsonProperty("categories") List<String> categories) {

        public Query {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a dp query needs a name");
            if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("dp query names are at most 100 characters, without control"
                        + " characters");
            }
            String q = "query '" + name + "': ";
            if (type == null) {
                throw new IllegalArgumentException(q + "type is required (one of: count, sum, mean, quantiles,"
                        + " histogram)");
            }
            String t = type.label();
            if (type == Type.COUNT && column != null) {
                throw new IllegalArgumentException(q + "count takes no column (it counts records)");
            }
            if (type != Type.COUNT && (column == null || column.isBlank())) {
                throw new IllegalArgumentException(q + "column is required for " + t);
            }
            if (epsilon == null) throw new IllegalArgumentException(q + "epsilon is required");
            if (!(epsilon > 0) || epsilon.isInfinite()) throw new IllegalArgumentException(q + "epsilon must be > 0");
            if (delta == null) delta = 0.0;
            if (!(delta >= 0 && delta < 1)) throw new IllegalArgumentException(q + "delta must be in [0, 1)");

            if (!type.numeric()) {
                if (bounds != null) throw new IllegalArgumentException(q + "bounds apply to sum, mean and quantiles");
                if (granularity != null) {
                    throw new IllegalArgumentException(q + "granularity applies to sum, mean and quantiles");
                }
            } else {
                if (bounds == null) {
                    throw new IllegalArgumentException(q + t + " needs bounds: [lower, upper]");
                }
                if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
                    throw new IllegalArgumentException(q + "bounds must be two numbers: [lower, upper]");
                }
                bounds = List.copyOf(bounds);
                double lower = bounds.get(0);
                double upper = bounds.get(1);
                if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
                    throw new IllegalArgumentException(q + "bounds must be [lower, upper] with lower < upper");
                }
                if (granularity == null) granularity = 1.0;
                if (!(granularity > 0) || granularity.isInfinite()) {
                    throw new IllegalArgumentException(q + "granularity must be > 0");
                }
                long lo = steps(q, lower, granularity);
                long hi = steps(q, upper, granularity);
                if (type == Type.QUANTILES && hi - lo + 1 > MAX_GRID) {
                    throw new IllegalArgumentException(q + "bounds " + bounds + " at granularity " + granularity
                            + " make " + (hi - lo + 1) + " grid points, more than " + MAX_GRID
                            + "; use a coarser granularity");
                }
            }

            if (type != Type.QUANTILES && ranks != null) {
                throw new IllegalArgumentException(q + "ranks apply to quantiles only");
            }
            if (type == Type.QUANTILES) {
                if (ranks == null || ranks.isEmpty()) {
                    throw new IllegalArgumentException(q + "quantiles need ranks, e.g. [0.25, 0.5, 0.75]");
                }
                for (Double r : ranks) {
                    if (r == null || !(r >= 0 && r <= 1)) {
                        throw new IllegalArgumentException(q + "rank " + r + " is not in [0, 1]");
                    }
                }
                ranks = List.copyOf(ranks);
            }

            if (type != Type.HISTOGRAM && categories != null) {
                throw new IllegalArgumentException(q + "categories apply to histogram only");
            }
            if (type == Type.HISTOGRAM) {
                if (categories == null || categories.isEmpty()) {
                    throw new IllegalArgumentException(q + "histogram needs categories (only declared categories"
                            + " are released)");
                }
                if (categories.size() > MAX_GRID) {
                    throw new IllegalArgumentException(q + "at most " + MAX_GRID + " categories");
                }
                Set<String> seen = new HashSet<>();
                for (String c : categories) {
                    if (c == null) throw new IllegalArgumentException(q + "a category is empty (null)");
                    if (!seen.add(c)) throw new IllegalArgumentException(q + "category '" + c + "' is declared twice");
                }
                categories = List.copyOf(categories);
            }
        }

        /** The lower value bound (numeric queries). */
        public double lower() {
            return bounds.get(0);
        }

        /** The upper value bound (numeric queries). */
        public double upper() {
            return bounds.get(1);
        }

        /** {@code bound / granularity}, which must be a whole number of at most {@link #MAX_UNITS} in magnitude. */
        private static long steps(String q, double bound, double granularity) {
            BigDecimal[] qr = BigDecimal.valueOf(bound).divideAndRemainder(BigDecimal.valueOf(granularity));
            if (qr[1].signum() != 0) {
                throw new IllegalArgumentException(q + "bound " + bound + " is not a multiple of the granularity "
                        + granularity);
            }
            BigInteger k = qr[0].toBigIntegerExact();
            if (k.abs().compareTo(BigInteger.valueOf(MAX_UNITS)) > 0) {
                throw new IllegalArgumentException(q + "bound " + bound + " is more than 2^31 steps of granularity "
                        + granularity + " from 0; use a coarser granularity");
            }
            return k.longValueExact();
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
