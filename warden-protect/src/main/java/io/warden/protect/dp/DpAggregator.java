package io.warden.protect.dp;

import static io.warden.protect.dp.ContributionBounding.DROP;
import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.protect.dp.ContributionBounds.ValueRange;
import io.warden.protect.dp.Release.Part;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Releases differentially private counts, sums, means, quantiles and histograms of a dataset's records, charging
 * each release to the dataset's {@link BudgetLedger} before any noise is drawn.
 *
 * <p>Every release follows the same steps: validate the parameters and calibrate the noise (bad parameters fail
 * here, before anything is spent); read each record's privacy unit ({@code unitOf}) and value; spend the cost on
 * the ledger (an overspend fails here, with nothing drawn); keep at most {@code maxContributions} random records per
 * unit; aggregate them as integers and add exact integer noise (calibration: {@code docs/differential-privacy.md}).
 * The sensitivities, with {@code m = maxContributions} and the value range {@code [L, U]} in granularity units,
 * are:
 *
 * <ul>
 *   <li>count: {@code m};
 *   <li>sum of values clamped to {@code [L, U]}: {@code m * max(|L|, |U|)};
 *   <li>mean: a noisy sum of the centered values {@code 2v - (L + U)} (sensitivity {@code m * (U - L)}) over a noisy
 *       count ({@code m}), the cost split evenly between the two, clamped to the range;
 *   <li>quantiles: a noisy histogram over the value grid {@code L, L+1, ..., U} (sensitivity {@code m} in both L1
 *       and L2), from whose cumulative counts any number of quantiles are read at no further cost;
 *   <li>histogram: counts over a declared category list (sensitivity {@code m}); records of other categories are
 *       dropped, and every declared category is released, so no category is revealed by being present.
 * </ul>
 *
 * <p>Records whose value is NaN (or whose category is not declared) are dropped before bounding. Noisy counts are
 * released as drawn, negative ones included (clamping them would bias them); callers may clamp.
 *
 * <p>Thread-safe if the random source is.
 */
public final class DpAggregator {
    static final int MAX_GRID = 1 << 20;

    private final BudgetLedger ledger;
    private final RandomSource random;

