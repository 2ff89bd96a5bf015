package io.warden.server.catalog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Datasets, their versions and who was granted them, in the catalog database. Every statement is prepared with
 * parameters: no value ever becomes SQL text.
 */
public final class Catalog {
    /** A dataset; {@code destroyedAt} is set once its key was destroyed. */
    public record Dataset(String name, String description, String createdBy, Instant createdAt, Instant destroyedAt) {
        public boolean destroyed() {
            return destroyedAt != null;
        }
    }

    /** One uploaded version. {@code kind} is {@code raw} (as uploaded) or {@code protected}. */
    public record Version(String dataset, int version, String kind, String fileName, long size, String sha256,
            String blob, int keyVersion, String createdBy, Instant createdAt) {}

    private final Database db;

    public Catalog(Database db) {
        this.db = db;
    }

    /** @throws WardenException CONFLICT when a dataset of that name exists (or existed: names are never reused) */
    public Dataset create(String name, String description, String createdBy, Instant now) {
        return db.transaction(c -> {
            if (find(c, name).isPresent()) {
                throw new WardenException(ErrorCode.CONFLICT, "dataset " + name + " exists");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO datasets (name, description, created_by, "
                    + "created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, description);
                s.setString(3, createdBy);
                s.setLong(4, now.toEpochMilli());
                s.executeUpdate();
            }
            return new Dataset(name, description, createdBy, now, null);
        });
    }

    /** @throws WardenException NOT_FOUND when there is no such dataset */
    public Dataset dataset(String name) {
        return db.read(c -> find(c, name)).orElseThrow(() -> notFound(name));
    }

    /** All datasets, by name. */
    public List<Dataset> datasets() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, description, created_by, created_at, "
                    + "destroyed_at FROM datasets ORDER BY name")) {
                return datasets(s);
            }
        });
    }

    /** The datasets {@code user} was granted, by name. */
    public List<Dataset> grantedTo(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT d.name, d.description, d.created_by, d.created_at, "
                    + "d.destroyed_at FROM datasets d JOIN grants g ON g.dataset = d.name WHERE g.user_name = ? "
                    + "ORDER BY d.name")) {
                s.setString(1, user);
                return datasets(s);
            }
        });
    }

    public void grant(String user, String dataset, String grantedBy, Instant now) {
        db.transaction(c -> {
            if (hasGrant(c, user, dataset)) return null;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO grants (user_name, dataset, granted_by, "
                    + "created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, user);
                s.setString(2, dataset);
                s.setString(3, grantedBy);
                s.setLong(4, now.toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Returns whether there was a grant to take back. */
    public boolean revoke(String user, String dataset) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM grants WHERE user_name = ? AND dataset = ?")) {
                s.setString(1, user);
                s.setString(2, dataset);
                return s.executeUpdate() > 0;
            }
        });
    }

    public boolean hasGrant(String user, String dataset) {
        return db.read(c -> hasGrant(c, user, dataset));
    }

    /**
     * Records a new version, numbered one past the highest so far. Concurrent uploads to one dataset take turns: the
     * transaction first locks the dataset's row (PostgreSQL; on SQLite, writers take turns anyway), so two of them
     * never pick the same number.
     */
    public Version addVersion(String dataset, String kind, String fileName, BlobStore.Stored blob, String createdBy,
            Instant now) {
        return db.transaction(c -> {
            // a write that changes nothing, for its row lock: portable, unlike SELECT ... FOR UPDATE
            try (PreparedStatement s = c.prepareStatement("UPDATE datasets SET created_at = created_at "
                    + "WHERE name = ?")) {
                s.setString(1, dataset);
                s.executeUpdate();
            }
            int next;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM versions "
                    + "WHERE dataset = ?")) {
                s.setString(1, dataset);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    next = r.getInt(1) + 1;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO versions (dataset, version, kind, file_name, "
                    + "size, sha256, blob, key_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, dataset);
                s.setInt(2, next);
                s.setString(3, kind);
                s.setString(4, fileName);
                s.setLong(5, blob.size());
                s.setString(6, blob.sha256());
                s.setString(7, blob.blob());
                s.setInt(8, blob.keyVersion());
                s.setString(9, createdBy);
                s.setLong(10, now.toEpochMilli());
                s.executeUpdate();
            }
            return new Version(dataset, next, kind, fileName, blob.size(), blob.sha256(), blob.blob(),
                    blob.keyVersion(), createdBy, now);
        });
    }

    public List<Version> versions(String dataset) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(VERSION_COLUMNS + " WHERE dataset = ? ORDER BY version")) {
                s.setString(1, dataset);
                List<Version> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(version(r));
                }
                return out;
            }
        });
    }

    /** @throws WardenException NOT_FOUND when the dataset has no such version */
    public Version version(String dataset, int number) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(VERSION_COLUMNS + " WHERE dataset = ? AND version = ?")) {
                s.setString(1, dataset);
                s.setInt(2, number);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new WardenException(ErrorCode.NOT_FOUND, "dataset " + dataset + " has no version "
                                + number);
                    }
                    return version(r);
                }
            }
        });
    }

    /** Marks a dataset destroyed (its key is gone) and forgets its versions' blobs. */
    public void markDestroyed(String dataset, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE datasets SET destroyed_at = ? WHERE name = ?")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, dataset);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM versions WHERE dataset = ?")) {
                s.setString(1, dataset);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static final String VERSION_COLUMNS = "SELECT dataset, version, kind, file_name, size, sha256, blob, "
            + "key_version, created_by, created_at FROM versions";

    private static Version version(ResultSet r) throws SQLException {
        return new Version(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getLong(5), r.getString(6),
                r.getString(7), r.getInt(8), r.getString(9), Instant.ofEpochMilli(r.getLong(10)));
    }

    private static Optional<Dataset> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, description, created_by, created_at, destroyed_at "
                + "FROM datasets WHERE name = ?")) {
            s.setString(1, name);
            List<Dataset> found = datasets(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Dataset> datasets(PreparedStatement s) throws SQLException {
        List<Dataset> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long destroyed = r.getLong(5);
                out.add(new Dataset(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                        destroyed == 0 ? null : Instant.ofEpochMilli(destroyed)));
            }
        }
        return out;
    }

    private static boolean hasGrant(Connection c, String user, String dataset) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM grants WHERE user_name = ? AND dataset = ?")) {
            s.setString(1, user);
            s.setString(2, dataset);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static WardenException notFound(String name) {
        return new WardenException(ErrorCode.NOT_FOUND, "no dataset " + name);
    }
}
