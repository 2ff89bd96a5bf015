package io.warden.server.backup;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.crypto.Keyring;
import io.warden.crypto.MasterKeys;
import io.warden.crypto.OpsLog;
import io.warden.crypto.Passphrase;
import io.warden.crypto.seal.Sealer;
import io.warden.crypto.tlog.Checkpoint;
import io.warden.crypto.tlog.MerkleLogVerifier;
import io.warden.crypto.tlog.NoteSigner;
import io.warden.crypto.tlog.NoteVerifier;
import io.warden.server.audit.TlogAuditTrail;
import io.warden.server.backup.BackupManifest.FileEntry;
import io.warden.server.backup.BackupManifest.Source;
import io.warden.server.backup.BackupManifest.VersionEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a backup must pass before anything is restored from it: its manifest, its files byte for byte, its
 * catalog against the manifest, its audit log against the signed checkpoint, and every version's plaintext against
 * the SHA-256 the catalog recorded. Each failure is one line naming the file or version.
 */
final class BackupChecks {
    private static final long MAX_MANIFEST_BYTES = 1L << 30;

    private BackupChecks() {}

    /** A manifest and the SHA-256 of its bytes. */
    record Read(BackupManifest manifest, String sha256) {}

    /** What the deep checks found. */
    record Deep(int versions, long auditEntries, String keyringId, boolean insecureKeyring) {}

