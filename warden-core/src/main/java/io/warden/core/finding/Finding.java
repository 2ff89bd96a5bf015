package io.warden.core.finding;

import static java.util.Objects.requireNonNull;

/**
 * One detected entity in one field of one record — the unit of {@code warden scan --findings} output.
 *
 * @param record 0-based record index in the input
 * @param field field (column / dotted JSON path) name
 * @param start Unicode code-point offset of the first char in the field's value, inclusive
 * @param end code-point offset after the last char (exclusive)
 * @param entity entity type (Presidio / DLP names, {@code SECRET_*} for secrets)
 * @param score confidence in [0, 1]
 * @param detector name of the recognizer that found it
 * @param value the matched text, or {@code null} unless the user explicitly asked for values
 */
public record Finding(
        long record, String field, long start, long end, String entity, double score, String detector, String value) {
    public Finding {
        requireNonNull(field, "field");
        requireNonNull(entity, "entity");
        requireNonNull(detector, "detector");
        if (record < 0 || start < 0 || end <= start) throw new IllegalArgumentException("bad finding position");
    }

    /** This finding without its value. */
    public Finding withoutValue() {
        return value == null ? this : new Finding(record, field, start, end, entity, score, detector, null);
    }

    /** Never includes the value: findings may be logged. */
    @Override
    public String toString() {
        return "Finding[record=" + record + ", field=" + field + ", start=" + start + ", end=" + end
                + ", entity=" + entity + ", score=" + score + ", detector=" + detector + "]";
    }
}
