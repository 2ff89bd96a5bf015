package io.warden.protect.operator;

/**
 * A de-identification operator: turns one sensitive value — a whole cell, or one span found in free text — into
 * its protected form.
 *
 * <p>Implementations are immutable and thread-safe, validate their parameters when built, and are registered
 * explicitly in {@link Operators}. An operator never logs or keeps the values it sees.
 */
public interface Operator {
    /** The operator's name in the policy, as Presidio / Google DLP name it where they have one ({@code mask}). */
    String name();

    /**
     * The protected form of {@code value}.
     *
     * @param value the original value (a cell, or the text of one span)
     * @param target where the value sits: its field and, for a span in text, the entity found there
     */
    String apply(String value, Target target);

    /**
     * Where a value sits: the field (column) it came from, the entity it holds (null for a whole cell without one),
     * and for operators that work per subject ({@code date-shift}) the record's subject id (null otherwise).
     */
    record Target(String field, String entity, String subject) {
        public Target(String field, String entity) {
            this(field, entity, null);
        }

        public static Target cell(String field) {
            return new Target(field, null, null);
        }

        /** Shape only: the subject id is personal data. */
        @Override
        public String toString() {
            return "Target[field=" + field + ", entity=" + entity + "]";
        }
    }
}
