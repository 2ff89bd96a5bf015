package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.List;

/**
 * Anonymizes a table by full-domain generalization and record suppression: finds the generalization (one hierarchy
 * level per quasi-identifier) that meets the privacy models, suppressing at most the allowed share of records, at the
 * lowest value of the utility metric — the exact optimum, found by a pruned lattice search ({@link LatticeSearch}).
 *
 * <p>Stateless; every call reads the table afresh. Bad input throws {@link WardenException} with a user error code:
 * {@link ErrorCode#INVALID_POLICY} for a configuration that does not fit the table (missing columns, values missing
 * from a hierarchy), {@link ErrorCode#PRIVACY_UNSATISFIABLE} when no generalization meets the models (e.g. k larger
 * than the table). Messages name columns and counts, never values.
 */
public final class Anonymizer {
    private Anonymizer() {}

    /** The optimal generalization of {@code table} under {@code config}. */
    public static AnonymizationResult search(Table table, PrivacyConfig config) {
        Bound b = bind(table, config);
        LatticeSearch.Outcome outcome = new LatticeSearch(b.lattice, b.evaluator, b.utility, b.monotone(),
                b.tagging()).run();
        if (outcome.node() < 0) {
            throw new WardenException(ErrorCode.PRIVACY_UNSATISFIABLE, "no generalization meets the privacy models "
                    + "with at most " + b.evaluator.allowed() + " of " + b.t.records + " records suppressed");
        }
        return b.result(outcome.node(), outcome.evaluated());
    }

    /**
     * The result of one given generalization, e.g. to apply a solution found before.
     *
     * @param levels one level per quasi-identifier, in the configuration's order
     * @throws WardenException {@link ErrorCode#PRIVACY_UNSATISFIABLE} if it would suppress more records than allowed
     */
    public static AnonymizationResult evaluate(Table table, PrivacyConfig config, List<Integer> levels) {
        requireNonNull(levels, "levels");
        Bound b = bind(table, config);
        if (levels.size() != b.lattice.dims) {
            throw new WardenException(ErrorCode.INVALID_POLICY, levels.size() + " levels given for "
                    + b.lattice.dims + " quasi-identifiers");
        }
        int[] node = new int[levels.size()];
        for (int d = 0; d < node.length; d++) {
            node[d] = levels.get(d);
            if (node[d] < 0 || node[d] > b.lattice.max[d]) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "quasi-identifier '"
                        + config.quasiIdentifiers().get(d).column() + "' has levels 0.." + b.lattice.max[d]
                        + ", not " + node[d]);
            }
        }
        AnonymizationResult result = b.result(b.lattice.index(node), 1);
        if (result.suppressedRecords() > b.evaluator.allowed()) {
            throw new WardenException(ErrorCode.PRIVACY_UNSATISFIABLE, "these levels suppress "
                    + result.suppressedRecords() + " records, more than the " + b.evaluator.allowed() + " allowed");
        }
        return result;
    }

    static Bound bind(Table table, PrivacyConfig config) {
        requireNonNull(table, "table");
        requireNonNull(config, "config");
        if (table.rows().isEmpty()) throw new WardenException(ErrorCode.MALFORMED_INPUT, "the table has no records");
        EncodedTable t = new EncodedTable(table, config);
        ModelChecks checks = new ModelChecks(config.models(), t);
        Lattice lattice = new Lattice(t.maxLevel);
        int allowed = (int) Math.floor(config.suppressionLimit() * t.records);
        return new Bound(config, t, checks, lattice, new NodeEvaluator(t, lattice, checks, allowed),
                new Utility(config.metric(), t));
    }

    /** A configuration bound to an encoded table. */
    record Bound(PrivacyConfig config, EncodedTable t, ModelChecks checks, Lattice lattice, NodeEvaluator evaluator,
                 Utility utility) {
        /** Whether feasibility carries over to generalizations (and infeasibility to specializations). */
        boolean monotone() {
            return evaluator.allowed() == 0 || config.models().stream().allMatch(PrivacyModel::monotoneWithSuppression);
        }

        /** Whether some model lets the search infer verdicts for whole regions of the lattice. */
        boolean tagging() {
            return monotone() || config.models().stream().anyMatch(PrivacyModel::monotoneWithSuppression);
        }

        AnonymizationResult result(int node, int evaluated) {
            int[] levels = lattice.levels(node);
            Partition p = evaluator.partition(node);
            boolean[] failed = new boolean[p.classes];
            NodeStats s = NodeStats.of(node, p, checks, t, evaluator.allowed(), failed);
            boolean[] released = new boolean[p.classes];
            for (int cls = 0; cls < p.classes; cls++) released[cls] = !failed[cls];
            double[] achieved = checks.achieved(p, released);
            return new AnonymizationResult(config, java.util.Arrays.stream(levels).boxed().toList(),
                    utility.value(s, levels), t.records, s.suppressed(), s.releasedClasses(), s.minReleasedSize(),
                    java.util.Arrays.stream(achieved).boxed().toList(), evaluated, lattice.size);
        }
    }
}
