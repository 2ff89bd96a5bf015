package io.warden.server.backup;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.Version;
import io.warden.core.WardenException;
import io.warden.crypto.OpsLog;
import io.warden.crypto.tlog.Checkpoint;
import io.warden.crypto.tlog.MerkleLogSnapshot;
import io.warden.crypto.tlog.MerkleLogVerifier;
import io.warden.crypto.tlog.NoteSigner;
import io.warden.crypto.tlog.TreeHead;
import io.warden.server.backup.BackupManifest.FileEntry;
import io.warden.server.backup.BackupManifest.Source;
import io.warden.server.backup.BackupManifest.VersionEntry;
import io.warden.server.db.Database;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A backup of a server's data directory (see {@link BackupLayout}), made consistently while the server runs and
 * without the keyring's passphrase: blobs stay sealed and the keyring is copied as it is.
 *
 * <p>The order is what makes it consistent. The catalog is snapshot first (SQLite {@code VACUUM INTO}, or PostgreSQL
 * tables read in one repeatable-read transaction): a version's blob is sealed, and its dataset's key made, before its
 * row is committed, so everything the snapshot references exists by then. The keyring is copied next, then its
 * operations log (a change's log line is forced before the keyring is replaced), then the referenced blobs (never
 * changed once written). The audit log last: a checkpoint of the entries it has acknowledged is signed with the
 * server's checkpoint key, then exactly those entries are copied and must verify against it. {@code manifest.json}
 * is written last, and the whole directory is built beside the target and renamed into place only when complete.
 */
public final class Backup {
    private Backup() {}

    /**
     * Backs up {@code dataDir} (its catalog in SQLite there, or in the PostgreSQL database at {@code databaseUrl})
     * into the new directory {@code outDir}; returns the manifest written.
     *
     * @throws WardenException INPUT_NOT_FOUND when {@code dataDir} is not a Warden data directory; BAD_USAGE when
     *     {@code outDir} exists; VERIFICATION_FAILED when the audit log or the keyring's operations log is damaged or
     *     altered; UNAVAILABLE when the database cannot be read. Nothing is left at {@code outDir} on failure.
     */
    public static BackupManifest create(Path dataDir, String databaseUrl, Path outDir) {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(outDir, "outDir");
        checkDataDir(dataDir, databaseUrl);
        if (BackupFiles.within(outDir, dataDir)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "write the backup outside the data directory " + dataDir);
        }
        if (Files.exists(outDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new WardenException(ErrorCode.BAD_USAGE, outDir + " exists; a backup is written to a new directory");
        }
        Path temp = BackupFiles.temporarySibling(outDir, "backup");
        try {
            BackupManifest manifest = write(dataDir, databaseUrl, temp);
            BackupFiles.publish(temp, outDir);
            return manifest;
        } catch (RuntimeException e) {
            BackupFiles.deleteTree(temp);
            throw e;
        }
    }

    private static BackupManifest write(Path data, String databaseUrl, Path out) {
        List<FileEntry> files = new ArrayList<>();
        Source source = databaseUrl == null ? Source.SQLITE : Source.POSTGRESQL;
        Snapshot catalog = source == Source.SQLITE ? sqlite(data, out, files) : postgresql(databaseUrl, out, files);

        files.add(copy(data, out, BackupLayout.KEYRING, -1));
        Path ops = data.resolve(BackupLayout.KEYRING_OPS);
        files.add(copy(data, out, BackupLayout.KEYRING_OPS, completeLines(ops)));
        try {
            new OpsLog(BackupFiles.resolve(out, BackupLayout.KEYRING_OPS), null).verify();
        } catch (WardenException e) {
            throw new WardenException(e.code(), "the keyring's operations log " + ops + " cannot be backed up: "
                    + e.getMessage());
        }

        for (VersionEntry v : catalog.versions()) {
            Path blob = BackupFiles.resolve(data, v.blobPath());
            if (!Files.isRegularFile(blob, LinkOption.NOFOLLOW_LINKS)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "the blob of " + v.label() + " (" + blob
                        + ") is missing; if the dataset was destroyed during the backup, run it again");
            }
            files.add(copy(data, out, v.blobPath(), -1));
        }

