package io.warden.server.backup;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.backup.BackupManifest.FileEntry;
import io.warden.server.backup.BackupManifest.Source;
import io.warden.server.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The restore of a backup made by {@link Backup}: its checks, and its copy into a new data directory (and an empty
 * PostgreSQL schema), all or nothing.
 */
public final class Restore {
    private Restore() {}

    /**
     * What a backup was checked for and found to hold.
     *
     * @param manifest the backup's manifest
     * @param manifestSha256 the SHA-256 of {@code manifest.json}, to compare with the one {@code warden backup} printed
     * @param bytes the total size of its files
     * @param versionsChecked how many versions were unsealed and matched their recorded SHA-256
     * @param auditEntries how many audit entries verified against the signed checkpoint
     * @param keyringId the keyring's id
     * @param insecureKeyring whether the keyring is insecure-plaintext (the backup itself is then the key)
     */
    public record Report(BackupManifest manifest, String manifestSha256, long bytes, int versionsChecked,
            long auditEntries, String keyringId, boolean insecureKeyring) {}

    /**
     * Checks the backup in {@code backupDir}: its manifest; that it holds exactly the listed files, each of the listed
     * size and SHA-256; that the catalog holds the listed versions; that the audit log verifies against the signed
     * checkpoint; that the keyring's operations log is intact; and, with the keyring opened (by {@code passphrase},
     * or none for an insecure-plaintext keyring), that every version unseals to the plaintext SHA-256 recorded.
     * Plaintext is hashed as it streams and never written anywhere.
     *
     * @throws WardenException VERIFICATION_FAILED naming the file or version that differs; MALFORMED_INPUT for a broken
     *     manifest; INPUT_NOT_FOUND when there is no backup; BAD_KEY when the passphrase is wrong or missing
     */
    public static Report verify(Path backupDir, Passphrase passphrase) {
        requireNonNull(backupDir, "backupDir");
        BackupChecks.Read read = BackupChecks.manifest(backupDir);
        long bytes = BackupChecks.files(backupDir, read.manifest());
        BackupChecks.Deep deep = BackupChecks.deep(backupDir, read.manifest(), passphrase);
        return new Report(read.manifest(), read.sha256(), bytes, deep.versions(), deep.auditEntries(),
                deep.keyringId(), deep.insecureKeyring());
    }

    /**
     * Verifies the backup ({@link #verify}), then restores it into {@code dataDir}, which must not exist or be empty;
     * the catalog goes to SQLite there, or into the PostgreSQL database at {@code databaseUrl}, whose catalog tables
     * must hold no rows (either kind of backup restores into either). Every file is checked against the manifest again
     * as it is copied. The data directory is built beside {@code dataDir} and renamed into place at the end: on
     * failure nothing is left there, and rows already imported into PostgreSQL are removed again.
     *
     * @throws WardenException as {@link #verify}; CONFLICT when {@code dataDir} or the database is not empty
     */
    public static Report into(Path backupDir, Path dataDir, String databaseUrl, Passphrase passphrase) {
        requireNonNull(backupDir, "backupDir");
        requireNonNull(dataDir, "dataDir");
        if (BackupFiles.within(dataDir, backupDir) || BackupFiles.within(backupDir, dataDir)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "restore into a data directory outside the backup "
                    + backupDir);
        }
        checkEmpty(dataDir);
        Report report = verify(backupDir, passphrase);
        BackupManifest m = report.manifest();
        Path temp = BackupFiles.temporarySibling(dataDir, "restore");
        Database target = null;
        boolean imported = false;
        try {
            for (FileEntry f : m.files()) stage(backupDir, temp, f);
            if (databaseUrl != null) {
                target = Database.open(databaseUrl, temp);
                if (!target.read(CatalogTables::empty)) {
                    throw new WardenException(ErrorCode.CONFLICT, "the PostgreSQL database already holds a catalog; "
                            + "restore into an empty schema");
                }
                importCatalog(temp, m, target);
                imported = true;
            } else if (m.source() == Source.POSTGRESQL) {
                try (Database sqlite = Database.open(null, temp)) {
                    importCatalog(temp, m, sqlite);
                }
            }
            dropStagedCatalog(temp, databaseUrl != null);
            BackupFiles.publish(temp, dataDir);
            return report;
        } catch (RuntimeException e) {
            if (imported) clear(target);
            BackupFiles.deleteTree(temp);
            throw e;
        } finally {
            if (target != null) target.close();
        }
    }

    /** Copies one file into the staging directory, checking it against the manifest as it goes. */
    private static void stage(Path backupDir, Path temp, FileEntry f) {
        Path from = BackupFiles.resolve(backupDir, f.path());
        boolean ownerOnly = BackupLayout.SECRETS.contains(f.path()) || BackupFiles.isOwnerOnly(from);
        FileEntry got = BackupFiles.copy(from, temp, f.path(), ownerOnly, -1);
        if (!got.equals(f)) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, f.path() + " changed after it was verified; "
                    + "nothing was restored");
        }
    }

    /** Inserts the staged catalog's rows into {@code db} in one transaction; the counts must be the manifest's. */
    private static void importCatalog(Path temp, BackupManifest m, Database db) {
        db.transaction(c -> {
            Map<String, Long> counts;
            if (m.source() == Source.POSTGRESQL) {
                counts = CatalogTables.insert(CatalogTables.jsonLines(temp), c);
            } else {
                try (Connection source = CatalogTables.sqliteReadOnly(temp.resolve(BackupLayout.DATABASE))) {
                    counts = CatalogTables.insert(CatalogTables.of(source), c);
                }
            }
            if (!counts.equals(m.tables())) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the catalog imported " + counts
                        + " rows, not the manifest's " + m.tables());
            }
            return null;
        });
    }

    /** Removes what belongs to the backup's catalog, not to a data directory. */
    private static void dropStagedCatalog(Path temp, boolean sqliteToo) {
        try {
            Path catalog = temp.resolve(BackupLayout.CATALOG);
            if (Files.isDirectory(catalog)) {
                try (Stream<Path> files = Files.list(catalog)) {
                    for (Path f : files.toList()) Files.delete(f);
                }
                Files.delete(catalog);
            }
            if (sqliteToo) Files.deleteIfExists(temp.resolve(BackupLayout.DATABASE));
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot tidy the restored directory " + temp + " ("
                    + BackupFiles.reason(e) + ")");
        }
    }

    /** Deletes every catalog row again (after a failure that followed the import); best effort. */
    private static void clear(Database db) {
        try {
            db.transaction(c -> {
                List<String> tables = new java.util.ArrayList<>(CatalogTables.NAMES);
                java.util.Collections.reverse(tables);
                for (String t : tables) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM " + t);
                    }
                }
                return null;
            });
        } catch (WardenException ignored) {
            // the failure that brought us here is what is reported
        }
    }

    private static void checkEmpty(Path dataDir) {
        if (!Files.exists(dataDir, LinkOption.NOFOLLOW_LINKS)) return;
        boolean empty = false;
        if (Files.isDirectory(dataDir, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                empty = entries.findAny().isEmpty();
            } catch (IOException e) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + dataDir + " ("
                        + BackupFiles.reason(e) + ")");
            }
        }
        if (!empty) {
            throw new WardenException(ErrorCode.CONFLICT, dataDir + " is not empty; restore into a new or empty "
                    + "directory");
        }
    }
}
