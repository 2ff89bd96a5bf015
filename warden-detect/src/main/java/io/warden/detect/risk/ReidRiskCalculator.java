package io.warden.detect.risk;

import io.warden.core.report.ReidRisk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates quasi-identifier tuples and computes prosecutor re-identification risk over their equivalence classes.
 *
 * <p>Memory grows with the number of distinct tuples (one map entry each), not with the number of records.
 * Not thread-safe.
 */
public final class ReidRiskCalculator {
    private final List<String> quasiIdentifiers;
    private final double riskThreshold;
    private final Map<String, long[]> classes = new HashMap<>();
    private final StringBuilder key = new StringBuilder();
    private long records;

    /**
     * @param quasiIdentifiers the columns forming the tuple
     * @param riskThreshold records with prosecutor risk above this count as "at risk" (e.g. 0.2 = classes under 5)
     */
    public ReidRiskCalculator(List<String> quasiIdentifiers, double riskThreshold) {
        if (quasiIdentifiers.isEmpty()) throw new IllegalArgumentException("no quasi-identifiers");
        this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
        this.riskThreshold = riskThreshold;
    }

    public List<String> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    /** Adds one record's quasi-identifier values, in the order of {@link #quasiIdentifiers()}; null = missing. */
    public void add(String[] values) {
        key.setLength(0);
        for (String v : values) {
            // length-prefix each value so that no two different tuples can produce the same key
            if (v == null) key.append("-1:");
            else key.append(v.length()).append(':').append(v);
        }
        classes.computeIfAbsent(key.toString(), k -> new long[1])[0]++;
        records++;
    }

    /** The risk figures over everything added so far. */
    public ReidRisk result() {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        long unique = 0;
        long atRisk = 0;
        long smallest = Long.MAX_VALUE;
        for (long[] size : classes.values()) {
            long s = size[0];
            histogram.merge(s, 1L, Long::sum);
            if (s == 1) unique++;
            if (1.0 / s > riskThreshold) atRisk += s;
            smallest = Math.min(smallest, s);
        }
        long n = records;
        return new ReidRisk(
                quasiIdentifiers,
                n,
                classes.size(),
                unique,
                n == 0 ? 0 : (double) unique / n,
                n == 0 ? 0 : 1.0 / smallest,
                n == 0 ? 0 : (double) classes.size() / n,
                n == 0 ? 0 : (double) atRisk / n,
                riskThreshold,
                histogram);
    }
}
