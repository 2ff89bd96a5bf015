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
        return addVersion(dataset, kind, fileName, blob, createdBy, now, null);
    }

    /** Records a new version with its scan report (JSON, or null), in one transaction. */
    public Version addVersion(String dataset, String kind, String fileName, BlobStore.Stored blob, String createdBy,
            Instant now, String scanReport) {
        return addVersion(dataset, kind, fileName, blob, createdBy, now, scanReport, null);
    }

    /** Records a new version with its scan report and manifest (JSON, each or null), in one transaction. */
    public Version addVersion(String dataset, String kind, String fileName, BlobStore.Stored blob, String createdBy,
            Instant now, String scanReport, String manifest) {
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
                    + "size, sha256, blob, key_version, created_by, created_at, scan_report, manifest) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                s.setString(11, scanReport);
                s.setString(12, manifest);
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

    /** Sets (or, with null, clears) the dataset's policy, YAML as given. */
    public void setPolicy(String dataset, String yaml) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE datasets SET policy = ? WHERE name = ?")) {
                s.setString(1, yaml);
                s.setString(2, dataset);
                return s.executeUpdate();
            }
        });
    }

    /** The dataset's policy YAML, if it has one. */
    public Optional<String> policy(String dataset) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT policy FROM datasets WHERE name = ?")) {
                s.setString(1, dataset);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Sets (or, with null, clears) how many days versions of the dataset are kept. */
    public void setRetention(String dataset, Integer days) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE datasets SET retention_days = ? WHERE name = ?")) {
                if (days == null) {
                    s.setNull(1, java.sql.Types.INTEGER);
                } else {
                    s.setInt(1, days);
                }
                s.setString(2, dataset);
                return s.executeUpdate();
            }
        });
    }

    /** The dataset's retention in days, if it has one. */
    public Optional<Integer> retention(String dataset) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT retention_days FROM datasets WHERE name = ?")) {
                s.setString(1, dataset);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    int days = r.getInt(1);
                    return r.wasNull() ? Optional.empty() : Optional.of(days);
                }
            }
        });
    }

    /** Versions of live datasets with a retention whose age exceeds it at {@code now}, oldest first. */
    public List<Version> expired(Instant now) {
        return db.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT v.dataset, v.version, v.kind, v.file_name, v.size, "
                    + "v.sha256, v.blob, v.key_version, v.created_by, v.created_at, d.retention_days FROM versions v "
                    + "JOIN datasets d ON d.name = v.dataset WHERE d.retention_days IS NOT NULL AND d.destroyed_at = 0 "
                    + "ORDER BY v.created_at")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Version v = version(r);
                        if (v.createdAt().plus(java.time.Duration.ofDays(r.getInt(11))).isBefore(now)) out.add(v);
                    }
                }
            }
            return out;
        });
    }

    /** Forgets one version (its blob is deleted by the caller). */
    public void deleteVersion(String dataset, int version) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM versions WHERE dataset = ? AND version = ?")) {
                s.setString(1, dataset);
                s.setInt(2, version);
                return s.executeUpdate();
            }
        });
    }

    /** The documents a version may carry besides its data, each a column of the versions table. */
    public enum Attachment {
        MANIFEST("manifest"), SIGNATURE("signature"), SCAN_REPORT("scan_report");

        private final String column;

        Attachment(String column) {
            this.column = column;
        }

        /** The name in routes: manifest, signature, scan-report. */
        public String id() {
            return column.replace('_', '-');
        }

        public static Attachment parse(String id) {
            for (Attachment a : values()) {
                if (a.id().equals(id)) return a;
            }
            throw new WardenException(ErrorCode.NOT_FOUND, "a version carries a manifest, a signature or a scan-report");
        }
    }

    /** Stores (replacing) an attachment of a version. */
    public void attach(String dataset, int version, Attachment kind, String document) {
        int n = db.transaction(c -> {
            // the column name comes from the enum, never from the request
            try (PreparedStatement s = c.prepareStatement("UPDATE versions SET " + kind.column + " = ? WHERE "
                    + "dataset = ? AND version = ?")) {
                s.setString(1, document);
                s.setString(2, dataset);
                s.setInt(3, version);
                return s.executeUpdate();
            }
        });
        if (n == 0) throw new WardenException(ErrorCode.NOT_FOUND, "dataset " + dataset + " has no version " + version);
    }

    /** An attachment of a version, or empty when none was stored. */
    public Optional<String> attachment(String dataset, int version, Attachment kind) {
        version(dataset, version); // NOT_FOUND for a missing version
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + kind.column + " FROM versions WHERE dataset = ? "
                    + "AND version = ?")) {
                s.setString(1, dataset);
                s.setInt(2, version);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
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