    public DpAggregator(BudgetLedger ledger, RandomSource random) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.random = requireNonNull(random, "random");
    }

    /** The number of records, with at most {@code maxContributions} counted per privacy unit. */
    public <T> Release<Long> count(String query, List<T> records, Function<? super T, ?> unitOf,
            int maxContributions, PrivacyCost cost) {
        ContributionBounds bounds = ContributionBounds.records(maxContributions);
        check(query, records, unitOf, cost);
        long sensitivity = maxContributions;
        Noise noise = Calibration.noise(cost, 1, sensitivity);
        List<List<Long>> units = ContributionBounding.byUnit(records, unitOf, r -> 0);
        ledger.spend(query, cost);
        long[] kept = ContributionBounding.bound(units, maxContributions, random);
        return new Release<>(query, noise.distribution(), noisy(kept.length, noise), cost, bounds,
                List.of(new Part("count", sensitivity, noise, 1)));
    }

    /** The sum of the records' values, each clamped to the bounds' range and rounded to its granularity. */
    public <T> Release<Double> sum(String query, List<T> records, Function<? super T, ?> unitOf,
            ToDoubleFunction<? super T> valueOf, ContributionBounds bounds, PrivacyCost cost) {
        ValueRange range = range(bounds, "sum");
        check(query, records, unitOf, cost);
        requireNonNull(valueOf, "valueOf");
        long sensitivity = bounds.maxContributions() * Math.max(Math.abs(range.lowerUnits()),
                Math.abs(range.upperUnits()));
        Noise noise = Calibration.noise(cost, 1, sensitivity);
        List<List<Long>> units = ContributionBounding.byUnit(records, unitOf, units(range, valueOf));
        ledger.spend(query, cost);
        long sum = 0;
        for (long v : ContributionBounding.bound(units, bounds.maxContributions(), random)) sum += v;
        BigDecimal noisySum = new BigDecimal(BigInteger.valueOf(sum).add(BigInteger.valueOf(noise.sample(random))));
        return new Release<>(query, noise.distribution(), range.toValue(noisySum), cost, bounds,
                List.of(new Part("sum", sensitivity, noise, 1)));
    }

    /** The mean of the records' values (clamped and rounded as for {@link #sum}), clamped to the range. */
    public <T> Release<Double> mean(String query, List<T> records, Function<? super T, ?> unitOf,
            ToDoubleFunction<? super T> valueOf, ContributionBounds bounds, PrivacyCost cost) {
        ValueRange range = range(bounds, "mean");
        check(query, records, unitOf, cost);
        requireNonNull(valueOf, "valueOf");
        long lo = range.lowerUnits();
        long hi = range.upperUnits();
        long sumSensitivity = bounds.maxContributions() * (hi - lo);
        long countSensitivity = bounds.maxContributions();
        Noise sumNoise = Calibration.noise(cost, 2, sumSensitivity);
        Noise countNoise = Calibration.noise(cost, 2, countSensitivity);
        List<List<Long>> units = ContributionBounding.byUnit(records, unitOf, units(range, valueOf));
        ledger.spend(query, cost);
        long[] kept = ContributionBounding.bound(units, bounds.maxContributions(), random);
        long centered = 0; // each term 2v - (lo + hi) is within +-(hi - lo) <= 2^32, and there are < 2^31 terms
        for (long v : kept) centered += 2 * v - (lo + hi);
        BigInteger noisyCentered = BigInteger.valueOf(centered).add(BigInteger.valueOf(sumNoise.sample(random)));
        long noisyCount = Math.max(1, noisy(kept.length, countNoise));
        // mean = (lo + hi)/2 + centered / (2 count), in granularity units
        BigDecimal meanUnits = new BigDecimal(BigInteger.valueOf(lo + hi).multiply(BigInteger.valueOf(noisyCount))
                .add(noisyCentered)).divide(new BigDecimal(BigInteger.valueOf(noisyCount).shiftLeft(1)),
                MathContext.DECIMAL128);
        double mean = Math.min(Math.max(range.toValue(meanUnits), range.lower()), range.upper());
        return new Release<>(query, sumNoise.distribution(), mean, cost, bounds,
                List.of(new Part("centered-sum", sumSensitivity, sumNoise, 1),
                        new Part("count", countSensitivity, countNoise, 1)));
    }

    /**
     * Quantiles of the records' values at the given ranks in {@code [0, 1]}, each a point of the bounds' grid.
     *
     * <p>The q-quantile is the smallest grid point whose noisy cumulative count reaches {@code q} times the noisy
     * total, and at least 1 (so rank 0 is the first point with any count), or the midpoint of the range if the
     * noisy total is not positive. The cumulative count up to a point sums the noise of every grid point below it,
     * so its error grows with the square root of their number: keep the grid coarse (hundreds to a few thousand
     * points; at most {@code 2^20}).
     */
    public <T> Release<List<Double>> quantiles(String query, List<T> records, Function<? super T, ?> unitOf,
            ToDoubleFunction<? super T> valueOf, List<Double> ranks, ContributionBounds bounds, PrivacyCost cost) {
        ValueRange range = range(bounds, "quantiles");
        check(query, records, unitOf, cost);
        requireNonNull(valueOf, "valueOf");
        requireNonNull(ranks, "ranks");
        if (ranks.isEmpty()) throw new IllegalArgumentException("quantiles: give at least one rank");
        for (Double q : ranks) {
            if (q == null || !(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantiles: rank " + q
                    + " is not in [0, 1]");
        }
        long lo = range.lowerUnits();
        long points = range.upperUnits() - lo + 1;
        if (points > MAX_GRID) {
            throw new IllegalArgumentException("quantiles: the range has " + points + " grid points, more than "
                    + MAX_GRID + "; use a coarser granularity");
        }
        long sensitivity = bounds.maxContributions();
        Noise noise = Calibration.noise(cost, 1, sensitivity);
        ToLongFunction<T> valueUnits = units(range, valueOf);
        List<List<Long>> units = ContributionBounding.byUnit(records, unitOf, r -> {
            long v = valueUnits.applyAsLong(r);
            return v == DROP ? DROP : v - lo;
        });
        ledger.spend(query, cost);
        long[] counts = noisyHistogram(ContributionBounding.bound(units, bounds.maxContributions(), random),
                (int) points, noise);
        long[] reach = new long[counts.length]; // running maximum of the cumulative counts: monotone, searchable
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative = add(cumulative, counts[i]);
            reach[i] = i == 0 ? cumulative : Math.max(reach[i - 1], cumulative);
        }
        long total = cumulative;
        List<Double> values = new ArrayList<>(ranks.size());
        for (double q : ranks) {
            long point = total <= 0 ? (points - 1) / 2 : firstReaching(reach, Math.max(q * total, 1));
            values.add(range.toValue(BigDecimal.valueOf(lo + point)));
        }
        return new Release<>(query, noise.distribution(), List.copyOf(values), cost, bounds,
                List.of(new Part("histogram", sensitivity, noise, (int) points)));
    }

    /**
     * Counts of records per declared category; records whose category ({@code categoryOf}) is null or not declared
     * are dropped, and every declared category gets a noisy count, in the declared order.
     */
    public <T> Release<Map<String, Long>> histogram(String query, List<T> records, Function<? super T, ?> unitOf,
            Function<? super T, String> categoryOf, List<String> categories, int maxContributions,
            PrivacyCost cost) {
        ContributionBounds bounds = ContributionBounds.records(maxContributions);
        check(query, records, unitOf, cost);
        requireNonNull(categoryOf, "categoryOf");
        Map<String, Integer> index = categoryIndex(categories);
        long sensitivity = maxContributions;
        Noise noise = Calibration.noise(cost, 1, sensitivity);
        List<List<Long>> units = ContributionBounding.byUnit(records, unitOf, r -> {
            Integer i = index.get(categoryOf.apply(r));
            return i == null ? DROP : i;
        });
        ledger.spend(query, cost);
        long[] counts = noisyHistogram(ContributionBounding.bound(units, maxContributions, random),
                categories.size(), noise);
        Map<String, Long> value = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) value.put(categories.get(i), counts[i]);
        return new Release<>(query, noise.distribution(), Collections.unmodifiableMap(value), cost, bounds,
                List.of(new Part("histogram", sensitivity, noise, categories.size())));
    }

    private long[] noisyHistogram(long[] kept, int size, Noise noise) {
        long[] counts = new long[size];
        for (long i : kept) counts[(int) i]++;
        for (int i = 0; i < size; i++) counts[i] = noisy(counts[i], noise);
        return counts;
    }

    private long noisy(long value, Noise noise) {
        return add(value, noise.sample(random));
    }

    /** Overflow here needs noise beyond 2^62, which the samplers' bounds make impossible in practice. */
    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new WardenException(ErrorCode.INTERNAL, "noisy aggregate overflows a long: refusing to release");
        }
    }

    private static int firstReaching(long[] reach, double target) {
        int lo = 0;
        int hi = reach.length - 1; // reach[last] >= total >= target, for q <= 1 and total >= 1
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reach[mid] >= target) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /**
     * Each record's value in granularity units: rounded to the nearest unit and clamped to the range (infinities
     * saturate, then clamp); NaN drops the record.
     */
    private static <T> ToLongFunction<T> units(ValueRange range, ToDoubleFunction<? super T> valueOf) {
        long lo = range.lowerUnits();
        long hi = range.upperUnits();
        double g = range.granularity();
        return r -> {
            double v = valueOf.applyAsDouble(r);
            return Double.isNaN(v) ? DROP : Math.min(Math.max(Math.round(v / g), lo), hi);
        };
    }

    private static ValueRange range(ContributionBounds bounds, String what) {
        requireNonNull(bounds, "bounds");
        if (bounds.values() == null) {
            throw new IllegalArgumentException(what + " needs value bounds: use ContributionBounds.values(...)");
        }
        return bounds.values();
    }

    private static void check(String query, List<?> records, Function<?, ?> unitOf, PrivacyCost cost) {
        requireNonNull(query, "query");
        if (query.isBlank()) throw new IllegalArgumentException("query label must not be blank");
        requireNonNull(records, "records");
        requireNonNull(unitOf, "unitOf");
        requireNonNull(cost, "cost");
    }

    private static Map<String, Integer> categoryIndex(List<String> categories) {
        requireNonNull(categories, "categories");
        if (categories.isEmpty() || categories.size() > MAX_GRID) {
            throw new IllegalArgumentException("histogram: declare between 1 and " + MAX_GRID + " categories, got "
                    + categories.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (String c : categories) {
            if (c == null) throw new IllegalArgumentException("histogram: a declared category is null");
            if (index.putIfAbsent(c, index.size()) != null) {
                throw new IllegalArgumentException("histogram: category declared twice: " + c);
            }
        }
        return index;
    }
}
