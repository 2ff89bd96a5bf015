package io.warden.core.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes Parquet test files with DuckDB: {@code COPY (SELECT ...) TO 'file' (FORMAT parquet)}. */
public final class ParquetFiles {
    private ParquetFiles() {}

    /**
     * Writes the result of {@code select} (a DuckDB SELECT statement) to {@code target} as Parquet.
     *
     * @return {@code target}
     */
    public static Path write(Path target, String select) {
        String file = target.toAbsolutePath().toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write Parquet test file " + target, e);
        }
        return target;
    }
}
