package io.warden.protect.privacy;

/**
 * The Earth Mover's Distance between a class's distribution of a sensitive column and the whole table's, for the two
 * ground distances of t-closeness (Li, Li and Venkatasubramanian 2007).
 *
 * <p>Works on counts: with a class of {@code size} records holding value i {@code c[i]} times and the table of
 * {@code n} records holding it {@code q[i]} times, p<sub>i</sub> = c[i] / size and q<sub>i</sub> = q[i] / n. The sums
 * run on the exact integers c[i] · n − q[i] · size, so the order of summation never changes a verdict.
 */
final class Emd {
    private Emd() {}

    /** Equal ground distance: ½ Σ<sub>i</sub> |p<sub>i</sub> − q<sub>i</sub>|. */
    static double equal(int[] classCounts, int size, int[] totals, int n) {
        return equalNumerator(classCounts, size, totals, n) / (2.0 * n * size);
    }

    /** 2 · n · size times the equal-distance EMD. */
    static long equalNumerator(int[] classCounts, int size, int[] totals, int n) {
        long sum = 0;
        for (int i = 0; i < totals.length; i++) sum += Math.abs((long) classCounts[i] * n - (long) totals[i] * size);
        return sum;
    }

    /**
     * 2 · n · size times the equal-distance EMD, visiting only the {@code present} values the class holds: the
     * others each add q[i] · size, and those add up to n · size minus the present ones' share.
     */
    static long equalNumerator(int[] classCounts, int[] present, int presentCount, int size, int[] totals, int n) {
        long sum = (long) n * size;
        for (int k = 0; k < presentCount; k++) {
            int i = present[k];
            long other = (long) totals[i] * size;
            sum += Math.abs((long) classCounts[i] * n - other) - other;
        }
        return sum;
    }

    /**
     * Ordered ground distance over values taken in {@code order} (codes, lowest first; null: code order):
     * (1 / (m − 1)) Σ<sub>i</sub> |Σ<sub>j≤i</sub> (p<sub>j</sub> − q<sub>j</sub>)|, 0 when m = 1.
     */
    static double ordered(int[] classCounts, int size, int[] totals, int n, int[] order) {
        int m = totals.length;
        return m < 2 ? 0 : orderedNumerator(classCounts, size, totals, n, order) / ((double) (m - 1) * n * size);
    }

    /** (m − 1) · n · size times the ordered-distance EMD. */
    static double orderedNumerator(int[] classCounts, int size, int[] totals, int n, int[] order) {
        long running = 0;
        double sum = 0;
        for (int rank = 0; rank < totals.length; rank++) {
            int i = order == null ? rank : order[rank];
            running += (long) classCounts[i] * n - (long) totals[i] * size;
            sum += Math.abs(running);
        }
        return sum;
    }
}
