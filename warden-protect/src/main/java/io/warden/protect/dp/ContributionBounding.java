package io.warden.protect.dp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Records reduced to (privacy unit, integer value) pairs — the value is a number in granularity units or a
 * category index — and the per-unit cap on how many of them are used.
 *
 * <p>Extraction happens before the budget is spent (it can fail on a record without a unit); sampling happens after
 * (it draws randomness).
 */
final class ContributionBounding {
    /** The value an extractor returns for a record that does not take part (NaN value, undeclared category). */
    static final long DROP = Long.MIN_VALUE;

    private ContributionBounding() {}

    /**
     * The values of {@code records} grouped by privacy unit, in order of each unit's first record; records whose
     * value is {@link #DROP} are left out.
     *
     * @throws IllegalArgumentException if a record has no unit ({@code unitOf} returns null)
     */
    static <T> List<List<Long>> byUnit(List<T> records, Function<? super T, ?> unitOf,
            ToLongFunction<? super T> valueOf) {
        Map<Object, List<Long>> units = new LinkedHashMap<>();
        int index = 0;
        for (T record : records) {
            Object unit = unitOf.apply(record);
            if (unit == null) {
                throw new IllegalArgumentException("record " + index + " has no privacy unit (unitOf returned null)");
            }
            long value = valueOf.applyAsLong(record);
            if (value != DROP) units.computeIfAbsent(unit, u -> new ArrayList<>()).add(value);
            index++;
        }
        return new ArrayList<>(units.values());
    }

    /**
     * At most {@code max} values of each unit: all of a unit's values when it has no more, else {@code max} of them
     * chosen uniformly at random without replacement (a partial Fisher-Yates shuffle on {@code random}).
     */
    static long[] bound(List<List<Long>> units, int max, RandomSource random) {
        long total = 0;
        for (List<Long> values : units) total += Math.min(values.size(), max);
        long[] kept = new long[Math.toIntExact(total)];
        int n = 0;
        for (List<Long> values : units) {
            if (values.size() <= max) {
                for (long v : values) kept[n++] = v;
                continue;
            }
            List<Long> pool = new ArrayList<>(values);
            for (int i = 0; i < max; i++) {
                int j = i + (int) random.uniform(pool.size() - i);
                kept[n++] = pool.get(j);
                pool.set(j, pool.get(i));
            }
        }
        return kept;
    }
}
