package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generalization an {@link Anonymizer} chose and what it achieves; {@link #apply} writes the anonymized records.
 *
 * @param config the configuration it was found under
 * @param levels the chosen hierarchy level per quasi-identifier, in the configuration's order
 * @param metricValue the utility metric's value there (lower is better)
 * @param records the table's records
 * @param suppressedRecords records suppressed because their class fails a model
 * @param classes the released equivalence classes
 * @param minClassSize the smallest released class: the k achieved (0 if everything is suppressed)
 * @param achieved per model, in the configuration's order: smallest class (k-anonymity), fewest distinct sensitive
 *     values (distinct l-diversity), largest r<sub>1</sub> / (r<sub>l</sub> + … + r<sub>m</sub>) (recursive
 *     (c,l)-diversity), largest distance (t-closeness), over released classes
 * @param nodesEvaluated lattice nodes grouped and checked by the search
 * @param latticeSize nodes in the lattice
 */
public record AnonymizationResult(PrivacyConfig config, List<Integer> levels, double metricValue, int records,
                                  int suppressedRecords, int classes, int minClassSize, List<Double> achieved,
                                  int nodesEvaluated, long latticeSize) {
    /** What becomes of a suppressed record. */
    public enum Suppression {
        /** Kept, with every quasi-identifier replaced by {@code *} (as ARX does). */
        MASK,
        /** Left out. */
        REMOVE
    }

    /** The value every quasi-identifier of a suppressed record gets with {@link Suppression#MASK}. */
    public static final String SUPPRESSED = "*";

    public AnonymizationResult {
        requireNonNull(config, "config");
        levels = List.copyOf(levels);
        achieved = List.copyOf(achieved);
    }

    /** The chosen level per quasi-identifier column, in the configuration's order. */
    public Map<String, Integer> levelsByColumn() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int d = 0; d < levels.size(); d++) out.put(config.quasiIdentifiers().get(d).column(), levels.get(d));
        return out;
    }

    /** The anonymized records of {@code table}, suppressed ones masked. */
    public List<String[]> apply(Table table) {
        return apply(table, Suppression.MASK);
    }

    /**
     * The anonymized records of {@code table}: quasi-identifiers generalized to the chosen levels, records of classes
     * that fail a model suppressed; other columns unchanged. New arrays; the table is not modified.
     *
     * @throws WardenException {@link ErrorCode#PRIVACY_UNSATISFIABLE} if on this table the chosen levels would
     *     suppress more records than allowed (a table other than the one searched)
     */
    public List<String[]> apply(Table table, Suppression suppression) {
        requireNonNull(suppression, "suppression");
        Anonymizer.Bound b = Anonymizer.bind(table, config);
        EncodedTable t = b.t();
        int[] node = levels.stream().mapToInt(Integer::intValue).toArray();
        int[] cellOf = new int[t.records];
        Partition p = new Rollup(t).apply(Partition.ofRecords(t), node, cellOf);
        boolean[] failed = new boolean[p.classes];
        NodeStats s = NodeStats.of(b.lattice().index(node), p, b.checks(), t, b.evaluator().allowed(), failed);
        if (!s.feasible()) {
            throw new WardenException(ErrorCode.PRIVACY_UNSATISFIABLE, "on this table these levels suppress "
                    + s.suppressed() + " records, more than the " + b.evaluator().allowed() + " allowed");
        }
        int[] columns = config.quasiIdentifiers().stream().mapToInt(qi -> table.indexOf(qi.column())).toArray();
        List<String[]> out = new ArrayList<>(t.records);
        for (int r = 0; r < t.records; r++) {
            boolean suppressed = failed[p.classOf(cellOf[r])];
            if (suppressed && suppression == Suppression.REMOVE) continue;
            String[] row = table.rows().get(r).clone();
            for (int d = 0; d < columns.length; d++) {
                row[columns[d]] = suppressed ? SUPPRESSED
                        : t.hierarchies[d].value(node[d], t.codes[d][node[d]][t.recordLeaves[d][r]]);
            }
            out.add(row);
        }
        return out;
    }
}
