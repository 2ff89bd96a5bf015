package io.warden.detect.ner;

import static java.util.Objects.requireNonNull;

/**
 * One entity predicted by a {@link NerModel}, in UTF-16 char offsets of the text it was given.
 *
 * @param start first char, inclusive
 * @param end char after the entity
 * @param label the model's own label ({@code PER}, {@code B-LOC}, {@code ORG}, {@code GPE}, ...)
 * @param score the model's confidence in [0, 1]
 */
public record NerEntity(int start, int end, String label, double score) {
    public NerEntity {
        requireNonNull(label, "label");
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad entity span " + start + ".." + end);
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("entity score must be in [0, 1]");
    }
}
