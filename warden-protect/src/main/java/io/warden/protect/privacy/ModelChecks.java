package io.warden.protect.privacy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The privacy models of a configuration bound to an encoded table: decides whether an equivalence class may be
 * released, and measures what a released set of classes achieves (smallest k, smallest l, largest ratio or
 * distance).
 *
 * <p>Not thread-safe: holds the histogram of the class being checked.
 */
final class ModelChecks {
    private final PrivacyModel[] models;
    private final int[] dimOf;       // [model] -> sensitive dim, -1 for k-anonymity
    private final int[][] orderOf;   // [model] -> codes in ascending order, for ordered t-closeness
    private final int minSize;       // no class smaller than this can pass
    private final int minSizeMonotone; // ... nor pass the models that are monotone with suppression
    private final boolean sensitive;
    private final EncodedTable t;
    private final int[][] histogram; // [sensitive dim][code] -> records of the current class
    private final int[][] present;   // [sensitive dim] -> codes the current class holds
    private final int[] presentCount;
    private final int[][] sorted;    // [sensitive dim] -> the current class's frequencies, ascending
    private final boolean[] sortedValid;

    ModelChecks(List<PrivacyModel> models, EncodedTable t) {
        this.t = t;
        this.models = models.toArray(PrivacyModel[]::new);
        this.dimOf = new int[this.models.length];
        this.orderOf = new int[this.models.length][];
        List<String> columns = List.of(t.sensitiveColumns);
        int min = 1;
        int minMonotone = 1;
        for (int i = 0; i < this.models.length; i++) {
            PrivacyModel model = this.models[i];
            dimOf[i] = model.sensitiveColumn().map(columns::indexOf).orElse(-1);
            switch (model) {
                case KAnonymity k -> {
                    min = Math.max(min, k.k());
                    minMonotone = Math.max(minMonotone, k.k());
                    if (k.k() > t.records) {
                        unsatisfiable("k = " + k.k() + " is larger than the " + t.records + " records");
                    }
                }
                case DistinctLDiversity d -> {
                    min = Math.max(min, d.l());
                    minMonotone = Math.max(minMonotone, d.l());
                    requireDistinct(d.column(), d.l(), dimOf[i]);
                }
                case RecursiveCLDiversity r -> {
                    min = Math.max(min, r.l());
                    requireDistinct(r.column(), r.l(), dimOf[i]);
                }
                case TCloseness c -> {
                    if (c.distance() == TCloseness.Distance.ORDERED) orderOf[i] = order(c, dimOf[i]);
                }
            }
        }
        this.minSize = min;
        this.minSizeMonotone = minMonotone;
        this.sensitive = t.sensitiveDims > 0;
        this.histogram = new int[t.sensitiveDims][];
        this.present = new int[t.sensitiveDims][];
        this.presentCount = new int[t.sensitiveDims];
        this.sorted = new int[t.sensitiveDims][];
        this.sortedValid = new boolean[t.sensitiveDims];
        for (int a = 0; a < t.sensitiveDims; a++) {
            histogram[a] = new int[t.sensitiveValues[a].length];
            present[a] = new int[t.sensitiveValues[a].length];
            sorted[a] = new int[t.sensitiveValues[a].length];
        }
    }

    /** The class meets every model. */
    static final int PASSES = 0;
    /** The class meets the models that are monotone with suppression but not every other one. */
    static final int FAILS_OTHER = 1;
    /** The class fails a model that is monotone with suppression: every class it is merged into may still pass. */
    static final int FAILS_MONOTONE = 2;

    /** Whether class {@code cls} of {@code p} meets every model: {@link #PASSES}, {@link #FAILS_OTHER} or
     *  {@link #FAILS_MONOTONE}. */
    int verdict(Partition p, int cls) {
        int size = p.classSizes[cls];
        if (size < minSizeMonotone) return FAILS_MONOTONE;
        if (size < minSize) return FAILS_OTHER;
        if (!sensitive) return PASSES;
        fill(p, cls);
        int verdict = PASSES;
        for (int i = 0; i < models.length && verdict != FAILS_MONOTONE; i++) {
            int a = dimOf[i];
            boolean ok = switch (models[i]) {
                case KAnonymity k -> true;
                case DistinctLDiversity d -> presentCount[a] >= d.l();
                case RecursiveCLDiversity r -> presentCount[a] >= r.l() && r.c() * tail(a, r.l()) > sortedMax(a);
                case TCloseness c -> distance(i, c, size) <= c.t();
            };
            if (!ok) verdict = models[i].monotoneWithSuppression() ? FAILS_MONOTONE : FAILS_OTHER;
        }
        clear();
        return verdict;
    }

