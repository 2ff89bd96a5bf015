package io.warden.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.crypto.tlog.MerkleLogVerifier;
import io.warden.server.TestServers;
import io.warden.server.TestServers.Backend;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backup of a serving server, restore into a new place, a new server on it: same users (passwords and TOTP), same
 * datasets and versions (downloads match), and an audit log that verifies and extends the backup's checkpoint. On
 * SQLite and PostgreSQL, and from either into the other.
 */
class BackupRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of(Backend.SQLITE, Backend.SQLITE), Arguments.of(Backend.POSTGRESQL,
                Backend.POSTGRESQL), Arguments.of(Backend.SQLITE, Backend.POSTGRESQL),
                Arguments.of(Backend.POSTGRESQL, Backend.SQLITE));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("backends")
    void aBackupTakenWhileServing_restoresUsersDatasetsVersionsAndAnAuditLogThatVerifies(Backend from, Backend to)
            throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        BackupManifest manifest;
        Map<String, Path> contents;
        TestServers.MovableClock clock;
        String stewSecret;
        try (Populated p = Populated.start(data, from, true, Files.createDirectories(dir.resolve("in")))) {
            clock = p.clock;
            contents = p.contents;
            stewSecret = p.stewSecret;
            WardenClient anon = TestServers.client(p.server);
            WardenClient eng = anon.as(TestServers.login(anon, "eng", Populated.PW, null));
            // requests keep coming (and being audited) while the backup runs
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger served = new AtomicInteger();
            Thread traffic = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    eng.expect("GET", "/api/v1/datasets", null);
                    served.incrementAndGet();
                }
            });
            try {
                manifest = Backup.create(data, p.databaseUrl, backup);
            } finally {
                stop.set(true);
                traffic.join();
            }
            assertThat(served.get()).isPositive();
        }
        assertThat(manifest.source()).isEqualTo(from == Backend.SQLITE ? BackupManifest.Source.SQLITE
                : BackupManifest.Source.POSTGRESQL);
        assertThat(manifest.versions()).extracting(BackupManifest.VersionEntry::label).containsExactly(
                "census version 1", "census version 2", "census version 3", "notes version 1");
        assertThat(manifest.tables()).containsEntry("users", 3L).containsEntry("datasets", 3L);
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String secret : BackupLayout.SECRETS) {
            assertThat(Files.getPosixFilePermissions(BackupFiles.resolve(backup, secret))).as(secret)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        Path restored = dir.resolve("restored");
        String target = TestServers.database(to);
        Restore.Report report = Restore.into(backup, restored, target, Populated.passphrase());
        assertThat(report.versionsChecked()).isEqualTo(4);
        assertThat(report.auditEntries()).isEqualTo(manifest.audit().size());
        assertThat(Files.exists(restored.resolve(BackupLayout.MANIFEST))).isFalse();
        assertThat(Files.exists(restored.resolve(BackupLayout.DATABASE))).isEqualTo(to == Backend.SQLITE);
        assertThat(Files.exists(restored.resolve("catalog"))).isFalse();
        assertThat(Files.getPosixFilePermissions(restored.resolve(BackupLayout.KEYRING)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (WardenServer server = Populated.restart(restored, target, clock, true)) {
            WardenClient anon = TestServers.client(server);
            assertThat(server.bootstrapCredential()).isEmpty();
            WardenClient eng = anon.as(TestServers.login(anon, "eng", Populated.PW, null));
            for (String v : new String[] {"census/2", "census/3"}) {
                Path got = dir.resolve("got-" + v.replace('/', '-'));
                eng.download("census", Integer.parseInt(v.substring(7)), false, got);
                assertThat(Files.readAllBytes(got)).as(v).isEqualTo(Files.readAllBytes(contents.get(v)));
            }
            // the steward's TOTP secret was sealed with the keyring: signing in with a code proves it came along
            WardenClient stew = anon.as(TestServers.login(anon, "stew", Populated.PW,
                    TestServers.code(stewSecret, clock)));
            Path raw = dir.resolve("got-census-1");
            stew.download("census", 1, true, raw);
            assertThat(Files.readAllBytes(raw)).isEqualTo(Files.readAllBytes(contents.get("census/1")));
            stew.download("notes", 1, false, dir.resolve("got-notes-1"));
            JsonNode datasets = stew.expect("GET", "/api/v1/datasets", null).get("datasets");
            assertThat(datasets).extracting(d -> d.get("name").asText()).contains("census", "notes");

            byte[] now = server.audit().checkpoint();
            Path log = restored.resolve(BackupLayout.AUDIT_LOG);
            assertThat(MerkleLogVerifier.verify(log, now, server.audit().verifier()).ok()).isTrue();
            assertThat(MerkleLogVerifier.verifyConsistency(log, manifest.audit().checkpoint()
                    .getBytes(StandardCharsets.UTF_8), now, server.audit().verifier()).ok()).isTrue();
        }
    }
}
