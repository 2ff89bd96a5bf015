package io.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.tlog.Checkpoint;
import io.warden.crypto.tlog.MerkleProofs;
import io.warden.crypto.tlog.NoteVerifier;
import io.warden.server.TestServers.Backend;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.client.WardenClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole server on each database: bootstrap, MFA, users, datasets, grants, downloads, audit proofs. */
class ServerFlowTest {
    static final String ADMIN_PW = "correct horse battery staple";
    static final String PW = "another long passphrase";

    @TempDir
    Path dir;

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (WardenException e) {
            return e.code();
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void wholeFlow_bootstrapMfaUploadGrantDownloadAudit(Backend backend) throws Exception {
        MovableClock clock = new MovableClock();
        try (WardenServer server = TestServers.start(dir.resolve("data"), backend, clock)) {
            WardenClient anon = TestServers.client(server);
            String credential = server.bootstrapCredential().orElseThrow();
            String other = io.warden.server.identity.Token.generate(io.warden.server.identity.TokenKind.API).reveal();
            assertThat(anon.call("POST", "/api/v1/bootstrap", Map.of("credential", other, "user", "root",
                    "password", ADMIN_PW)).status()).isEqualTo(401);
            anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", credential, "user", "root",
                    "password", ADMIN_PW));
            assertThat(anon.call("POST", "/api/v1/bootstrap", Map.of("credential", credential, "user", "root2",
                    "password", ADMIN_PW)).status()).isEqualTo(401);

            WardenClient admin = anon.as(TestServers.login(anon, "root", ADMIN_PW, null));
            assertThat(admin.expect("GET", "/api/v1/session", null).get("role").asText()).isEqualTo("admin");
            // managing users is sensitive: not before a second factor
            assertThat(code(() -> admin.expect("POST", "/api/v1/users", Map.of("name", "stew",
                    "role", "data-steward", "password", PW)))).isEqualTo(ErrorCode.MFA_REQUIRED);
            String adminSecret = enroll(admin, clock);
            for (String[] u : new String[][] {{"stew", "data-steward"}, {"eng", "ml-engineer"}, {"aud", "auditor"},
                {"svc", "training-service"}}) {
                admin.expect("POST", "/api/v1/users", Map.of("name", u[0], "role", u[1], "password", PW));
            }
            // a used TOTP code does not sign in again
            clock.advance(Duration.ofSeconds(30));
            String c1 = TestServers.code(adminSecret, clock);
            TestServers.login(anon, "root", ADMIN_PW, c1);
            assertThat(code(() -> TestServers.login(anon, "root", ADMIN_PW, c1)))
                    .isEqualTo(ErrorCode.UNAUTHENTICATED);

            WardenClient stew = anon.as(TestServers.login(anon, "stew", PW, null));
            stew.expect("POST", "/api/v1/datasets", Map.of("name", "census", "description", "Adult"));
            Path raw = Files.writeString(dir.resolve("raw.csv"), "name,email\nAda,ada@example.org\n");
            Path prot = Files.writeString(dir.resolve("protected.csv"), "name,email\n<PERSON>,<EMAIL>\n");
            assertThat(stew.upload("census", raw, "raw").get("version").asInt()).isEqualTo(1);
            JsonNode v2 = stew.upload("census", prot, "protected");
            assertThat(v2.get("sha256").asText()).hasSize(64);
            stew.expect("PUT", "/api/v1/datasets/census/grants/eng", null);
            // a version carries its manifest, signature and scan report as JSON documents
            stew.expect("PUT", "/api/v1/datasets/census/versions/2/manifest", Map.of("files", Map.of("protected.csv",
                    v2.get("sha256").asText())));
            assertThat(stew.expect("GET", "/api/v1/datasets/census/versions/2/manifest", null).at("/files/protected.csv")
                    .asText()).isEqualTo(v2.get("sha256").asText());
            assertThat(stew.call("GET", "/api/v1/datasets/census/versions/2/signature", null).status()).isEqualTo(404);
            assertThat(stew.call("GET", "/api/v1/datasets/census/versions/2/other", null).status()).isEqualTo(404);

            WardenClient eng = anon.as(TestServers.login(anon, "eng", PW, null));
            Path got = dir.resolve("got.csv");
            eng.download("census", 2, false, got);
            assertThat(Files.readString(got)).isEqualTo(Files.readString(prot));
            assertThat(code(() -> eng.download("census", 1, true, dir.resolve("x")))).isEqualTo(
                    ErrorCode.PERMISSION_DENIED);
            assertThat(code(() -> eng.download("census", 1, false, dir.resolve("x")))).isEqualTo(
                    ErrorCode.PERMISSION_DENIED);
            assertThat(Files.exists(dir.resolve("x"))).isFalse();
            // the steward may read raw data, after a second factor
            assertThat(code(() -> stew.download("census", 1, true, dir.resolve("y")))).isEqualTo(
                    ErrorCode.MFA_REQUIRED);
            enroll(stew, clock);
            stew.download("census", 1, true, dir.resolve("y"));
            assertThat(Files.readString(dir.resolve("y"))).isEqualTo(Files.readString(raw));

            // an admin resets a lost second factor: the user's sessions end, and a code is no longer asked
            clock.advance(Duration.ofSeconds(30));
            WardenClient admin2 = anon.as(TestServers.login(anon, "root", ADMIN_PW, TestServers.code(adminSecret,
                    clock)));
            admin2.expect("DELETE", "/api/v1/users/stew/mfa", null);
            assertThat(stew.call("GET", "/api/v1/session", null).status()).isEqualTo(401);
            assertThat(admin2.call("DELETE", "/api/v1/users/root/mfa", null).status()).isEqualTo(409);
            WardenClient stewAgain = anon.as(TestServers.login(anon, "stew", PW, null));
            assertThat(code(() -> stewAgain.download("census", 1, true, dir.resolve("w")))).isEqualTo(
                    ErrorCode.MFA_REQUIRED);

            // a password change ends the user's other sessions and retires the old password
            WardenClient eng2 = anon.as(TestServers.login(anon, "eng", PW, null));
            assertThat(code(() -> eng.expect("POST", "/api/v1/session/password", Map.of("current", "wrong password!",
                    "new", "brand new passphrase")))).isEqualTo(ErrorCode.UNAUTHENTICATED);
            eng.expect("POST", "/api/v1/session/password", Map.of("current", PW, "new", "brand new passphrase"));
            assertThat(eng2.call("GET", "/api/v1/session", null).status()).isEqualTo(401);
            assertThat(eng.call("GET", "/api/v1/session", null).status()).isEqualTo(200);
            assertThat(code(() -> TestServers.login(anon, "eng", PW, null))).isEqualTo(ErrorCode.UNAUTHENTICATED);
            TestServers.login(anon, "eng", "brand new passphrase", null);

            // someone without a grant sees nothing of the dataset
            WardenClient svc = anon.as(TestServers.login(anon, "svc", PW, null));
            assertThat(code(() -> svc.download("census", 2, false, dir.resolve("z")))).isEqualTo(
                    ErrorCode.PERMISSION_DENIED);
            assertThat(anon.call("GET", "/api/v1/nothing/here", null).status()).isEqualTo(404);

            // the auditor checks the log: signed checkpoint, inclusion of the first event
            WardenClient aud = anon.as(TestServers.login(anon, "aud", PW, null));
            NoteVerifier key = NoteVerifier.parse(anon.text("/api/v1/audit/key").trim());
            byte[] note = aud.text("/api/v1/audit/checkpoint").getBytes(StandardCharsets.UTF_8);
            Checkpoint cp = Checkpoint.open(note, key);
            assertThat(cp.size()).isGreaterThan(20);
            JsonNode proof = aud.expect("GET", "/api/v1/audit/proof/inclusion?index=0&size=" + cp.size(), null);
            List<byte[]> path = new ArrayList<>();
            proof.get("proof").forEach(p -> path.add(Base64.getDecoder().decode(p.asText())));
            MerkleProofs.verifyInclusion(0, cp.size(), Base64.getDecoder().decode(proof.get("leaf_hash").asText()),
                    path, cp.root());
            assertThat(aud.call("GET", "/metrics", null).status()).isEqualTo(200);
            assertThat(eng.call("GET", "/metrics", null).status()).isEqualTo(403);
        }
    }

    /** Enrolls the signed-in user in TOTP; returns the secret. */
    static String enroll(WardenClient c, MovableClock clock) {
        JsonNode e = c.expect("POST", "/api/v1/mfa/enroll", null);
        assertThat(e.get("otpauth_uri").asText()).startsWith("otpauth://totp/");
        String secret = e.get("secret").asText();
        JsonNode codes = c.expect("POST", "/api/v1/mfa/confirm", Map.of("code", TestServers.code(secret, clock)));
        assertThat(codes.get("recovery_codes")).hasSize(10);
        return secret;
    }
}