    /** Reads {@code dir/manifest.json}. */
    static Read manifest(Path dir) {
        if (!Files.isDirectory(dir)) throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "backup " + dir
                + " does not exist");
        Path file = dir.resolve(BackupLayout.MANIFEST);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, file + " is larger than 1 GiB: not a manifest");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, dir + " is not a Warden backup (it has no "
                    + BackupLayout.MANIFEST + ")");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + " ("
                    + BackupFiles.reason(e) + ")");
        }
        return new Read(BackupManifest.parse(bytes),
                HexFormat.of().formatHex(FileDigest.sha256().digest(bytes)));
    }

    /**
     * Checks that {@code dir} holds exactly the manifest's files, each of its size and SHA-256; returns the total
     * size.
     */
    static long files(Path dir, BackupManifest m) {
        Map<String, FileEntry> listed = new LinkedHashMap<>();
        m.files().forEach(f -> listed.put(f.path(), f));
        Map<String, String> blobOwners = new LinkedHashMap<>();
        m.versions().forEach(v -> blobOwners.put(v.blobPath(), v.label()));
        List<String> problems = new ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>(BackupFiles.walk(dir));
        for (String p : present) {
            if (!p.equals(BackupLayout.MANIFEST) && !listed.containsKey(p)) {
                problems.add(p + " is in the backup but not in its manifest");
            }
        }
        long bytes = 0;
        for (FileEntry want : m.files()) {
            String name = want.path() + (blobOwners.containsKey(want.path())
                    ? " (" + blobOwners.get(want.path()) + ")" : "");
            if (!present.contains(want.path())) {
                problems.add(name + " is missing from the backup");
                continue;
            }
            FileEntry got = BackupFiles.hash(dir, want.path());
            if (got.size() != want.size()) {
                problems.add(name + " has " + got.size() + " bytes; the manifest says " + want.size());
            } else if (!got.sha256().equals(want.sha256())) {
                problems.add(name + " does not match its SHA-256 in the manifest (altered or damaged)");
            }
            bytes += got.size();
        }
        if (!problems.isEmpty()) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        }
        return bytes;
    }

    /** The checks past the bytes: catalog, audit log, keyring, and every version's plaintext. */
    static Deep deep(Path dir, BackupManifest m, Passphrase passphrase) {
        catalog(dir, m);
        Checkpoint checkpoint = audit(dir, m);
        Keyring keyring = keyring(dir, passphrase);
        if (!checkpoint.origin().equals(TlogAuditTrail.origin(keyring.id()))) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the audit log (" + checkpoint.origin()
                    + ") is not the log of the backup's keyring " + keyring.id());
        }
        for (VersionEntry v : m.versions()) blob(dir, v, keyring);
        return new Deep(m.versions().size(), checkpoint.size(), keyring.id(),
                Keyring.isInsecurePlaintext(dir.resolve(BackupLayout.KEYRING)));
    }

    /** The catalog's row counts and versions are the manifest's. */
    private static void catalog(Path dir, BackupManifest m) {
        if (m.source() == Source.POSTGRESQL) {
            catalog(m, CatalogTables.jsonLines(dir));
            return;
        }
        try (Connection c = CatalogTables.sqliteReadOnly(dir.resolve(BackupLayout.DATABASE))) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                if (!r.next() || !"ok".equals(r.getString(1))) {
                    throw new WardenException(ErrorCode.VERIFICATION_FAILED, BackupLayout.DATABASE
                            + " fails SQLite's integrity check");
                }
            }
            catalog(m, CatalogTables.of(c));
        } catch (SQLException e) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, BackupLayout.DATABASE + " cannot be read as an "
                    + "SQLite catalog (SQL state " + e.getSQLState() + ")");
        }
    }

    private static void catalog(BackupManifest m, CatalogTables.Rows rows) {
        Map<String, Long> counts = CatalogTables.counts(rows);
        for (var e : counts.entrySet()) {
            if (!e.getValue().equals(m.tables().get(e.getKey()))) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the catalog holds " + e.getValue() + " rows "
                        + "of " + e.getKey() + "; the manifest says " + m.tables().get(e.getKey()));
            }
        }
        Map<String, VersionEntry> manifest = new LinkedHashMap<>();
        m.versions().forEach(v -> manifest.put(v.label(), v));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VersionEntry v : CatalogTables.versions(rows)) {
            VersionEntry listed = manifest.get(v.label());
            seen.add(v.label());
            if (listed == null) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the catalog's " + v.label()
                        + " is not in the manifest");
            }
            if (!listed.equals(v)) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, v.label() + ": the catalog records another "
                        + "blob, size or SHA-256 than the manifest");
            }
        }
        for (String label : manifest.keySet()) {
            if (!seen.contains(label)) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the manifest's " + label
                        + " is not in the catalog");
            }
        }
    }

    /** The copied log verifies against the manifest's checkpoint, signed by the backup's checkpoint key. */
    private static Checkpoint audit(Path dir, BackupManifest m) {
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(m.audit().vkey());
        } catch (WardenException e) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "malformed backup manifest: audit vkey: "
                    + e.getMessage());
        }
        NoteSigner signer = NoteSigner.read(dir.resolve(BackupLayout.CHECKPOINT_KEY));
        if (!signer.verifier().equals(key)) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, BackupLayout.CHECKPOINT_KEY + " is not the key "
                    + "of the manifest's audit checkpoint");
        }
        byte[] note = m.audit().checkpoint().getBytes(StandardCharsets.UTF_8);
        try {
            if (!Arrays.equals(Files.readAllBytes(dir.resolve(BackupLayout.CHECKPOINT)), note)) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, BackupLayout.CHECKPOINT + " is not the "
                        + "manifest's audit checkpoint");
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + BackupLayout.CHECKPOINT);
        }
        MerkleLogVerifier.Result r = MerkleLogVerifier.verify(dir.resolve(BackupLayout.AUDIT_LOG), note, key);
        if (!r.ok()) throw new WardenException(ErrorCode.VERIFICATION_FAILED, "audit log: " + r.problem());
        if (r.checkpoint().size() != m.audit().size()) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the audit checkpoint covers "
                    + r.checkpoint().size() + " entries; the manifest says " + m.audit().size());
        }
        return r.checkpoint();
    }

    /** The operations log's hash chain holds, and the keyring opens. */
    private static Keyring keyring(Path dir, Passphrase passphrase) {
        new OpsLog(dir.resolve(BackupLayout.KEYRING_OPS), null).verify();
        Path file = dir.resolve(BackupLayout.KEYRING);
        if (passphrase == null && !Keyring.isInsecurePlaintext(file)) {
            throw new WardenException(ErrorCode.BAD_KEY, "the backup's keyring is protected by a passphrase: give it, "
                    + "so that every version can be unsealed and checked");
        }
        try {
            return Keyring.read(file, passphrase == null ? Map.of()
                    : Map.of(MasterKeys.passphraseProvider(), MasterKeys.passphrase(() -> passphrase)));
        } catch (WardenException e) {
            throw new WardenException(e.code(), "the backup's keyring: " + e.getMessage());
        }
    }

    /** The blob unseals, and its plaintext has the size and SHA-256 recorded; nothing of it is kept. */
    private static void blob(Path dir, VersionEntry v, Keyring keyring) {
        Path file = BackupFiles.resolve(dir, v.blobPath());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, v.label() + ": " + v.blobPath() + " is missing");
        }
        Digesting sink = new Digesting();
        try {
            Sealer.unseal(file, sink, "(checked, not kept)", keyring, new Sealer.Expect(v.dataset(), null));
        } catch (WardenException e) {
            throw new WardenException(e.code(), v.label() + " (" + v.blobPath() + "): " + e.getMessage());
        }
        if (sink.size != v.size() || !HexFormat.of().formatHex(sink.digest.digest()).equals(v.sha256())) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, v.label() + " (" + v.blobPath() + "): its "
                    + "plaintext is not what the catalog recorded (size or SHA-256 differs)");
        }
    }

    /** A channel that only counts and hashes what it is given. */
    private static final class Digesting implements WritableByteChannel {
        final MessageDigest digest = FileDigest.sha256();
        long size;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            digest.update(src);
            size += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // nothing is kept
        }
    }
}
