package io.warden.core.record;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One record of a dataset: a table row, a JSON line, a line (or all) of a text file.
 *
 * <p>{@code names} and {@code values} are parallel; a {@code null} value is a missing cell. For text too large
 * to hold at once, a reader emits several records with the same {@code index}, each carrying a {@link Chunk}
 * that says where its text sits in the whole field.
 *
 * @param index 0-based record index in the input (data rows only, header excluded)
 * @param names field names (column names, dotted JSON paths, or {@code "text"})
 * @param values field values, same length as names
 * @param chunk where this piece sits when one field was split, or {@code null} for a whole record
 */
public record Record(long index, List<String> names, List<String> values, Chunk chunk) {
    public Record {
        requireNonNull(names, "names");
        requireNonNull(values, "values");
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("names and values differ in length");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index < 0");
        }
    }

    public static Record of(long index, List<String> names, List<String> values) {
        return new Record(index, names, values, null);
    }

    public int size() {
        return names.size();
    }

    /** Summarises shape only: values may be sensitive and never appear here. */
    @Override
    public String toString() {
        return "Record[index=" + index + ", fields=" + names + (chunk == null ? "" : ", " + chunk) + "]";
    }

    /**
     * A piece of one very long text field.
     *
     * @param codePointOffset code-point offset of this piece's first character within the whole field
     * @param ownChars findings starting at or beyond this char index belong to the next piece (overlap region);
     *     equals the value length for the last piece
     * @param last whether this is the final piece of the field
     */
    public record Chunk(long codePointOffset, int ownChars, boolean last) {}
}
