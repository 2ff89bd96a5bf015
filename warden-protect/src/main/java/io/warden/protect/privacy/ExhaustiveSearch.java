package io.warden.protect.privacy;

/**
 * Evaluates every node of the lattice — the reference the pruned {@link LatticeSearch} is checked against.
 *
 * <p>Walks the lattice depth-first, one quasi-identifier per depth, so every node is rolled up from its direct
 * specialization and at most one partition per quasi-identifier is alive at a time. The statistics it keeps per node
 * do not depend on the suppression limit except for {@link NodeStats#feasible()}, nor on the metric, so one walk
 * answers for every limit and metric.
 */
final class ExhaustiveSearch {
    private final EncodedTable t;
    private final Lattice lattice;
    private final ModelChecks checks;
    private final Rollup rollup;
    private final NodeStats[] stats;
    private boolean[] failed = new boolean[0];

    ExhaustiveSearch(EncodedTable t, Lattice lattice, ModelChecks checks) {
        this.t = t;
        this.lattice = lattice;
        this.checks = checks;
        this.stats = new NodeStats[lattice.size];
        this.rollup = new Rollup(t);
    }

    /** Every node's statistics, by node index ({@code feasible} as if everything may be suppressed). */
    NodeStats[] run() {
        visit(lattice.dims - 1, t.base, new int[lattice.dims]);
        return stats;
    }

    /** The first node in index order with the lowest value among those suppressing at most {@code allowed} records. */
    static int optimum(NodeStats[] stats, Lattice lattice, Utility utility, int allowed) {
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int node = 0; node < stats.length; node++) {
            if (stats[node].suppressed() > allowed) continue;
            double value = utility.value(stats[node], lattice.levels(node));
            if (value < bestValue) {
                best = node;
                bestValue = value;
            }
        }
        return best;
    }

    private void visit(int d, Partition p, int[] levels) {
        if (d < 0) {
            if (failed.length < p.classes) failed = new boolean[p.classes];
            NodeStats s = NodeStats.of(lattice.index(levels), p, checks, t, Integer.MAX_VALUE, failed);
            stats[s.node()] = s;
            return;
        }
        Partition q = p;
        for (int level = 0; level <= lattice.max[d]; level++) {
            levels[d] = level;
            if (level > 0) q = rollup.apply(q, levels, null);
            visit(d - 1, q, levels);
        }
        levels[d] = 0;
    }
}
