package io.warden.protect.privacy;

/**
 * The generalization lattice: one node per choice of a level for every quasi-identifier, numbered in mixed radix
 * (quasi-identifier 0 is the lowest digit), ordered by "X ≤ Y when X's level is at most Y's on every one".
 *
 * <p>Keeps per-node flags and marks whole up-sets (a node and all its generalizations) or down-sets (a node and all its
 * specializations) at once. Every flag set through {@link #markUp} is kept up-closed and every flag set through
 * {@link #markDown} down-closed, so marking stops at nodes already marked.
 */
final class Lattice {
    static final byte FEASIBLE = 1;   // has the property LatticeSearch tags with (up-closed)
    static final byte INFEASIBLE = 2; // lacks it, so is infeasible (down-closed)
    static final byte PRUNED = 4;     // a specialization's bound shows it cannot beat the best (up-closed)
    static final byte EVALUATED = 8;

    final int dims;
    final int[] max;
    final int[] stride;
    final int size;
    private final byte[] flags;
    private final int[] stack;
    private final int[] heights;

    Lattice(int[] maxLevel) {
        this.dims = maxLevel.length;
        this.max = maxLevel.clone();
        this.stride = new int[dims];
        long nodes = 1;
        for (int d = 0; d < dims; d++) {
            stride[d] = (int) nodes;
            nodes *= max[d] + 1;
        }
        if (nodes > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("lattice too large");
        this.size = (int) nodes;
        this.flags = new byte[size];
        this.stack = new int[size];
        this.heights = new int[size];
        for (int node = 0; node < size; node++) {
            for (int d = 0; d < dims; d++) heights[node] += level(node, d);
        }
    }

    int level(int node, int d) {
        return node / stride[d] % (max[d] + 1);
    }

    int[] levels(int node) {
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) out[d] = level(node, d);
        return out;
    }

    int index(int[] levels) {
        int node = 0;
        for (int d = 0; d < dims; d++) node += levels[d] * stride[d];
        return node;
    }

    /** The sum of the node's levels: 0 at the bottom. */
    int height(int node) {
        return heights[node];
    }

    int top() {
        return size - 1;
    }

    boolean is(int node, byte flag) {
        return (flags[node] & flag) != 0;
    }

    void set(int node, byte flag) {
        flags[node] |= flag;
    }

    /** Sets {@code flag} on {@code node} and on every generalization of it. */
    void markUp(int node, byte flag) {
        mark(node, flag, true);
    }

    /** Sets {@code flag} on {@code node} and on every specialization of it. */
    void markDown(int node, byte flag) {
        mark(node, flag, false);
    }

    private void mark(int node, byte flag, boolean up) {
        if (is(node, flag)) return;
        int top = 0;
        flags[node] |= flag;
        stack[top++] = node;
        while (top > 0) {
            int current = stack[--top];
            for (int d = 0; d < dims; d++) {
                int level = level(current, d);
                if (up ? level == max[d] : level == 0) continue;
                int next = up ? current + stride[d] : current - stride[d];
                if (!is(next, flag)) {
                    flags[next] |= flag;
                    stack[top++] = next;
                }
            }
        }
    }
}
