package io.warden.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.TestServers;
import io.warden.server.TestServers.Backend;
import io.warden.server.client.WardenClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a backup can be wrong, each refused with one line that names what is wrong, and nothing half-written
 * left behind: damaged bytes anywhere, files missing or added, a broken or foreign manifest, a wrong passphrase,
 * a target that is not empty.
 */
class RestoreBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path data;
    private static Path original;
    private static Path other;

    @TempDir
    Path dir;
    private Path backup;

    @BeforeAll
    static void aServerAndTwoBackupsOfIt() throws Exception {
        data = shared.resolve("data");
        original = shared.resolve("backup");
        other = shared.resolve("later");
        try (Populated p = Populated.start(data, Backend.SQLITE, true, Files.createDirectories(shared.resolve("in")))) {
            Backup.create(data, null, original);
            WardenClient anon = TestServers.client(p.server);
            TestServers.login(anon, "eng", Populated.PW, null);
            Backup.create(data, null, other);
        }
    }

    @BeforeEach
    void aCopyToDamage() throws IOException {
        backup = copyTree(original, dir.resolve("b"));
    }

    @Test
    void anIntactBackup_verifies_andSaysWhatWasChecked() {
        Restore.Report r = Restore.verify(backup, Populated.passphrase());
        assertThat(r.versionsChecked()).isEqualTo(4);
        assertThat(r.auditEntries()).isEqualTo(r.manifest().audit().size()).isPositive();
        assertThat(r.insecureKeyring()).isFalse();
        assertThat(r.manifestSha256()).hasSize(64);
        assertThat(r.bytes()).isGreaterThan(3 << 20);
    }

    @Test
    void aFlippedByteInABlob_isNamedWithItsVersion() throws IOException {
        String blob = version("census", 1).blobPath();
        flip(BackupFiles.resolve(backup, blob), 1000);
        assertVerification().hasMessageStartingWith(blob + " (census version 1) does not match its SHA-256");
    }

    @Test
    void aFlippedByteInTheDatabaseCopy_isNamed() throws IOException {
        flip(backup.resolve("warden.db"), 5000);
        assertVerification().hasMessageStartingWith("warden.db does not match its SHA-256");
    }

    @Test
    void aFlippedByteInTheKeyring_isNamed() throws IOException {
        flip(backup.resolve("keyring.json"), 40);
        assertVerification().hasMessageStartingWith("keyring.json does not match its SHA-256");
    }

    @Test
    void aFlippedByteInAnAuditEntry_isNamed() throws IOException {
        flip(backup.resolve("audit/log/entries"), 200);
        assertVerification().hasMessageStartingWith("audit/log/entries does not match its SHA-256");
    }

    @Test
    void anAuditEntryAltered_withTheManifestFixedUp_failsAgainstTheSignedCheckpoint() throws IOException {
        Path entries = backup.resolve("audit/log/entries");
        flip(entries, 200);
        rehash("audit/log/entries");
        assertVerification().hasMessageStartingWith("audit log: entry ");
    }

    @Test
    void aBlobSwappedForAnother_withTheManifestFixedUp_failsOnItsPlaintextHash() throws IOException {
        String v2 = version("census", 2).blobPath();
        Files.copy(BackupFiles.resolve(backup, version("census", 3).blobPath()), BackupFiles.resolve(backup, v2),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        rehash(v2);
        assertVerification().hasMessageStartingWith("census version 2 (" + v2 + "): its plaintext is not what the "
                + "catalog recorded");
    }

    @Test
    void theCatalogAltered_withTheManifestFixedUp_disagreesWithTheManifest() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup.resolve("warden.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE versions SET sha256 = '" + "0".repeat(64) + "' WHERE dataset = 'notes'");
        }
        rehash("warden.db");
        assertVerification().hasMessage("notes version 1: the catalog records another blob, size or SHA-256 than the "
                + "manifest");
    }

    @Test
    void aMissingFile_isNamed() throws IOException {
        Files.delete(backup.resolve("keyring.ops.jsonl"));
        assertVerification().hasMessage("keyring.ops.jsonl is missing from the backup");
    }

    @Test
    void anExtraFile_isNamed() throws IOException {
        Files.writeString(backup.resolve("blobs/notes/extra.txt"), "hello");
        assertVerification().hasMessage("blobs/notes/extra.txt is in the backup but not in its manifest");
    }

    @Test
    void aSymbolicLink_isRefused() throws IOException {
        Files.createSymbolicLink(backup.resolve("tls/link.pem"), backup.resolve("tls/cert.pem"));
        assertVerification().hasMessageContaining("tls/link.pem is a symbolic link");
    }

    @Test
    void aTruncatedManifest_isMalformed() throws IOException {
        Path m = backup.resolve("manifest.json");
        byte[] b = Files.readAllBytes(m);
        Files.write(m, java.util.Arrays.copyOf(b, b.length / 2));
        assertFails(ErrorCode.MALFORMED_INPUT).hasMessage("malformed backup manifest: it is not JSON (truncated?)");
    }

    @Test
    void anUnknownFormatVersion_isRefused() throws IOException {
        editManifest(m -> m.put("format_version", 2));
        assertFails(ErrorCode.MALFORMED_INPUT).hasMessageContaining("format version 2 is not one this Warden reads");
    }

    @Test
    void aManifestPathOutsideTheLayout_isRefused() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("files").get(0)).put("path", "../../etc/cron.d/x"));
        assertFails(ErrorCode.MALFORMED_INPUT).hasMessageContaining("\"../../etc/cron.d/x\" is not a file");
    }

    @Test
    void aManifestFromAnotherBackup_doesNotMatchItsFiles() throws IOException {
        Files.copy(other.resolve("manifest.json"), backup.resolve("manifest.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertVerification().hasMessageContaining("(and ").hasMessageContaining("more problems)");
    }

    @Test
    void theWrongPassphrase_orNone_isABadKey() {
        assertThatThrownBy(() -> Restore.verify(backup, Passphrase.of("not the right passphrase".toCharArray())))
                .isInstanceOf(WardenException.class).hasMessageStartingWith("the backup's keyring: ")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThatThrownBy(() -> Restore.verify(backup, null)).hasMessageContaining("protected by a passphrase")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_KEY);
    }

    @Test
    void aBackupDirectoryThatDoesNotExist_isNotFound() {
        assertThatThrownBy(() -> Restore.verify(dir.resolve("none"), null)).hasMessageContaining("does not exist")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
        assertThatThrownBy(() -> Restore.verify(dir, null)).hasMessageContaining("is not a Warden backup")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
    }

    @Test
    void restoringIntoANonEmptyDataDirectory_isRefused_andTouchesNothing() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Restore.into(backup, target, null, Populated.passphrase()))
                .hasMessage(target + " is not empty; restore into a new or empty directory")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(list(target)).containsExactly("notes.txt");
        assertThat(list(dir)).containsExactlyInAnyOrder("b", "target");
    }

    @Test
    void aFailedRestore_leavesNothingBehind() throws IOException {
        flip(BackupFiles.resolve(backup, version("notes", 1).blobPath()), 100);
        Path target = dir.resolve("target");
        assertThatThrownBy(() -> Restore.into(backup, target, null, Populated.passphrase()))
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
        assertThat(list(dir)).containsExactly("b");
    }

    @Test
    void anEmptyDataDirectory_isRestoredInto() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        Restore.into(backup, target, null, Populated.passphrase());
        assertThat(list(target)).contains("keyring.json", "warden.db", "blobs", "audit", "tls")
                .doesNotContain("manifest.json");
        assertThat(list(dir)).containsExactlyInAnyOrder("b", "target");
    }

    @Test
    void restoringIntoAPostgreSQLSchemaThatHoldsACatalog_isRefused_andLeavesNothing() throws Exception {
        String url = TestServers.database(Backend.POSTGRESQL);
        Restore.into(backup, dir.resolve("first"), url, Populated.passphrase());
        assertThatThrownBy(() -> Restore.into(backup, dir.resolve("second"), url, Populated.passphrase()))
                .hasMessageContaining("already holds a catalog")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(list(dir)).containsExactlyInAnyOrder("b", "first");
    }

    @Test
    void backingUpIntoAnExistingDirectory_isRefused_andTouchesNothing() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> Backup.create(data, null, out)).hasMessage(out + " exists; a backup is written to "
                + "a new directory").extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(list(out)).isEmpty();
        assertThat(list(dir)).containsExactlyInAnyOrder("b", "out");
    }

    @Test
    void aBackupInsideTheDataDirectory_orARestoreInsideTheBackup_isRefused() {
        assertThatThrownBy(() -> Backup.create(data, null, data.resolve("backup")))
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(data.resolve("backup")).doesNotExist();
        assertThatThrownBy(() -> Restore.into(backup, backup.resolve("data"), null, Populated.passphrase()))
                .hasMessageContaining("outside the backup")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(backup.resolve("data")).doesNotExist();
    }

    @Test
    void backingUpADamagedAuditLog_fails_andLeavesNothing() throws IOException {
        Path copy = copyTree(data, dir.resolve("data"));
        flip(copy.resolve("audit/log/entries"), 300);
        assertThatThrownBy(() -> Backup.create(copy, null, dir.resolve("out"))).hasMessageContaining("Merkle log")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
        assertThat(list(dir)).containsExactlyInAnyOrder("b", "data");
    }

    @Test
    void backingUpSomethingThatIsNotADataDirectory_isNotFound() throws IOException {
        assertThatThrownBy(() -> Backup.create(backup.resolve("blobs"), null, dir.resolve("out")))
                .hasMessageContaining("is not a Warden data directory")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
        assertThat(list(dir)).containsExactly("b");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertVerification() {
        return assertFails(ErrorCode.VERIFICATION_FAILED);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(ErrorCode code) {
        WardenException e = null;
        try {
            Restore.verify(backup, Populated.passphrase());
        } catch (WardenException x) {
            e = x;
        }
        assertThat(e).as("verification should fail").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).doesNotContain("\n");
        return assertThat((Throwable) e);
    }

    private BackupManifest.VersionEntry version(String dataset, int number) {
        return BackupChecks.manifest(backup).manifest().versions().stream()
                .filter(v -> v.dataset().equals(dataset) && v.version() == number).findFirst().orElseThrow();
    }

    /** Makes the manifest agree with the file at {@code path} again, as someone covering their tracks would. */
    private void rehash(String path) throws IOException {
        BackupManifest.FileEntry now = BackupFiles.hash(backup, path);
        editManifest(m -> m.get("files").forEach(f -> {
            if (f.get("path").asText().equals(path)) {
                ((ObjectNode) f).put("size", now.size()).put("sha256", now.sha256());
            }
        }));
    }

    private void editManifest(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path file = backup.resolve("manifest.json");
        ObjectNode m = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(m);
        JSON.writeValue(file.toFile(), m);
    }

    private static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = Math.min(offset, f.length() - 1);
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x20);
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
