package io.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.server.TestServers.Backend;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.client.WardenClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Taking access away works on the very next request, however hot the credential was just before: a revoked grant, a
 * deleted user (its session and its API token), a signed-out session.
 */
class RevocationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void revokedGrant_deletedUser_signedOut_refusedOnTheNextRequest(Backend backend) throws Exception {
        MovableClock clock = new MovableClock();
        try (WardenServer server = TestServers.start(dir.resolve("data"), backend, clock)) {
            WardenClient anon = TestServers.client(server);
            WardenClient admin = TestServers.adminWithMfa(server, ServerFlowTest.ADMIN_PW, clock);
            for (String[] u : new String[][] {{"stew", "data-steward"}, {"eng", "ml-engineer"}}) {
                admin.expect("POST", "/api/v1/users", Map.of("name", u[0], "role", u[1], "password",
                        ServerFlowTest.PW));
            }
            WardenClient stew = anon.as(TestServers.login(anon, "stew", ServerFlowTest.PW, null));
            stew.expect("POST", "/api/v1/datasets", Map.of("name", "census"));
            stew.expect("PUT", "/api/v1/datasets/census/grants/eng", null);
            WardenClient eng = anon.as(TestServers.login(anon, "eng", ServerFlowTest.PW, null));
            String tokenText = eng.expect("POST", "/api/v1/tokens", Map.of("label", "job", "datasets",
                    List.of("census"), "actions", List.of("read"), "days", 1)).get("token").asText();
            WardenClient token = anon.as(tokenText);
            String meta = "/api/v1/datasets/census";

            // hot credentials: many requests just before each change
            for (int i = 0; i < 50; i++) {
                assertThat(eng.call("GET", meta, null).status()).isEqualTo(200);
                assertThat(token.call("GET", meta, null).status()).isEqualTo(200);
            }
            stew.expect("DELETE", "/api/v1/datasets/census/grants/eng", null);
            assertThat(eng.call("GET", meta, null).status()).isEqualTo(403);
            assertThat(token.call("GET", meta, null).status()).isEqualTo(403);
            stew.expect("PUT", "/api/v1/datasets/census/grants/eng", null);
            assertThat(eng.call("GET", meta, null).status()).isEqualTo(200);

            admin.expect("DELETE", "/api/v1/users/eng", null);
            assertThat(eng.call("GET", meta, null).status()).isEqualTo(401);
            assertThat(token.call("GET", meta, null).status()).isEqualTo(401);
            assertThat(eng.call("GET", "/api/v1/session", null).status()).isEqualTo(401);

            for (int i = 0; i < 50; i++) assertThat(stew.call("GET", meta, null).status()).isEqualTo(200);
            stew.expect("DELETE", "/api/v1/session", null);
            assertThat(stew.call("GET", meta, null).status()).isEqualTo(401);
        }
    }
}
