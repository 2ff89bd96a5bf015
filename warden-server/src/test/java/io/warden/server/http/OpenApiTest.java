package io.warden.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.ServerConfig;
import io.warden.server.TestServers;
import io.warden.server.WardenServer;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void document_isServedPublicly_andDeclaresEveryRouteWithItsPermission() {
        try (WardenServer server = WardenServer.start(ServerConfig.defaults(dir, 0), null)) {
            JsonNode doc = TestServers.client(server).expect("GET", "/api/v1/openapi.json", null);
            assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
            for (Route r : server.routes()) {
                if (r.path().equals("/api/v1/openapi.json")) continue; // it describes the others
                JsonNode op = doc.path("paths").path(r.path()).path(r.method().name().toLowerCase(Locale.ROOT));
                assertThat(op.isMissingNode()).as("%s %s", r.method(), r.path()).isFalse();
                assertThat(op.get("x-warden-permission").asText()).isEqualTo(r.permission().name());
                assertThat(op.has("x-warden-requires-recent-mfa")).isEqualTo(r.permission().sensitive());
                assertThat(op.get("security").isEmpty()).isEqualTo(r.permission() == Permission.PUBLIC);
            }
            assertThat(doc.at("/components/schemas/Error/required").toString()).contains("error", "message");
        }
    }
}
