package io.warden.protect.privacy;

import java.util.Arrays;

/**
 * The records of the table grouped at one lattice node: <em>cells</em> of records equal on every generalized
 * quasi-identifier and every sensitive value, and <em>classes</em> (equivalence classes) of cells equal on the
 * quasi-identifiers.
 *
 * <p>Each cell keeps the leaves of one of its records, so the partition of any more general node can be computed
 * from this one instead of from the records ({@link Rollup}): a node's classes are unions of the classes of every
 * node below it. Without sensitive columns cells and classes coincide. Immutable once built, but for the index of
 * cells by class built on first use.
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

    Partition(int[] levels, int cells, int[] leaves, int[] sensitive, int[] counts, int classes, int[] classOf,
              int[] classSizes) {
        this.levels = levels;
        this.cells = cells;
        this.leaves = leaves;
        this.sensitive = sensitive;
        this.counts = counts;
        this.classes = classes;
        this.classOf = classOf;
        this.classSizes = classSizes;
    }

    /** One cell per record, ungrouped, at the bottom node: the source of the first roll-up. */
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
