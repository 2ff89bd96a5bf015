package io.warden.protect.privacy;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates lattice nodes, grouping each from the smallest cached partition of a node below it (roll-up) rather than
 * from the records, and keeps recent partitions within a memory budget.
 *
 * <p>When nothing below a node is cached, it is rolled up from a node one step above the bottom instead of the bottom
 * itself: the one whose first level merges the most values, computed once and kept (on Adult this saves a fifth of
 * the grouping work).
 *
 * <p>Not thread-safe.
 */
final class NodeEvaluator {
    /** Ints of cached partitions kept at most (64 MiB); the bottom partition is always kept besides. */
    static final long CACHE_BUDGET = 16L << 20;

    private final EncodedTable t;
    private final Lattice lattice;
    private final ModelChecks checks;
    private final int allowed;
    private final Rollup rollup;
    private final Partition[] hubs;
    private final double[] shrink;
    private final LinkedHashMap<Integer, Partition> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cached;
    private boolean[] failed = new boolean[0];
    private int evaluations;

    NodeEvaluator(EncodedTable t, Lattice lattice, ModelChecks checks, int allowed) {
        this.t = t;
        this.lattice = lattice;
        this.checks = checks;
        this.allowed = allowed;
        this.rollup = new Rollup(t);
        this.hubs = new Partition[lattice.dims];
        this.shrink = new double[lattice.dims];
        for (int d = 0; d < lattice.dims; d++) {
            shrink[d] = t.maxLevel[d] == 0 ? 1 : (double) t.distinctAtLevel[d][1] / t.distinctAtLevel[d][0];
        }
    }

    /** The most records that may be suppressed. */
    int allowed() {
        return allowed;
    }

    /** How many nodes were grouped and checked. */
    int evaluations() {
        return evaluations;
    }

    NodeStats evaluate(int node) {
        Partition p = partition(node);
        if (failed.length < p.classes) failed = new boolean[Math.max(p.classes, failed.length * 2)];
        evaluations++;
        return NodeStats.of(node, p, checks, t, allowed, failed);
    }

    /** The partition at {@code node}, from the cache or rolled up from the cheapest cached node below it. */
    Partition partition(int node) {
        Partition hit = cache.get(node);
        if (hit != null) return hit;
        Partition source = source(node);
        Partition p = rollup.apply(source, lattice.levels(node), null);
        cache.put(node, p);
        cached += p.footprint();
        for (Iterator<Map.Entry<Integer, Partition>> it = cache.entrySet().iterator();
             cached > CACHE_BUDGET && it.hasNext(); ) {
            cached -= it.next().getValue().footprint();
            it.remove();
        }
        return p;
    }

    private Partition source(int node) {
        Partition best = t.base;
        boolean direct = false;
        for (int d = 0; d < lattice.dims; d++) {
            if (lattice.level(node, d) == 0) continue;
            Partition p = cache.get(node - lattice.stride[d]);
            if (p != null && p.cells < best.cells) {
                best = p;
                direct = true;
            }
        }
        if (direct) return best;
        for (Map.Entry<Integer, Partition> e : cache.entrySet()) {
            if (e.getValue().cells < best.cells && below(e.getKey(), node)) best = e.getValue();
        }
        if (best != t.base) return best;
        int pick = -1; // else the node one step above the bottom that likely shrinks most, kept for the next time
        for (int d = 0; d < lattice.dims; d++) {
            if (lattice.level(node, d) == 0) continue;
            if (hubs[d] != null && hubs[d].cells < best.cells) best = hubs[d];
            if (pick < 0 || shrink[d] < shrink[pick]) pick = d;
        }
        if (best != t.base || pick < 0) return best; // pick < 0: the bottom node itself
        return hubs[pick] = rollup.apply(t.base, lattice.levels(lattice.stride[pick]), null);
    }

    private boolean below(int lower, int upper) {
        for (int d = 0; d < lattice.dims; d++) {
            if (lattice.level(lower, d) > lattice.level(upper, d)) return false;
        }
        return true;
    }
}