        BackupManifest.Audit audit = audit(data, out, files);
        for (String tls : List.of(BackupLayout.TLS_CERT, BackupLayout.TLS_KEY)) {
            if (Files.isRegularFile(BackupFiles.resolve(data, tls), LinkOption.NOFOLLOW_LINKS)) {
                files.add(copy(data, out, tls, -1));
            }
        }
        files.sort(Comparator.comparing(FileEntry::path));
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, Instant.now(), Version.VERSION,
                source, catalog.schemaVersion(), catalog.tables(), audit, catalog.versions(), files);
        BackupFiles.write(out, BackupLayout.MANIFEST, false, o -> o.write(manifest.toJson()));
        return manifest;
    }

    /** What the catalog snapshot holds. */
    private record Snapshot(String schemaVersion, Map<String, Long> tables, List<VersionEntry> versions) {}

    /** {@code VACUUM INTO}: a consistent copy of the live database, taken in one read transaction. */
    private static Snapshot sqlite(Path data, Path out, List<FileEntry> files) {
        Path db = data.resolve(BackupLayout.DATABASE);
        Path copy = out.resolve(BackupLayout.DATABASE);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + db.toUri().getRawPath()
                + "?mode=rw")) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot copy the catalog database " + db + " (SQL state "
                    + e.getSQLState() + ")", e);
        }
        if (BackupFiles.isOwnerOnly(db)) restrict(copy);
        BackupFiles.force(copy); // SQLite does not sync what VACUUM INTO writes
        files.add(BackupFiles.hash(out, BackupLayout.DATABASE));
        try (Connection c = CatalogTables.sqliteReadOnly(copy)) {
            CatalogTables.Rows rows = CatalogTables.of(c);
            return new Snapshot(CatalogTables.schemaVersion(c), CatalogTables.counts(rows),
                    CatalogTables.versions(rows));
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot read the copy of the catalog (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** Every table as JSON Lines, all read in one repeatable-read, read-only transaction. */
    private static Snapshot postgresql(String url, Path out, List<FileEntry> files) {
        try (Connection c = Database.connect(url)) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            CatalogTables.Rows rows = CatalogTables.of(c);
            String schema = CatalogTables.schemaVersion(c);
            Map<String, Long> tables = new java.util.LinkedHashMap<>();
            for (String t : CatalogTables.NAMES) {
                long[] n = {0};
                files.add(BackupFiles.write(out, BackupLayout.catalogFile(t), true,
                        o -> n[0] = CatalogTables.writeJsonLines(rows, t, o)));
                tables.put(t, n[0]);
            }
            List<VersionEntry> versions = CatalogTables.versions(rows);
            c.commit();
            return new Snapshot(schema, tables, versions);
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot read the catalog database (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /**
     * Signs a checkpoint of what the audit log has acknowledged, checks that it extends the server's last checkpoint,
     * and copies exactly those entries, which must verify against it.
     */
    private static BackupManifest.Audit audit(Path data, Path out, List<FileEntry> files) {
        Path log = BackupFiles.resolve(data, BackupLayout.AUDIT_LOG);
        Path lastFile = BackupFiles.resolve(data, BackupLayout.CHECKPOINT);
        NoteSigner signer = NoteSigner.read(BackupFiles.resolve(data, BackupLayout.CHECKPOINT_KEY));
        byte[] last = null;
        try {
            if (Files.isRegularFile(lastFile)) last = Files.readAllBytes(lastFile); // before the head: never newer
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + lastFile);
        }
        TreeHead head = MerkleLogSnapshot.acknowledgedHead(log);
        byte[] note = Checkpoint.of(signer.name(), head).sign(signer);
        if (last != null) {
            MerkleLogVerifier.Result r = MerkleLogVerifier.verifyConsistency(log, last, note, signer.verifier());
            if (!r.ok()) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the audit log does not extend the server's "
                        + "last checkpoint (" + lastFile + "): " + r.problem());
            }
        }
        Path copy = BackupFiles.resolve(out, BackupLayout.AUDIT_LOG);
        try {
            Files.createDirectories(copy.getParent());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot create " + copy.getParent());
        }
        MerkleLogSnapshot.copy(log, head.size(), copy);
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(copy, note, signer.verifier());
        if (!r.ok()) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the copy of the audit log does not verify: "
                    + r.problem());
        }
        for (String f : BackupFiles.walk(copy)) files.add(BackupFiles.hash(out, BackupLayout.AUDIT_LOG + "/" + f));
        files.add(BackupFiles.write(out, BackupLayout.CHECKPOINT, false, o -> o.write(note)));
        files.add(copy(data, out, BackupLayout.CHECKPOINT_KEY, -1));
        return new BackupManifest.Audit(new String(note, StandardCharsets.UTF_8), signer.verifier().vkey(),
                head.size());
    }

    private static FileEntry copy(Path data, Path out, String path, long limit) {
        Path from = BackupFiles.resolve(data, path);
        boolean ownerOnly = BackupLayout.SECRETS.contains(path) || BackupFiles.isOwnerOnly(from);
        return BackupFiles.copy(from, out, path, ownerOnly, limit);
    }

    /** The length of {@code file} up to its last newline: an append under way is not copied half. */
    private static long completeLines(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') break;
                end--;
            }
            return end;
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // the backup directory itself is owner-only
        }
    }

    private static void checkDataDir(Path data, String databaseUrl) {
        if (!Files.isDirectory(data)) throw new WardenException(ErrorCode.INPUT_NOT_FOUND, data + " does not exist");
        List<String> needed = new ArrayList<>(List.of(BackupLayout.KEYRING, BackupLayout.KEYRING_OPS,
                BackupLayout.CHECKPOINT_KEY, BackupLayout.AUDIT_LOG));
        if (databaseUrl == null) needed.add(BackupLayout.DATABASE);
        for (String f : needed) {
            if (!Files.exists(BackupFiles.resolve(data, f))) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, data + " is not a Warden data directory (it has no "
                        + f + (f.equals(BackupLayout.DATABASE) ? "; is the catalog in PostgreSQL? give --db" : "")
                        + ")");
            }
        }
    }
}
