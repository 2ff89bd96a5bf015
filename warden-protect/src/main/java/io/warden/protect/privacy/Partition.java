package io.warden.protect.privacy;

import java.util.Arrays;

/**
 * The records of the table grouped at one lattice node: <em>cells</em> of records equal on every generalized
 * quasi-identifier and every sensitive value, and <em>classes</em> (equivalence classes) of cells equal on the
 * quasi-identifiers.
 *
 * <p>Each cell keeps the leaves of one of its records, so the partition of any more general node can be computed
 * from this one instead of from the records ({@link #rollup}): a node's classes are unions of the classes of every
 * node below it. Without sensitive columns cells and classes coincide.
 */
final class Partition {
    final int[] levels;
    final int cells;
    final int[] leaves;     // [cell * dims + d] -> leaf of a record of the cell
    final int[] sensitive;  // [cell * sensitiveDims + a] -> sensitive code
    final int[] counts;     // [cell] -> records
    final int classes;
    final int[] classOf;    // [cell] -> class; null when cells are the classes
    final int[] classSizes; // [class] -> records
    private int[] classStart; // [class] -> first index into byClass; built on demand
    private int[] byClass;    // cells ordered by class

    private Partition(int[] levels, int cells, int[] leaves, int[] sensitive, int[] counts, int classes,
                      int[] classOf, int[] classSizes) {
        this.levels = levels;
        this.cells = cells;
        this.leaves = leaves;
        this.sensitive = sensitive;
        this.counts = counts;
        this.classes = classes;
        this.classOf = classOf;
        this.classSizes = classSizes;
    }

    /** One cell per record, ungrouped, at the bottom node: the source of the first rollup. */
    static Partition ofRecords(EncodedTable t) {
        int n = t.records;
        int[] leaves = new int[n * t.dims];
        int[] sensitive = new int[n * t.sensitiveDims];
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < t.dims; d++) leaves[r * t.dims + d] = t.recordLeaves[d][r];
            for (int a = 0; a < t.sensitiveDims; a++) sensitive[r * t.sensitiveDims + a] = t.recordSensitive[a][r];
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        return new Partition(new int[t.dims], n, leaves, sensitive, ones, n, null, ones);
    }

    /** Reusable buffers for {@link #rollup}; one per thread. */
    static final class Scratch {
        int[] table = new int[0];
        int[] keys = new int[0];
        int[] rep = new int[0];
        int[] count = new int[0];

        void ensure(int cells, int width) {
            int capacity = Integer.highestOneBit(Math.max(8, cells) * 2 - 1) << 1;
            if (table.length < capacity) table = new int[capacity];
            if (keys.length < cells * width) keys = new int[cells * width];
            if (rep.length < cells) rep = new int[cells];
            if (count.length < cells) count = new int[cells];
        }
    }

    /**
     * The partition at node {@code to}, which must be this node or above it on every quasi-identifier.
     *
     * @param cellOfSource if not null, receives for each cell of this partition the cell it falls into
     */
    Partition rollup(int[] to, EncodedTable t, Scratch s, int[] cellOfSource) {
        int dims = t.dims;
        int sdims = t.sensitiveDims;
        int width = dims + sdims;
        s.ensure(cells, width);
        int mask = Integer.highestOneBit(Math.max(8, cells) * 2 - 1) * 2 - 1;
        int[] table = s.table;
        int[] keys = s.keys;
        Arrays.fill(table, 0, mask + 1, 0);
        int[][] gen = new int[dims][];
        for (int d = 0; d < dims; d++) gen[d] = t.codes[d][to[d]];
        int made = 0;
        for (int c = 0; c < cells; c++) {
            int at = made * width;
            int h = 0;
            for (int d = 0; d < dims; d++) {
                int v = gen[d][leaves[c * dims + d]];
                keys[at + d] = v;
                h = (h + v) * 0x9E3779B1;
            }
            for (int a = 0; a < sdims; a++) {
                int v = sensitive[c * sdims + a];
                keys[at + dims + a] = v;
                h = (h + v) * 0x9E3779B1;
            }
            int slot = (h ^ (h >>> 15)) & mask;
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = made + 1;
                    s.rep[made] = c;
                    s.count[made] = counts[c];
                    if (cellOfSource != null) cellOfSource[c] = made;
                    made++;
                    break;
                }
                if (Arrays.equals(keys, (e - 1) * width, (e - 1) * width + width, keys, at, at + width)) {
                    s.count[e - 1] += counts[c];
                    if (cellOfSource != null) cellOfSource[c] = e - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        int[] outLeaves = new int[made * dims];
        int[] outSensitive = new int[made * sdims];
        for (int c = 0; c < made; c++) {
            System.arraycopy(leaves, s.rep[c] * dims, outLeaves, c * dims, dims);
            System.arraycopy(sensitive, s.rep[c] * sdims, outSensitive, c * sdims, sdims);
        }
        int[] outCounts = Arrays.copyOf(s.count, made);
        if (sdims == 0) {
            return new Partition(to.clone(), made, outLeaves, outSensitive, outCounts, made, null, outCounts);
        }
        return withClasses(to.clone(), made, outLeaves, outSensitive, outCounts, keys, width, dims, s);
    }

    /** Groups cells whose keys agree on the first {@code dims} values (the quasi-identifiers) into classes. */
    private static Partition withClasses(int[] levels, int cells, int[] leaves, int[] sensitive, int[] counts,
                                         int[] keys, int width, int dims, Scratch s) {
        int mask = Integer.highestOneBit(Math.max(8, cells) * 2 - 1) * 2 - 1;
        int[] table = s.table;
        Arrays.fill(table, 0, mask + 1, 0);
        int[] classOf = new int[cells];
        int[] first = new int[cells]; // class -> its first cell, whose keys represent it
        int[] sizes = new int[cells];
        int classes = 0;
        for (int c = 0; c < cells; c++) {
            int at = c * width;
            int h = 0;
            for (int d = 0; d < dims; d++) h = (h + keys[at + d]) * 0x9E3779B1;
            int slot = (h ^ (h >>> 15)) & mask;
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
                if (Arrays.equals(keys, other, other + dims, keys, at, at + dims)) {
                    classOf[c] = e - 1;
                    sizes[e - 1] += counts[c];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new Partition(levels, cells, leaves, sensitive, counts, classes, classOf,
                Arrays.copyOf(sizes, classes));
    }

    /** The class of {@code cell}. */
    int classOf(int cell) {
        return classOf == null ? cell : classOf[cell];
    }

    /** The cells of every class, class after class; see {@link #classStart()}. */
    int[] cellsByClass() {
        buildIndex();
        return byClass;
    }

    /** Where each class's cells start in {@link #cellsByClass()}; entry {@code classes} is the end. */
    int[] classStart() {
        buildIndex();
        return classStart;
    }

    private void buildIndex() {
        if (classStart != null) return;
        int[] start = new int[classes + 1];
        for (int c = 0; c < cells; c++) start[classOf(c) + 1]++;
        for (int k = 0; k < classes; k++) start[k + 1] += start[k];
        int[] next = Arrays.copyOf(start, classes);
        int[] order = new int[cells];
        for (int c = 0; c < cells; c++) order[next[classOf(c)]++] = c;
        byClass = order;
        classStart = start;
    }

    /** The ints this partition holds, for the cache's budget. */
    long footprint() {
        return (long) leaves.length + sensitive.length + counts.length + (classOf == null ? 0 : cells) + classes;
    }
}
