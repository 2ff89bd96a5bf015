package io.warden.detect;

import java.util.Set;

/**
 * A recognizer finds spans of one or more entity types in a piece of text.
 *
 * <p>Implementations are immutable and thread-safe: one instance analyzes many texts concurrently. They must
 * not run a regular expression over the whole text; instead they start from cheap anchors that {@link ScanText}
 * provides (tokens, digit groups, a character found with {@code indexOf}) and confirm with an anchored match
 * ({@code Matcher.region(..).lookingAt()}) and validation (checksums, ranges).
 */
public interface Recognizer {
    /** Stable, lower-case name written to each finding's {@code detector} field, e.g. {@code "credit_card"}. */
    String name();

    /** The entity types this recognizer may report, e.g. {@code CREDIT_CARD}. */
    Set<String> entities();

    /** Words that, near a span (or in the field name), raise its score; lower-case single tokens. */
    default Set<String> context() {
        return Set.of();
    }

    /** Reports every candidate span in {@code text} to {@code sink}, with its score before context. */
    void analyze(ScanText text, SpanSink sink);
}
