package io.warden.protect.operator;

/** Removes the value: the cell becomes empty, the span disappears from its text (Presidio's {@code redact}). */
public record Redact() implements Operator {
    public static final String NAME = "redact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        return "";
    }
}
