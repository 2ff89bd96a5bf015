package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

/**
 * Replaces the value with fixed text, or — when no text is given — with the entity's tag in angle brackets
 * ({@code <EMAIL_ADDRESS>}), as Presidio's {@code replace} does; a whole cell without an entity becomes
 * {@code <REDACTED>}.
 *
 * @param text the replacement, or {@code null} for the entity tag
 */
public record Replace(String text) implements Operator {
    public static final String NAME = "replace";

    /** Replaces with the entity tag. */
    public static Replace withEntityTag() {
        return new Replace(null);
    }

    /** Replaces with {@code text}. */
    public static Replace with(String text) {
        return new Replace(requireNonNull(text, "text"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        if (text != null) return text;
        return "<" + (target.entity() == null ? "REDACTED" : target.entity()) + ">";
    }
}
