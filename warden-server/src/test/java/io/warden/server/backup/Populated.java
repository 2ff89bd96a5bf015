package io.warden.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.crypto.Passphrase;
import io.warden.server.ServerConfig;
import io.warden.server.TestServers;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A real server with something worth backing up: an admin and a steward with TOTP, an engineer, two datasets with
 * versions under two key versions (one of them 3 MiB, several sealed segments), a grant, and a destroyed dataset.
 */
final class Populated implements AutoCloseable {
    static final String ADMIN_PW = "correct horse battery staple";
    static final String PW = "another long passphrase";
    static final String PASSPHRASE = "the server's own long passphrase";

    final WardenServer server;
    final MovableClock clock;
    final String databaseUrl;
    /** What each version holds: "dataset/version" to its file. */
    final Map<String, Path> contents = new LinkedHashMap<>();
    String stewSecret;

    private Populated(WardenServer server, MovableClock clock, String databaseUrl) {
        this.server = server;
        this.clock = clock;
        this.databaseUrl = databaseUrl;
    }

    static Passphrase passphrase() {
        return Passphrase.of(PASSPHRASE.toCharArray());
    }

    /** Starts a server on {@code data} (keyring under {@link #PASSPHRASE}, or none) and fills it. */
    static Populated start(Path data, TestServers.Backend backend, boolean withPassphrase, Path scratch)
            throws Exception {
        MovableClock clock = new MovableClock();
        String url = TestServers.database(backend);
        WardenServer server = WardenServer.start(ServerConfig.defaults(data, 0).withDatabase(url),
                withPassphrase ? passphrase() : null, clock);
        Populated p = new Populated(server, clock, url);
        try {
            p.fill(scratch);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return p;
    }

    /** A server on a restored data directory, with the same clock (moved on, so used TOTP codes stay used). */
    static WardenServer restart(Path data, String databaseUrl, MovableClock clock, boolean withPassphrase) {
        clock.advance(Duration.ofSeconds(60));
        return WardenServer.start(ServerConfig.defaults(data, 0).withDatabase(databaseUrl),
                withPassphrase ? passphrase() : null, clock);
    }

    private void fill(Path scratch) throws IOException {
        WardenClient anon = TestServers.client(server);
        anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                "user", "root", "password", ADMIN_PW));
        WardenClient admin = anon.as(TestServers.login(anon, "root", ADMIN_PW, null));
        enroll(admin);
        admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
        admin.expect("POST", "/api/v1/users", Map.of("name", "eng", "role", "ml-engineer", "password", PW));

        WardenClient stew = anon.as(TestServers.login(anon, "stew", PW, null));
        stewSecret = enroll(stew);
        stew.expect("POST", "/api/v1/datasets", Map.of("name", "census", "description", "Adult"));
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        upload(stew, "census", Files.write(scratch.resolve("census-1.bin"), big), "raw");
        upload(stew, "census", Files.writeString(scratch.resolve("census-2.csv"), "name\n<PERSON>\n"), "protected");
        stew.expect("POST", "/api/v1/datasets/census/key/rotate", null);
        JsonNode v3 = upload(stew, "census", Files.writeString(scratch.resolve("census-3.csv"), "name\n<P>\n<Q>\n"),
                "protected");
        assertThat(v3.get("key_version").asInt()).isEqualTo(2);
        stew.expect("PUT", "/api/v1/datasets/census/grants/eng", null);
        stew.expect("POST", "/api/v1/datasets", Map.of("name", "notes"));
        upload(stew, "notes", Files.writeString(scratch.resolve("notes-1.txt"), "nothing to see\n"), "protected");
        stew.expect("POST", "/api/v1/datasets", Map.of("name", "gone"));
        stew.upload("gone", Files.writeString(scratch.resolve("gone-1.txt"), "shredded\n"), "protected");
        stew.expect("DELETE", "/api/v1/datasets/gone?confirm=gone", null);
    }

    private JsonNode upload(WardenClient c, String dataset, Path file, String kind) {
        JsonNode v = c.upload(dataset, file, kind);
        contents.put(dataset + "/" + v.get("version").asInt(), file);
        return v;
    }

    /** Enrolls the signed-in user in TOTP; returns the secret. */
    String enroll(WardenClient c) {
        String secret = c.expect("POST", "/api/v1/mfa/enroll", null).get("secret").asText();
        c.expect("POST", "/api/v1/mfa/confirm", Map.of("code", TestServers.code(secret, clock)));
        return secret;
    }

    @Override
    public void close() {
        server.close();
    }
}