    /**
     * What the released classes achieve, one figure per model in the configuration's order: the smallest class
     * (k-anonymity), the fewest distinct values (distinct l-diversity), the largest r<sub>1</sub> /
     * (r<sub>l</sub> + … + r<sub>m</sub>) (recursive (c,l)-diversity, below c), the largest distance (t-closeness).
     * NaN when no class is released.
     */
    double[] achieved(Partition p, boolean[] released) {
        double[] out = new double[models.length];
        for (int i = 0; i < models.length; i++) {
            out[i] = models[i] instanceof KAnonymity || models[i] instanceof DistinctLDiversity
                    ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        boolean any = false;
        for (int cls = 0; cls < p.classes; cls++) {
            if (!released[cls]) continue;
            any = true;
            int size = p.classSizes[cls];
            if (sensitive) fill(p, cls);
            for (int i = 0; i < models.length; i++) {
                int a = dimOf[i];
                out[i] = switch (models[i]) {
                    case KAnonymity k -> Math.min(out[i], size);
                    case DistinctLDiversity d -> Math.min(out[i], presentCount[a]);
                    case RecursiveCLDiversity r -> Math.max(out[i], sortedMax(a) / tail(a, r.l()));
                    case TCloseness c -> Math.max(out[i], distance(i, c, size));
                };
            }
            if (sensitive) clear();
        }
        if (!any) Arrays.fill(out, Double.NaN);
        return out;
    }

    private void fill(Partition p, int cls) {
        int[] start = p.classStart();
        int[] byClass = p.cellsByClass();
        int sdims = t.sensitiveDims;
        for (int k = start[cls]; k < start[cls + 1]; k++) {
            int cell = byClass[k];
            for (int a = 0; a < sdims; a++) {
                int code = p.sensitive[cell * sdims + a];
                if (histogram[a][code] == 0) present[a][presentCount[a]++] = code;
                histogram[a][code] += p.counts[cell];
            }
        }
        Arrays.fill(sortedValid, false);
    }

    private void clear() {
        for (int a = 0; a < histogram.length; a++) {
            for (int k = 0; k < presentCount[a]; k++) histogram[a][present[a][k]] = 0;
            presentCount[a] = 0;
        }
    }

    /** The class's frequencies of dim {@code a}, ascending (sorted once per class and dim). */
    private int[] frequencies(int a) {
        if (!sortedValid[a]) {
            for (int k = 0; k < presentCount[a]; k++) sorted[a][k] = histogram[a][present[a][k]];
            Arrays.sort(sorted[a], 0, presentCount[a]);
            sortedValid[a] = true;
        }
        return sorted[a];
    }

    private double sortedMax(int a) {
        return presentCount[a] == 0 ? 0 : frequencies(a)[presentCount[a] - 1];
    }

    /** r<sub>l</sub> + … + r<sub>m</sub>: the frequencies left after the l − 1 largest. */
    private double tail(int a, int l) {
        int[] f = frequencies(a);
        long sum = 0;
        for (int k = presentCount[a] - l; k >= 0; k--) sum += f[k];
        return sum;
    }

    private double distance(int model, TCloseness c, int size) {
        int a = dimOf[model];
        int[] totals = t.sensitiveTotals[a];
        return switch (c.distance()) {
            case EQUAL -> Emd.equalNumerator(histogram[a], present[a], presentCount[a], size, totals, t.records)
                    / (2.0 * t.records * size);
            case ORDERED -> Emd.ordered(histogram[a], size, totals, t.records, orderOf[model]);
        };
    }

    private void requireDistinct(String column, int l, int a) {
        int distinct = t.sensitiveValues[a].length;
        if (l > distinct) {
            unsatisfiable("l = " + l + " but column '" + column + "' holds only " + distinct + " distinct values");
        }
    }

    /** The column's codes in the order of {@code c}: the given order, else numeric, else natural. */
    private int[] order(TCloseness c, int a) {
        String[] values = t.sensitiveValues[a];
        Integer[] codes = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        if (!c.order().isEmpty()) {
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < c.order().size(); i++) rank.put(c.order().get(i), i);
            long missing = Arrays.stream(values).filter(v -> !rank.containsKey(v)).count();
            if (missing > 0) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "t-closeness for column '" + c.column()
                        + "': the given order misses " + missing + " of the column's values");
            }
            Arrays.sort(codes, Comparator.comparing(code -> rank.get(values[code])));
        } else {
            BigDecimal[] numbers = new BigDecimal[values.length];
            try {
                for (int i = 0; i < values.length; i++) numbers[i] = new BigDecimal(values[i].strip());
                Arrays.sort(codes, Comparator.comparing(code -> numbers[code]));
            } catch (NumberFormatException notNumeric) {
                Arrays.sort(codes, Comparator.comparing(code -> values[code]));
            }
        }
        return Arrays.stream(codes).mapToInt(Integer::intValue).toArray();
    }

    private static void unsatisfiable(String message) {
        throw new WardenException(ErrorCode.PRIVACY_UNSATISFIABLE, message);
    }
}
