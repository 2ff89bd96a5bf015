package io.warden.core.io;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * Turns DuckDB's JDBC values into record fields: scalars in DuckDB's string form, nested values flattened.
 *
 * <p>A STRUCT becomes one field per member at a dotted path ({@code addr.city}), a LIST or ARRAY one field per
 * element at an indexed path ({@code tags.0}, {@code items.1.name}) — the same paths a JSONL reader gives — and a
 * MAP one field per entry at {@code column.key}. Unlike JSONL, SQL NULLs are kept as {@code null} values, a NULL
 * struct or list as a single {@code null} field named after it; an empty list gives no field.
 */
final class ParquetValues {
    private ParquetValues() {}

    /** Whether column {@code col} (1-based) holds nested values that must be flattened. */
    static boolean isNested(ResultSetMetaData meta, int col) throws SQLException {
        int type = meta.getColumnType(col);
        String name = meta.getColumnTypeName(col);
        return type == Types.STRUCT || type == Types.ARRAY
                || name.startsWith("MAP(") || name.startsWith("UNION(") || name.startsWith("STRUCT(");
    }

    /** Appends the fields for {@code value} found at {@code path}. */
    static void flatten(String path, Object value, List<String> names, List<String> values) throws SQLException {
        if (value instanceof DuckDBStruct struct) {
            for (Map.Entry<String, Object> e : struct.getMap().entrySet()) {
                flatten(path + "." + e.getKey(), e.getValue(), names, values);
            }
        } else if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            for (int i = 0; i < elements.length; i++) {
                flatten(path + "." + i, elements[i], names, values);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(path + "." + e.getKey(), e.getValue(), names, values);
            }
        } else {
            names.add(path);
            values.add(scalar(value));
        }
    }

    private static String scalar(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
