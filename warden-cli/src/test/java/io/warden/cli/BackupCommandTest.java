package io.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.crypto.Passphrase;
import io.warden.server.ServerConfig;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden backup} and {@code warden restore} on a real server's data: what they print and their exit codes. */
class BackupCommandTest {
    private static final String PASSPHRASE = "a server passphrase, long enough";

    @TempDir
    Path dir;
    private Path data;
    private Path passphraseFile;

    @BeforeEach
    void aServerWithADataset() throws IOException {
        data = dir.resolve("data");
        passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        try (WardenServer server = WardenServer.start(ServerConfig.defaults(data, 0),
                Passphrase.of(PASSPHRASE.toCharArray()))) {
            WardenClient anon = new WardenClient(URI.create(server.url()), server.certificateFingerprint(), null);
            anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                    "user", "root", "password", "correct horse battery staple"));
            String token = anon.expect("POST", "/api/v1/session", Map.of("user", "root",
                    "password", "correct horse battery staple")).get("token").asText();
            anon.as(token).expect("POST", "/api/v1/datasets", Map.of("name", "census"));
        }
    }

    @Test
    void backupThenVerifyThenRestore_printWhatWasChecked() {
        Path backup = dir.resolve("backup");
        CliRun b = CliRun.of("backup", "--data", data.toString(), "-o", backup.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.out()).contains("backup of " + data + " written to " + backup,
                "catalog:  sqlite (schema 1): 1 users, 1 datasets, 0 versions", "audit:    ", "manifest: sha256 ");
        String manifestSha = b.out().lines().filter(l -> l.contains("manifest: sha256 ")).findFirst().orElseThrow()
                .replaceAll(".*sha256 ([0-9a-f]{64}).*", "$1");

        CliRun v = CliRun.of("restore", backup.toString(), "--verify-only", "--passphrase-file",
                passphraseFile.toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out()).contains("backup " + backup + " verified", "none missing, none added",
                "versions: 0 unsealed", "passphrase-protected", "manifest: sha256 " + manifestSha)
                .doesNotContain("restored into");

        Path restored = dir.resolve("restored");
        CliRun r = CliRun.of("restore", backup.toString(), "--data", restored.toString(), "--passphrase-file",
                passphraseFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("restored into " + restored);
        assertThat(restored.resolve("keyring.json")).exists();

        CliRun again = CliRun.of("restore", backup.toString(), "--data", restored.toString(), "--passphrase-file",
                passphraseFile.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("warden: " + restored + " is not empty; restore into a new or empty "
                + "directory\n");
    }

    @Test
    void aDamagedBackup_exits1_withOneLine_andRestoresNothing() throws IOException {
        Path backup = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--data", data.toString(), "-o", backup.toString()).exit()).isZero();
        try (RandomAccessFile f = new RandomAccessFile(backup.resolve("keyring.json").toFile(), "rw")) {
            f.seek(30);
            int x = f.read();
            f.seek(30);
            f.write(x ^ 1);
        }
        Path restored = dir.resolve("restored");
        CliRun r = CliRun.of("restore", backup.toString(), "--data", restored.toString(), "--passphrase-file",
                passphraseFile.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("warden: keyring.json does not match its SHA-256 in the manifest (altered or "
                + "damaged)\n");
        assertThat(restored).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "passphrase",
                    "backup");
        }
    }

    @Test
    void badUsageAndBadInput_exit2() throws IOException {
        Path backup = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--data", data.toString(), "-o", backup.toString()).exit()).isZero();
        CliRun exists = CliRun.of("backup", "--data", data.toString(), "-o", backup.toString());
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(exists.err()).contains(backup + " exists");

        CliRun noTarget = CliRun.of("restore", backup.toString());
        assertThat(noTarget.exit()).isEqualTo(2);
        assertThat(noTarget.err()).contains("give --data DIR to restore into, or --verify-only");

        CliRun missing = CliRun.of("restore", dir.resolve("nothing").toString(), "--verify-only");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");

        Path wrong = Files.writeString(dir.resolve("wrong"), "not the passphrase at all\n");
        CliRun bad = CliRun.of("restore", backup.toString(), "--verify-only", "--passphrase-file", wrong.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("warden: the backup's keyring: ").doesNotContain(PASSPHRASE);

        CliRun none = CliRun.of("restore", backup.toString(), "--verify-only", "--passphrase-env",
                "WARDEN_TEST_UNSET_VARIABLE");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("protected by a passphrase");
    }
}
