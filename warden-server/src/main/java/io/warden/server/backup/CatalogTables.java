package io.warden.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.backup.BackupManifest.VersionEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The catalog's tables as a backup sees them: their names in an order where every table comes after the tables it
 * references (so rows can be inserted in it), and rows as plain maps of column to {@code Long}, {@code String} or
 * null (the schema has no other types), read from a database or from JSON Lines and inserted into a database.
 */
final class CatalogTables {
    /** One table and the columns of its primary key (rows are exported in that order). */
    private record Table(String name, String key) {}

    private static final List<Table> TABLES = List.of(new Table("users", "name"),
            new Table("recovery_codes", "user_name, code_hash"), new Table("sessions", "token_hash"),
            new Table("api_tokens", "id"), new Table("datasets", "name"), new Table("grants", "user_name, dataset"),
            new Table("versions", "dataset, version"));
    /** Every catalog table, referenced tables first. */
    static final List<String> NAMES = TABLES.stream().map(Table::name).toList();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int BATCH = 500;

    private CatalogTables() {}

    /** Where rows come from: a database or a backup's JSON Lines files. */
    interface Rows {
        /** Gives every row of {@code table} to {@code row}, in primary-key order. */
        void forEach(String table, Consumer<Map<String, Object>> row);
    }

    /**
     * A read-only connection to the SQLite database file {@code file} that never writes, locks or makes a journal
     * beside it (the file must not change while it is open: a backup's copy).
     */
    static Connection sqliteReadOnly(Path file) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + file.toUri().getRawPath()
                + "?mode=ro&immutable=1");
    }

    /** The rows of the database {@code c} is connected to (the caller chooses the transaction and isolation). */
    static Rows of(Connection c) {
        return (table, row) -> {
            String key = TABLES.stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().key();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + key)) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value(r.getObject(i),
                                table));
                    }
                    row.accept(values);
                }
            } catch (SQLException e) {
                throw databaseError("cannot read table " + table, e);
            }
        };
    }

    /** The rows of {@code dir/catalog/TABLE.jsonl}. */
    static Rows jsonLines(Path dir) {
        return (table, row) -> {
            String path = BackupLayout.catalogFile(table);
            try (BufferedReader r = Files.newBufferedReader(BackupFiles.resolve(dir, path), StandardCharsets.UTF_8)) {
                long n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    row.accept(parse(line, path, n));
                }
            } catch (IOException e) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + path + " ("
                        + BackupFiles.reason(e) + ")");
            }
        };
    }

    /** Writes {@code table}'s rows to {@code out} as JSON Lines; returns how many. */
    static long writeJsonLines(Rows rows, String table, OutputStream out) {
        long[] n = {0};
        rows.forEach(table, row -> {
            ObjectNode o = JSON.createObjectNode();
            row.forEach((column, v) -> {
                if (v == null) o.putNull(column);
                else if (v instanceof Long l) o.put(column, l);
                else o.put(column, (String) v);
            });
            try {
                out.write(JSON.writeValueAsBytes(o));
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            n[0]++;
        });
        return n[0];
    }

    /** Rows per table, in {@link #NAMES} order. */
    static Map<String, Long> counts(Rows rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : NAMES) {
            long[] n = {0};
            rows.forEach(t, row -> n[0]++);
            out.put(t, n[0]);
        }
        return out;
    }

    /** Every dataset version, by dataset and number. */
    static List<VersionEntry> versions(Rows rows) {
        List<VersionEntry> out = new ArrayList<>();
        rows.forEach("versions", row -> {
            try {
                out.add(new VersionEntry((String) row.get("dataset"), Math.toIntExact((Long) row.get("version")),
                        (String) row.get("blob"), (Long) row.get("size"), (String) row.get("sha256")));
            } catch (ClassCastException | NullPointerException | ArithmeticException e) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the catalog's versions table has a row "
                        + "that is not a version (a column is missing or of the wrong type)");
            }
        });
        return out;
    }

    /** Inserts every row of {@code rows} into the database {@code c} holds, table by table; returns rows per table. */
    static Map<String, Long> insert(Rows rows, Connection c) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : NAMES) {
            long[] n = {0};
            try (Inserter inserter = new Inserter(c, table, columnTypes(c, table))) {
                rows.forEach(table, row -> {
                    inserter.add(row);
                    n[0]++;
                });
                inserter.flush();
            }
            out.put(table, n[0]);
        }
        return out;
    }

    /** Whether every catalog table of the database {@code c} holds is empty. */
    static boolean empty(Connection c) {
        for (String table : NAMES) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                if (r.next()) return false;
            } catch (SQLException e) {
                throw databaseError("cannot read table " + table, e);
            }
        }
        return true;
    }

    /** The version of the newest schema migration applied (Flyway's history), or "unknown". */
    static String schemaVersion(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            String v = "unknown";
            while (r.next()) {
                if (r.getString(1) != null && r.getBoolean(2)) v = r.getString(1);
            }
            return v;
        } catch (SQLException e) {
            throw databaseError("cannot read the catalog's schema history", e);
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            Map<String, Integer> out = new LinkedHashMap<>();
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), meta.getColumnType(i));
            }
            return out;
        } catch (SQLException e) {
            throw databaseError("cannot read the columns of table " + table, e);
        }
    }

    /** Batched inserts into one table, one statement per distinct set of columns. */
    private static final class Inserter implements AutoCloseable {
        private final Connection c;
        private final String table;
        private final Map<String, Integer> types;
        private final Map<List<String>, PreparedStatement> statements = new LinkedHashMap<>();
        private int pending;

        Inserter(Connection c, String table, Map<String, Integer> types) {
            this.c = c;
            this.table = table;
            this.types = types;
        }

        void add(Map<String, Object> row) {
            List<String> columns = List.copyOf(row.keySet());
            for (String col : columns) {
                if (!types.containsKey(col)) {
                    throw new WardenException(ErrorCode.VERIFICATION_FAILED, "table " + table + " of the backup has a "
                            + "column the catalog does not: " + (COLUMN.matcher(col).matches() ? col : "(not a name)"));
                }
            }
            try {
                PreparedStatement s = statements.get(columns);
                if (s == null) {
                    s = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
                    statements.put(columns, s);
                }
                for (int i = 0; i < columns.size(); i++) {
                    Object v = row.get(columns.get(i));
                    if (v == null) s.setNull(i + 1, types.get(columns.get(i)));
                    else if (v instanceof Long l) s.setLong(i + 1, l);
                    else s.setString(i + 1, (String) v);
                }
                s.addBatch();
                if (++pending >= BATCH) flush();
            } catch (SQLException e) {
                throw databaseError("cannot insert into table " + table, e);
            }
        }

        void flush() {
            try {
                for (PreparedStatement s : statements.values()) {
                    s.executeBatch();
                }
                pending = 0;
            } catch (SQLException e) {
                throw databaseError("cannot insert into table " + table, e);
            }
        }

        @Override
        public void close() {
            for (PreparedStatement s : statements.values()) {
                try {
                    s.close();
                } catch (SQLException ignored) {
                    // the transaction's outcome decides; a statement that will not close changes nothing
                }
            }
        }
    }

    private static Map<String, Object> parse(String line, String path, long n) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, path + " line " + n + " is not JSON");
        }
        if (o == null || !o.isObject()) throw new WardenException(ErrorCode.MALFORMED_INPUT, path + " line " + n
                + " is not a JSON object");
        Map<String, Object> row = new LinkedHashMap<>();
        for (var it = o.fields(); it.hasNext(); ) {
            var f = it.next();
            if (!COLUMN.matcher(f.getKey()).matches()) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, path + " line " + n + " has a field that is not "
                        + "a column name");
            }
            JsonNode v = f.getValue();
            if (v.isNull()) row.put(f.getKey(), null);
            else if (v.isIntegralNumber() && v.canConvertToLong()) row.put(f.getKey(), v.asLong());
            else if (v.isTextual()) row.put(f.getKey(), v.asText());
            else throw new WardenException(ErrorCode.MALFORMED_INPUT, path + " line " + n + ": column " + f.getKey()
                    + " is neither an integer, a string nor null");
        }
        return row;
    }

    private static Object value(Object v, String table) {
        if (v == null || v instanceof String) return v;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new WardenException(ErrorCode.MALFORMED_INPUT, "table " + table + " has a value of type "
                + v.getClass().getSimpleName() + ", which backups do not know");
    }

    private static WardenException databaseError(String what, SQLException e) {
        return new WardenException(ErrorCode.UNAVAILABLE, what + " (SQL state " + e.getSQLState() + ")", e);
    }
}
