package io.warden.protect.privacy;

import java.util.Arrays;

/**
 * Groups the cells of a partition at a more general node — the inner loop of every evaluation.
 *
 * <p>Two kernels, same result: when every quasi-identifier's leaf codes and every sensitive code fit in 63 bits
 * together (Adult needs 32), a cell's generalized tuple is one {@code long}, the OR of precomputed shifted codes
 * ({@link EncodedTable#packed}), and cells are grouped in an open-addressing table of longs; otherwise tuples of ints
 * are hashed and compared. Not thread-safe: holds the buffers it reuses between calls.
 */
final class Rollup {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final EncodedTable t;
    private final boolean packed;
    private int[] table = new int[0];     // slot -> cell + 1, 0 when free
    private long[] slotKeys = new long[0];
    private long[] cellKeys = new long[0];
    private int[] tuples = new int[0];    // generic kernel: cell -> generalized tuple
    private int[] rep = new int[0];       // new cell -> a source cell in it
    private int[] count = new int[0];

    Rollup(EncodedTable t) {
        this(t, t.packed != null);
    }

    /** With {@code packed} false, always the generic kernel (for tests). */
    Rollup(EncodedTable t, boolean packed) {
        this.t = t;
        this.packed = packed && t.packed != null;
    }

    /**
     * The partition at node {@code to}, which must be {@code from}'s node or above it on every quasi-identifier.
     *
     * @param cellOfSource if not null, receives for each cell of {@code from} the cell it falls into
     */
    Partition apply(Partition from, int[] to, int[] cellOfSource) {
        int dims = t.dims;
        int sdims = t.sensitiveDims;
        int capacity = capacity(from.cells);
        if (table.length < capacity) {
            table = new int[capacity];
            slotKeys = new long[capacity];
        }
        if (rep.length < from.cells) {
            rep = new int[from.cells];
            count = new int[from.cells];
            cellKeys = new long[packed ? from.cells : 0];
            tuples = new int[packed ? 0 : from.cells * (dims + sdims)];
        }
        int made = packed ? groupPacked(from, to, cellOfSource) : groupTuples(from, to, cellOfSource);
        int[] leaves = new int[made * dims];
        int[] sensitive = new int[made * sdims];
        for (int c = 0; c < made; c++) {
            System.arraycopy(from.leaves, rep[c] * dims, leaves, c * dims, dims);
            System.arraycopy(from.sensitive, rep[c] * sdims, sensitive, c * sdims, sdims);
        }
        int[] counts = Arrays.copyOf(count, made);
        if (sdims == 0) return new Partition(to.clone(), made, leaves, sensitive, counts, made, null, counts);
        int[] classOf = new int[made];
        int[] sizes = new int[made];
        int classes = packed ? classesPacked(made, counts, classOf, sizes)
                : classesTuples(made, counts, classOf, sizes);
        return new Partition(to.clone(), made, leaves, sensitive, counts, classes, classOf,
                Arrays.copyOf(sizes, classes));
    }

    private int groupPacked(Partition from, int[] to, int[] cellOfSource) {
        int dims = t.dims;
        int sdims = t.sensitiveDims;
        long[][] shifted = new long[dims][];
        for (int d = 0; d < dims; d++) shifted[d] = t.packed[d][to[d]];
        int capacity = capacity(from.cells);
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        Arrays.fill(table, 0, capacity, 0);
        int made = 0;
        for (int c = 0; c < from.cells; c++) {
            long key = 0;
            for (int d = 0; d < dims; d++) key |= shifted[d][from.leaves[c * dims + d]];
            for (int a = 0; a < sdims; a++) key |= t.packedSensitive[a][from.sensitive[c * sdims + a]];
            int slot = (int) ((key * GOLDEN) >>> shift);
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = made + 1;
                    slotKeys[slot] = key;
                    cellKeys[made] = key;
                    rep[made] = c;
                    count[made] = from.counts[c];
                    if (cellOfSource != null) cellOfSource[c] = made;
                    made++;
                    break;
                }
                if (slotKeys[slot] == key) {
                    count[e - 1] += from.counts[c];
                    if (cellOfSource != null) cellOfSource[c] = e - 1;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return made;
    }

    private int classesPacked(int cells, int[] counts, int[] classOf, int[] sizes) {
        int capacity = capacity(cells);
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        Arrays.fill(table, 0, capacity, 0);
        int classes = 0;
        for (int c = 0; c < cells; c++) {
            long key = cellKeys[c] & t.packedQuasiMask;
            int slot = (int) ((key * GOLDEN) >>> shift);
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = classes + 1;
                    slotKeys[slot] = key;
                    classOf[c] = classes;
                    sizes[classes++] = counts[c];
                    break;
                }
                if (slotKeys[slot] == key) {
                    classOf[c] = e - 1;
                    sizes[e - 1] += counts[c];
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return classes;
    }

    private int groupTuples(Partition from, int[] to, int[] cellOfSource) {
        int dims = t.dims;
        int sdims = t.sensitiveDims;
        int width = dims + sdims;
        int[][] gen = new int[dims][];
        for (int d = 0; d < dims; d++) gen[d] = t.codes[d][to[d]];
        int capacity = capacity(from.cells);
        Arrays.fill(table, 0, capacity, 0);
        int made = 0;
        for (int c = 0; c < from.cells; c++) {
            int at = made * width; // written in place; kept only if the tuple is new
            for (int d = 0; d < dims; d++) tuples[at + d] = gen[d][from.leaves[c * dims + d]];
            for (int a = 0; a < sdims; a++) tuples[at + dims + a] = from.sensitive[c * sdims + a];
            int slot = hash(tuples, at, width) & (capacity - 1);
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = made + 1;
                    rep[made] = c;
                    count[made] = from.counts[c];
                    if (cellOfSource != null) cellOfSource[c] = made;
                    made++;
                    break;
                }
                int other = (e - 1) * width;
                if (Arrays.equals(tuples, other, other + width, tuples, at, at + width)) {
                    count[e - 1] += from.counts[c];
                    if (cellOfSource != null) cellOfSource[c] = e - 1;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return made;
    }

    private int classesTuples(int cells, int[] counts, int[] classOf, int[] sizes) {
        int dims = t.dims;
        int width = dims + t.sensitiveDims;
        int capacity = capacity(cells);
        Arrays.fill(table, 0, capacity, 0);
        int[] first = new int[cells]; // class -> its first cell, whose tuple represents it
        int classes = 0;
        for (int c = 0; c < cells; c++) {
            int at = c * width;
            int slot = hash(tuples, at, dims) & (capacity - 1);
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = classes + 1;
                    first[classes] = c;
                    classOf[c] = classes;
                    sizes[classes++] = counts[c];
                    break;
                }
                int other = first[e - 1] * width;
                if (Arrays.equals(tuples, other, other + dims, tuples, at, at + dims)) {
                    classOf[c] = e - 1;
                    sizes[e - 1] += counts[c];
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        return classes;
    }

    private static int hash(int[] values, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) h = (h + values[i]) * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** A power of two at least twice {@code cells}, at least 16. */
    private static int capacity(int cells) {
        return Integer.highestOneBit(Math.max(8, cells) * 2 - 1) << 1;
    }
}
