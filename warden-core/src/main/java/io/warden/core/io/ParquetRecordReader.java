package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Reads Apache Parquet through DuckDB's JDBC driver (no Hadoop, so it works on JDK 24+): an in-memory DuckDB
 * streams {@code SELECT * FROM read_parquet(?)} one row at a time.
 *
 * <p>Columns come in file order, nested ones flattened by {@link ParquetValues}. {@link #bytesRead()} is estimated
 * as rows read / total rows × file size. The file is checked for the Parquet magic bytes at both ends first;
 * anything else fails with MALFORMED_INPUT "not a Parquet file".
 */
final class ParquetRecordReader extends AbstractRecordReader {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int FETCH_SIZE = 2048;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final String[] columns;
    private final boolean[] nested;
    private final long fileSize;
    private final long totalRows;
    private volatile long rowsRead;
    private long index;

    private ParquetRecordReader(Path path, Connection connection, PreparedStatement statement, ResultSet rows,
            long fileSize, long totalRows) throws SQLException {
        super(path);
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.fileSize = fileSize;
        this.totalRows = totalRows;
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        this.columns = new String[n];
        this.nested = new boolean[n];
        for (int c = 0; c < n; c++) {
            columns[c] = meta.getColumnName(c + 1);
            nested[c] = ParquetValues.isNested(meta, c + 1);
        }
    }

    /** Whether the file starts with the Parquet magic bytes {@code PAR1}. */
    static boolean hasMagic(byte[] head, int len) {
        return len >= MAGIC.length && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2]
                && head[3] == MAGIC[3];
    }

    /** Opens {@code path}, which has been checked to be a readable regular file. */
    static ParquetRecordReader open(Path path) throws IOException {
        long size = checkMagic(path);
        String file = path.toAbsolutePath().toString();
        if (file.indexOf('*') >= 0 || file.indexOf('?') >= 0 || file.indexOf('[') >= 0) {
            throw new WardenException(ErrorCode.BAD_USAGE,
                    "Parquet file paths must not contain * ? or [ (DuckDB reads them as patterns): " + path);
        }
        Connection connection = null;
        try {
            Properties props = new Properties();
            props.setProperty("jdbc_stream_results", "true");
            connection = DriverManager.getConnection("jdbc:duckdb:", props);
            try (Statement s = connection.createStatement()) {
                s.execute("SET autoinstall_known_extensions = false");
            }
            long total = countRows(connection, file);
            PreparedStatement statement = connection.prepareStatement("SELECT * FROM read_parquet(?)");
            statement.setString(1, file);
            statement.setFetchSize(FETCH_SIZE);
            ResultSet rows = statement.executeQuery();
            return new ParquetRecordReader(path, connection, statement, rows, size, total);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "corrupt or unsupported Parquet file");
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static long countRows(Connection connection, String file) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            count.setString(1, file);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether {@code path} has the Parquet magic bytes at both ends. */
    static boolean isParquet(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 3L * MAGIC.length) {
                return false;
            }
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
            ByteBuffer tail = ByteBuffer.allocate(MAGIC.length);
            ch.read(head, 0);
            ch.read(tail, size - MAGIC.length);
            return hasMagic(head.array(), head.position()) && hasMagic(tail.array(), tail.position());
        }
    }

    /** Checks the magic bytes at both ends; returns the file size. */
    private static long checkMagic(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
            ByteBuffer tail = ByteBuffer.allocate(MAGIC.length);
            ch.read(head, 0);
            if (GzipInput.isGzip(head.array(), head.position())) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT,
                        "not a Parquet file (gzip-compressed; decompress it first)");
            }
            if (size < 3L * MAGIC.length || !hasMagic(head.array(), head.position())) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "not a Parquet file");
            }
            ch.read(tail, size - MAGIC.length);
            if (!hasMagic(tail.array(), tail.position())) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "not a Parquet file (no footer; truncated?)");
            }
            return size;
        }
    }

    @Override
    Record read() {
        try {
            if (!rows.next()) {
                return null;
            }
            List<String> names = new ArrayList<>(columns.length);
            List<String> values = new ArrayList<>(columns.length);
            for (int c = 0; c < columns.length; c++) {
                if (nested[c]) {
                    ParquetValues.flatten(columns[c], rows.getObject(c + 1), names, values);
                } else {
                    names.add(columns[c]);
                    values.add(rows.getString(c + 1));
                }
            }
            rowsRead++;
            return Record.of(index++, Collections.unmodifiableList(names), Collections.unmodifiableList(values));
        } catch (SQLException e) {
            // DuckDB's message may describe values; keep it out of ours.
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "corrupt Parquet file (row " + index + ")");
        }
    }

    @Override
    public long bytesRead() {
        long read = rowsRead;
        if (read >= totalRows) {
            return fileSize;
        }
        return (long) ((double) read / totalRows * fileSize);
    }

    @Override
    void collectWarnings(List<String> into) {
        // DuckDB decodes Parquet strings itself; there is nothing to report.
    }

    @Override
    void release() {
        closeQuietly(rows);
        closeQuietly(statement);
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a read-only in-memory database loses nothing
            }
        }
    }
}
