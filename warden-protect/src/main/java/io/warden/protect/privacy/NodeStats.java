package io.warden.protect.privacy;

/**
 * What evaluating one lattice node found: how its classes fare against the privacy models, and the sums the metrics
 * are computed from.
 *
 * @param node the node's index in the lattice
 * @param classes all equivalence classes
 * @param releasedClasses classes that meet every model
 * @param suppressed records in classes that fail a model
 * @param suppressedMonotone records in classes that fail a model monotone with suppression (at most {@code
 *     suppressed}); when more than allowed, no specialization of the node is feasible either
 * @param minReleasedSize the smallest released class (0 when none is)
 * @param squaresReleased Σ |E|² over released classes
 * @param squaresAll Σ |E|² over all classes
 * @param suppressedShare per quasi-identifier, Σ over suppressed records of the leaves under the record's value
 *     (zeros when the node is not feasible)
 * @param feasible whether the suppressed records are within the limit
 */
record NodeStats(int node, int classes, int releasedClasses, int suppressed, int suppressedMonotone,
                 int minReleasedSize, long squaresReleased, long squaresAll, long[] suppressedShare, boolean feasible) {

    /** Evaluates the partition of a node against the models; {@code allowed} is the most records to suppress
     *  ({@link Integer#MAX_VALUE} to keep every sum). */
    static NodeStats of(int node, Partition p, ModelChecks checks, EncodedTable t, int allowed, boolean[] failed) {
        int released = 0;
        int suppressed = 0;
        int suppressedMonotone = 0;
        int minSize = Integer.MAX_VALUE;
        long squaresReleased = 0;
        long squaresAll = 0;
        for (int cls = 0; cls < p.classes; cls++) {
            int size = p.classSizes[cls];
            long square = (long) size * size;
            squaresAll += square;
            int verdict = checks.verdict(p, cls);
            boolean ok = verdict == ModelChecks.PASSES;
            failed[cls] = !ok;
            if (verdict == ModelChecks.FAILS_MONOTONE) suppressedMonotone += size;
            if (ok) {
                released++;
                squaresReleased += square;
                minSize = Math.min(minSize, size);
            } else {
                suppressed += size;
            }
        }
        long[] share = new long[t.dims];
        if (suppressed > 0 && suppressed <= allowed) { // only a feasible node's value is ever needed
            for (int cell = 0; cell < p.cells; cell++) {
                if (!failed[p.classOf(cell)]) continue;
                for (int d = 0; d < t.dims; d++) {
                    int level = p.levels[d];
                    int code = t.codes[d][level][p.leaves[cell * t.dims + d]];
                    share[d] += (long) p.counts[cell] * t.hierarchies[d].leavesUnder(level, code);
                }
            }
        }
        return new NodeStats(node, p.classes, released, suppressed, suppressedMonotone, released == 0 ? 0 : minSize,
                squaresReleased, squaresAll, share, suppressed <= allowed);
    }
}
