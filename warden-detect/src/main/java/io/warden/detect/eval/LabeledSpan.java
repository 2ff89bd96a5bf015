package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

/**
 * One labelled span of a corpus record, or one prediction, in Unicode code-point offsets.
 *
 * @param entity entity type, e.g. {@code PERSON}
 * @param start first code point, inclusive
 * @param end code point after the span (exclusive)
 */
public record LabeledSpan(String entity, int start, int end) {
    public LabeledSpan {
        requireNonNull(entity, "entity");
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** Length in code points. */
    public int length() {
        return end - start;
    }

    /** How many code points this span shares with {@code other}. */
    public int intersection(LabeledSpan other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    /**
     * Intersection over union (Jaccard index) of the two code-point ranges: 1 for identical spans, 0 for
     * disjoint ones.
     */
    public double iou(LabeledSpan other) {
        int inter = intersection(other);
        if (inter == 0) return 0;
        return (double) inter / (length() + other.length() - inter);
    }
}
