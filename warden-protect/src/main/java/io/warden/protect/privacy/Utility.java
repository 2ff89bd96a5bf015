package io.warden.protect.privacy;

/**
 * A {@link UtilityMetric} bound to an encoded table: the metric's value at an evaluated node, and two lower bounds
 * the search prunes with.
 *
 * <p>Both bounds hold for the node <em>and every generalization of it</em>, and never decrease when a node is
 * generalized — the properties that make pruning exact (see {@code docs/privacy-models.md}):
 * <ul>
 *   <li>{@link #bound(int[])} needs no grouping. Loss and precision: the value with no record suppressed (a
 *       suppressed record costs 1, at least its generalized share or level ratio). Discernibility and class size:
 *       from the most classes the node can have, m = min(distinct tuples, Π distinct values at the node's levels),
 *       n² / m ≤ Σ |E|² (Cauchy–Schwarz) and n / m.</li>
 *   <li>{@link #bound(NodeStats)} uses the node's classes: Σ |E|² over all of them (suppression costs n ≥ |E| per
 *       record; merging classes only grows it) and n / classes.</li>
 * </ul>
 */
final class Utility {
    private static final double FACTOR = 1e10; // ARX rounds each dimension's loss down to 10 decimals

    private final UtilityMetric metric;
    private final EncodedTable t;
    private final double[][] lossFactor; // [dim][level] -> (1 + L_d)^(1/D) with nothing suppressed

    Utility(UtilityMetric metric, EncodedTable t) {
        this.metric = metric;
        this.t = t;
        this.lossFactor = new double[t.dims][];
        for (int d = 0; d < t.dims; d++) {
            lossFactor[d] = new double[t.maxLevel[d] + 1];
            for (int level = 0; level <= t.maxLevel[d]; level++) lossFactor[d][level] = lossFactor(d, level, 0, 0);
        }
    }

    UtilityMetric metric() {
        return metric;
    }

    /** The metric's value at the evaluated node with {@code levels}. */
    double value(NodeStats s, int[] levels) {
        int n = t.records;
        return switch (metric) {
            case LOSS -> loss(levels, s.suppressed(), s.suppressedShare());
            case PRECISION -> precision(levels, s.suppressed());
            case DISCERNIBILITY -> (double) s.squaresReleased() + (double) s.suppressed() * n;
            case AVERAGE_CLASS_SIZE -> (double) n / (s.releasedClasses() + (s.suppressed() > 0 ? 1 : 0));
        };
    }

    /** A lower bound for the node with {@code levels} and every generalization of it, without grouping. */
    double bound(int[] levels) {
        return switch (metric) {
            case LOSS -> loss(levels, 0, null);
            case PRECISION -> precision(levels, 0);
            case DISCERNIBILITY -> (double) t.records * t.records / maxClasses(levels);
            case AVERAGE_CLASS_SIZE -> (double) t.records / maxClasses(levels);
        };
    }

    /** A lower bound for the evaluated node and every generalization of it, from its classes. */
    double bound(NodeStats s, int[] levels) {
        return switch (metric) {
            case LOSS, PRECISION -> bound(levels);
            case DISCERNIBILITY -> (double) s.squaresAll();
            case AVERAGE_CLASS_SIZE -> (double) t.records / s.classes();
        };
    }

    private double maxClasses(int[] levels) {
        double product = 1;
        for (int d = 0; d < t.dims; d++) product *= t.distinctAtLevel[d][levels[d]];
        return Math.min(product, t.distinctTuples);
    }

    private double loss(int[] levels, int suppressed, long[] suppressedShare) {
        double result = 1;
        for (int d = 0; d < t.dims; d++) {
            result *= suppressed == 0 ? lossFactor[d][levels[d]]
                    : lossFactor(d, levels[d], suppressed, suppressedShare[d]);
        }
        return result - 1;
    }

    /** (1 + L_d)^(1/D) for dimension d at {@code level}, L_d rounded down to 10 decimals as ARX does. */
    private double lossFactor(int d, int level, int suppressed, long suppressedShare) {
        long n = t.records;
        long size = t.hierarchies[d].leaves();
        // S_d = Σ released shares + suppressed records, in units of 1/size
        long sum = t.shareSums[d][level] + suppressed * size - suppressedShare;
        double normalized = size == 1 ? 0 : (double) (sum - n) / ((double) n * (size - 1));
        normalized = Math.floor(Math.max(0, normalized) * FACTOR) / FACTOR;
        return Math.pow(normalized + 1, 1.0 / t.dims);
    }

    private double precision(int[] levels, int suppressed) {
        double n = t.records;
        double result = 0;
        for (int d = 0; d < t.dims; d++) {
            int height = t.maxLevel[d];
            double ratio = height == 0 ? 0 : (double) levels[d] / height;
            double value = ((n - suppressed) * ratio + suppressed) / n;
            result += value / t.dims;
        }
        return result;
    }
}
