package io.warden.protect.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds the feasible lattice node with the lowest metric value, exactly, evaluating few nodes.
 *
 * <p>The tagging works on a property that carries over along the lattice: feasibility itself when every model is
 * monotone with suppression or nothing may be suppressed; otherwise <em>feasibility under the monotone models
 * alone</em> (k-anonymity, distinct l-diversity), which every feasible node has too. A node with the property gives
 * it to all its generalizations; a node without it is infeasible, and so are all its specializations.
 *
 * <p>Two phases, after Flash (Kohlmayer et al. 2012) as ARX runs it:
 * <ol>
 *   <li>If some model is monotone: classify the nodes that could still beat the best value. From each such
 *       unclassified node, lowest first, follow a path upwards through unclassified nodes and binary-search it for its
 *       lowest node with the property; the successors of every node without it start further paths first. Paths are
 *       not cut where the bound exceeds the best value: a node without the property up there certifies many nodes
 *       below it at once (on Adult with no suppression, 54 maximal infeasible nodes cover the whole lattice).</li>
 *   <li>Visit the nodes in ascending order of the metric's cheap lower bound {@link Utility#bound(int[])}; stop at the
 *       first whose bound is not below the best value found; skip nodes known infeasible, pruned or evaluated;
 *       evaluate the rest.</li>
 * </ol>
 * After every evaluation the bound from the node's classes {@link Utility#bound(NodeStats, int[])}, if not below the
 * best value, prunes all its generalizations.
 *
 * <p>Exactness: both bounds are lower bounds of the metric at the node and at every generalization of it, so a node is
 * skipped only when it is infeasible or cannot have a value strictly below the best one found, and the best one found
 * is the value of an evaluated feasible node. Among nodes of equal value the first found is kept.
 */
final class LatticeSearch {
    /** The best node (-1 if none is feasible), its statistics and value, and how many nodes were evaluated. */
    record Outcome(int node, NodeStats stats, double value, int evaluated) {}

    private static final byte CLASSIFIED = Lattice.FEASIBLE | Lattice.INFEASIBLE;

    private final Lattice lattice;
    private final NodeEvaluator evaluator;
    private final Utility utility;
    private final boolean monotone;
    private final boolean tagging;
    private final int allowed;
    private final double[] cheap;
    private double best = Double.POSITIVE_INFINITY;
    private NodeStats bestStats;

    /**
     * @param monotone whether feasibility itself carries over (see the class comment)
     * @param tagging whether some model is monotone with suppression, so that tagging is worth a first phase
     */
    LatticeSearch(Lattice lattice, NodeEvaluator evaluator, Utility utility, boolean monotone, boolean tagging) {
        this.lattice = lattice;
        this.evaluator = evaluator;
        this.utility = utility;
        this.monotone = monotone;
        this.tagging = tagging;
        this.allowed = evaluator.allowed();
        if (lattice.size > 1 << 20) throw new IllegalArgumentException("lattice larger than 2^20 nodes");
        this.cheap = new double[lattice.size];
        for (int node = 0; node < lattice.size; node++) cheap[node] = utility.bound(lattice.levels(node));
    }

    Outcome run() {
        evaluate(lattice.top());
        if (lattice.is(lattice.top(), Lattice.INFEASIBLE)) return outcome(); // nothing below can be feasible
        int[] rank = ranks(cheap);
        if (tagging) classify(rank);
        for (int node : sorted(rank, false)) {
            if (cheap[node] >= best) break;
            if (lattice.is(node, (byte) (Lattice.INFEASIBLE | Lattice.PRUNED | Lattice.EVALUATED))) continue;
            evaluate(node);
        }
        return outcome();
    }

    /** Phase 1: predictive tagging along binary-searched paths. */
    private void classify(int[] rank) {
        int[] order = sorted(rank, true);
        int[] position = new int[lattice.size]; // in the order nodes are taken: by height, then bound
        for (int i = 0; i < order.length; i++) position[order[i]] = i;
        PriorityQueue<Integer> queue = new PriorityQueue<>(Comparator.comparingInt(n -> position[n]));
        List<Integer> path = new ArrayList<>();
        for (int start : order) {
            if (!open(start)) continue;
            queue.add(start);
            while (!queue.isEmpty()) {
                int from = queue.poll();
                if (!open(from)) continue;
                path.clear();
                for (int node = from; node >= 0; node = nextOnPath(node, position)) path.add(node);
                binarySearch(path, queue);
            }
        }
    }

    private void binarySearch(List<Integer> path, PriorityQueue<Integer> queue) {
        int lo = 0;
        int hi = path.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int node = path.get(mid);
            if (!lattice.is(node, CLASSIFIED)) evaluate(node);
            if (lattice.is(node, Lattice.FEASIBLE)) {
                hi = mid - 1;
                continue;
            }
            lo = mid + 1;
            for (int d = 0; d < lattice.dims; d++) {
                if (lattice.level(node, d) < lattice.max[d] && open(node + lattice.stride[d])) {
                    queue.add(node + lattice.stride[d]);
                }
            }
        }
    }

    /** The unclassified successor of {@code node} that comes first in {@code position}, or -1. */
    private int nextOnPath(int node, int[] position) {
        int next = -1;
        for (int d = 0; d < lattice.dims; d++) {
            if (lattice.level(node, d) == lattice.max[d]) continue;
            int up = node + lattice.stride[d];
            if (!lattice.is(up, CLASSIFIED) && (next < 0 || position[up] < position[next])) next = up;
        }
        return next;
    }

    /** Whether the node is unclassified and could still beat the best value. */
    private boolean open(int node) {
        return cheap[node] < best && !lattice.is(node, (byte) (CLASSIFIED | Lattice.PRUNED));
    }

    private NodeStats evaluate(int node) {
        NodeStats s = evaluator.evaluate(node);
        int[] levels = lattice.levels(node);
        lattice.set(node, Lattice.EVALUATED);
        if (s.feasible()) {
            double value = utility.value(s, levels);
            if (value < best) {
                best = value;
                bestStats = s;
            }
        }
        boolean property = monotone ? s.feasible() : s.suppressedMonotone() <= allowed;
        if (property) lattice.markUp(node, Lattice.FEASIBLE); // FEASIBLE and INFEASIBLE tag the property
        else lattice.markDown(node, Lattice.INFEASIBLE);
        if (utility.bound(s, levels) >= best) lattice.markUp(node, Lattice.PRUNED);
        return s;
    }

    /** Each node's bound as a rank among the distinct bounds (equal bounds, equal ranks). */
    private static int[] ranks(double[] values) {
        double[] distinct = Arrays.stream(values).sorted().distinct().toArray();
        int[] rank = new int[values.length];
        for (int i = 0; i < values.length; i++) rank[i] = Arrays.binarySearch(distinct, values[i]);
        return rank;
    }

    /** All nodes by (bound, height, index), or by (height, bound, index) when {@code heightFirst}. */
    private int[] sorted(int[] rank, boolean heightFirst) {
        long[] keys = new long[lattice.size]; // 20 bits each for node and rank (at most 2^20 nodes), height above
        for (int n = 0; n < lattice.size; n++) {
            long h = lattice.height(n);
            keys[n] = (heightFirst ? h << 40 | (long) rank[n] << 20 : (long) rank[n] << 40 | h << 20) | n;
        }
        Arrays.sort(keys);
        int[] nodes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) nodes[i] = (int) (keys[i] & 0xFFFFF);
        return nodes;
    }

    private Outcome outcome() {
        return new Outcome(bestStats == null ? -1 : bestStats.node(), bestStats, best, evaluator.evaluations());
    }
}
