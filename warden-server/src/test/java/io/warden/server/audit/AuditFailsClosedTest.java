package io.warden.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.server.ServerConfig;
import io.warden.server.TestServers;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the audit log cannot record, requests fail with 503 and change nothing. */
class AuditFailsClosedTest {
    private static final String PW = "fails closed pw 1234";

    @TempDir
    Path dir;

    @Test
    void deadAuditLog_refusesReadsAndWrites_andNothingChanges() throws Exception {
        try (WardenServer server = WardenServer.start(ServerConfig.defaults(dir, 0), null)) {
            WardenClient anon = TestServers.client(server);
            anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                    "user", "root", "password", PW));
            WardenClient admin = anon.as(TestServers.login(anon, "root", PW, null));
            admin.expect("POST", "/api/v1/datasets", Map.of("name", "d"));

            server.audit().close(); // the log goes away under the server: every append now fails

            WardenClient.Reply read = admin.call("GET", "/api/v1/datasets", null);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.body().get("error").asText()).isEqualTo("UNAVAILABLE");
            assertThat(read.body().has("datasets")).as("nothing of the answer leaks").isFalse();
            WardenClient.Reply create = admin.call("POST", "/api/v1/datasets", Map.of("name", "e"));
            assertThat(create.status()).isEqualTo(503);
            assertThat(anon.call("POST", "/api/v1/session", Map.of("user", "root", "password", PW)).status())
                    .isEqualTo(503);
            assertThat(anon.call("GET", "/api/v1/health", null).status()).isEqualTo(503);
        }
        // the refused creation never happened: a server on the same data sees only d
        try (WardenServer again = WardenServer.start(ServerConfig.defaults(dir, 0), null)) {
            WardenClient anon = TestServers.client(again);
            WardenClient admin = anon.as(TestServers.login(anon, "root", PW, null));
            assertThat(admin.expect("GET", "/api/v1/datasets", null).get("datasets")).hasSize(1);
            assertThat(Files.readString(dir.resolve("keyring.json"))).doesNotContain("\"e\"");
        }
    }
}
