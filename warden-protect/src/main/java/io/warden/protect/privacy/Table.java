package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.HashSet;
import java.util.List;

/**
 * The records to anonymize: column names and rows of string values, one value per column.
 *
 * <p>Validated when built (distinct column names, every row as wide as the header, no null values). The row arrays
 * are not copied: do not change them while an anonymization uses the table.
 *
 * @param columns the column names, in row order
 * @param rows the records
 */
public record Table(List<String> columns, List<String[]> rows) {
    public Table {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        rows = List.copyOf(requireNonNull(rows, "rows"));
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "the table names a column twice");
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != columns.size()) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "record " + r + " has " + row.length
                        + " values where the table has " + columns.size() + " columns");
            }
            for (String value : row) {
                if (value == null) {
                    throw new WardenException(ErrorCode.MALFORMED_INPUT, "record " + r + " has a missing (null) value");
                }
            }
        }
    }

    /** The position of {@code column}, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
