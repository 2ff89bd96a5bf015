package io.warden.protect.operator;

/**
 * Removes a value. On a cell it leaves the cell empty; as an entity rule with scope {@code record} it drops every
 * record in which the entity is found (the pipeline does that; this operator only handles cells and spans, where it
 * behaves like {@link Redact}).
 *
 * @param wholeRecord whether the whole record is dropped
 */
public record Suppress(boolean wholeRecord) implements Operator {
    public static final String NAME = "suppress";

    /** Parses the {@code scope} parameter: {@code cell} (default) or {@code record}. */
    public static Suppress of(String scope) {
        return switch (scope) {
            case "cell" -> new Suppress(false);
            case "record" -> new Suppress(true);
            default -> throw new IllegalArgumentException("suppress: scope must be cell or record, not '" + scope + "'");
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        return "";
    }
}
