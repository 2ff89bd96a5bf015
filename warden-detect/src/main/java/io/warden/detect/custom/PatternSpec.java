package io.warden.detect.custom;

import static java.util.Objects.requireNonNull;

/**
 * One regular expression of a user-defined recognizer and the score of its matches (before context).
 *
 * @param regex a {@link java.util.regex.Pattern} expression; the whole match is the span
 * @param score in [0, 1]
 */
public record PatternSpec(String regex, double score) {
    public PatternSpec {
        requireNonNull(regex, "regex");
        if (regex.isEmpty()) throw new IllegalArgumentException("pattern regex must not be empty");
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("pattern score must be in [0, 1]");
    }
}
