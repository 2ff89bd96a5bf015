package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

/**
 * One false positive or false negative, for debugging a recognizer.
 *
 * @param kind false positive (a prediction without a gold span) or false negative (a missed gold span)
 * @param reason why it did not match
 * @param record 0-based index of the record in the corpus
 * @param entity the span's entity type (after mapping)
 * @param start first code point of the span
 * @param end code point after the span
 * @param otherEntity for {@link Reason#WRONG_ENTITY}: the entity of the overlapping span on the other side;
 *     otherwise {@code null}
 * @param value the span's text, or {@code null} unless {@link EvalOptions#includeText()} was set
 * @param context the span with up to 30 code points either side, the span itself in {@code [[...]]}, or
 *     {@code null} unless {@link EvalOptions#includeText()} was set
 */
public record ErrorExample(
        Kind kind, Reason reason, long record, String entity, int start, int end,
        String otherEntity, String value, String context) {

    /** Which side the unmatched span is on. */
    public enum Kind {
        /** A prediction that matches no gold span. */
        FALSE_POSITIVE,
        /** A gold span that no prediction matches. */
        FALSE_NEGATIVE;

        /** "FP" or "FN". */
        public String abbreviation() {
            return switch (this) {
                case FALSE_POSITIVE -> "FP";
                case FALSE_NEGATIVE -> "FN";
            };
        }
    }

    /** Why a span stayed unmatched. */
    public enum Reason {
        /** A gold span with no prediction overlapping it. */
        MISSED,
        /** A prediction overlapping no gold span. */
        SPURIOUS,
        /** It overlaps a span of a different entity on the other side. */
        WRONG_ENTITY,
        /** It overlaps a span of the same entity, but below the overlap threshold or already matched. */
        BOUNDARY
    }

    public ErrorExample {
        requireNonNull(kind, "kind");
        requireNonNull(reason, "reason");
        requireNonNull(entity, "entity");
    }

    /** Whether the example carries text (only when asked for). */
    public boolean hasText() {
        return value != null;
    }

    /** Shape only: the value may be sensitive and never appears here. */
    @Override
    public String toString() {
        return "ErrorExample[" + kind.abbreviation() + " " + reason + " record=" + record + " " + entity + " "
                + start + ".." + end + (otherEntity == null ? "" : " vs " + otherEntity) + "]";
    }
}
