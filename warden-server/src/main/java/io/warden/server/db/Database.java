package io.warden.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The catalog database: SQLite in the data directory by default, PostgreSQL when given a URL; a connection pool,
 * schema migrations with Flyway, and transactions.
 *
 * <p>The schema is written once in the SQL both accept (no vendor types: integers for booleans and epoch millis,
 * text for the rest), so the same migrations and the same queries run on either.
 *
 * <p>SQLite takes one writer at a time. Two transactions that both read and then write would collide inside SQLite
 * (one fails at once with SQLITE_BUSY: its snapshot went stale), and waiting for SQLite's own lock would sleep in
 * native code, holding one of the few carrier threads that every virtual thread needs. So on SQLite, transactions
 * take a Java lock first: writers queue here, parked like any virtual thread, and never meet inside SQLite (this
 * process is the database's only user: the data directory is its own). Reads outside transactions do not wait.
 */
public final class Database implements AutoCloseable {
    /** A unit of work inside one transaction. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final boolean sqlite;
    private final ReentrantLock sqliteWriter = new ReentrantLock();

    private Database(HikariDataSource pool, boolean sqlite) {
        this.pool = pool;
        this.sqlite = sqlite;
    }

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @param url a {@code postgresql://user:password@host:port/db} or {@code jdbc:postgresql://...} URL, or null for
     *     SQLite at {@code dataDir/warden.db}
     */
    public static Database open(String url, Path dataDir) {
        HikariConfig config = new HikariConfig();
        boolean sqlite = url == null;
        if (sqlite) {
            config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("warden.db"));
            // WAL: readers do not block the writer; FULL sync: a committed transaction survives a crash or power loss;
            // one writer at a time (SQLite's rule), the others wait for it instead of failing at once
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl(url));
            config.setMaximumPoolSize(16);
        }
        config.setPoolName("warden-catalog");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(1); // one attempt: a database that is not there is reported at once
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot open the catalog database "
                    + (sqlite ? dataDir.resolve("warden.db").toString() : redact(url)) + " (" + rootMessage(e) + ")");
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot migrate the catalog database ("
                    + rootMessage(e) + ")");
        }
        return new Database(pool, sqlite);
    }

    /**
     * One plain connection to the PostgreSQL database at {@code url}, without a pool and without migrating it: for
     * tools that read or check a catalog another process serves (backups).
     */
    public static Connection connect(String url) {
        try {
            return java.sql.DriverManager.getConnection(jdbcUrl(url));
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot connect to the catalog database " + redact(url)
                    + " (" + rootMessage(e) + ")");
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        if (sqlite) sqliteWriter.lock();
        try {
            return inTransaction(work);
        } finally {
            if (sqlite) sqliteWriter.unlock();
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "catalog database error (" + e.getSQLState() + ")", e);
        }
    }

    /** Runs {@code work} on a pooled connection without a transaction of its own (single reads). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "catalog database error (" + e.getSQLState() + ")", e);
        }
    }

    /** Whether this is the embedded SQLite database. */
    public boolean isSqlite() {
        return sqlite;
    }

    /** {@code postgresql://u:p@h:port/db} becomes {@code jdbc:postgresql://h:port/db?user=u&password=p}. */
    public static String jdbcUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) return url;
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new WardenException(ErrorCode.BAD_USAGE, "--db takes a postgresql:// URL");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new WardenException(ErrorCode.BAD_USAGE, "--db is not a valid URL");
        }
        if (uri.getHost() == null) throw new WardenException(ErrorCode.BAD_USAGE, "--db names no host");
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) jdbc.append(':').append(uri.getPort());
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            append(query, "user", colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) append(query, "password", info.substring(colon + 1));
        }
        if (!query.isEmpty()) jdbc.append('?').append(query);
        return jdbc.toString();
    }

    private static void append(StringBuilder query, String key, String value) {
        if (!query.isEmpty()) query.append('&');
        query.append(key).append('=').append(value);
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?<=://)([^:@/]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = redact(m.lines().findFirst().orElse(""));
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    @Override
    public void close() {
        pool.close();
    }
}
