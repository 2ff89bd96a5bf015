package io.warden.detect;

/** Receives candidate spans from a {@link Recognizer}. */
@FunctionalInterface
public interface SpanSink {
    /**
     * Reports a span.
     *
     * @param start first char index (UTF-16) in the text, inclusive
     * @param end char index after the span
     * @param entity entity type, one of the recognizer's {@link Recognizer#entities()}
     * @param score confidence in [0, 1] before context enhancement
     */
    void report(int start, int end, String entity, double score);
}
