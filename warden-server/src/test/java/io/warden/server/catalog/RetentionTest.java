package io.warden.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.TestServers;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final String PW = "retention test pw 12";

    @TempDir
    Path dir;

    @Test
    void sweep_deletesVersionsPastRetention_auditedFirst_andKeepsTheRest() throws Exception {
        MovableClock clock = new MovableClock();
        try (WardenServer server = TestServers.start(dir.resolve("data"), TestServers.Backend.SQLITE, clock)) {
            WardenClient anon = TestServers.client(server);
            WardenClient admin = TestServers.adminWithMfa(server, PW, clock);
            admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
            WardenClient stew = anon.as(TestServers.login(anon, "stew", PW, null));
            stew.expect("POST", "/api/v1/datasets", Map.of("name", "logs"));
            stew.expect("POST", "/api/v1/datasets", Map.of("name", "kept"));
            Path f = Files.writeString(dir.resolve("a.txt"), "old data\n");
            stew.upload("logs", f, "raw");
            stew.upload("kept", f, "raw");
            Map<String, Object> bad = new HashMap<>();
            for (Object days : new Object[] {0, -1, 1.5, "7", 100_000}) {
                bad.put("days", days);
                assertThat(stew.call("PUT", "/api/v1/datasets/logs/retention", bad).status()).as("%s", days)
                        .isEqualTo(400);
            }
            stew.expect("PUT", "/api/v1/datasets/logs/retention", Map.of("days", 1));
            clock.advance(Duration.ofHours(20));
            stew = anon.as(TestServers.login(anon, "stew", PW, null)); // sessions last 8 h
            stew.upload("logs", f, "raw"); // a newer version, inside the window
            assertThat(server.sweepRetention()).isZero();

            clock.advance(Duration.ofHours(6)); // the first version is now 26 h old, the second 6 h
            long audited = server.audit().size();
            assertThat(server.sweepRetention()).isEqualTo(1);
            assertThat(server.audit().size()).isEqualTo(audited + 1);
            WardenClient again = anon.as(TestServers.login(anon, "stew", PW, null));
            JsonNode logs = again.expect("GET", "/api/v1/datasets/logs", null);
            assertThat(logs.get("versions")).hasSize(1);
            assertThat(logs.at("/versions/0/version").asInt()).isEqualTo(2);
            assertThat(again.expect("GET", "/api/v1/datasets/kept", null).get("versions")).hasSize(1);
            try (Stream<Path> blobs = Files.list(dir.resolve("data/blobs/logs"))) {
                assertThat(blobs.count()).isEqualTo(1);
            }
            assertThat(again.expect("GET", "/api/v1/datasets/logs/retention", null).get("days").asInt()).isEqualTo(1);
        }
    }
}
