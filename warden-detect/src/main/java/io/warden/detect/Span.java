package io.warden.detect;

/**
 * A detected span in one text, in UTF-16 char offsets (callers convert to code points at the output edge).
 *
 * @param start inclusive char index
 * @param end exclusive char index
 * @param entity entity type
 * @param score final score in [0, 1], after context
 * @param detector name of the recognizer that found it
 */
public record Span(int start, int end, String entity, double score, String detector) {
    public Span {
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public int length() {
        return end - start;
    }
}
