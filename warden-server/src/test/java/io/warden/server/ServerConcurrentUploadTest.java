package io.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.TestServers.Backend;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.client.WardenClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads racing on one dataset: each gets its own version number, all are acknowledged, and no sealed blob is left
 * without its version. Found by {@code bench/server-load.sh}: two uploads committing at once made SQLite answer
 * SQLITE_BUSY (a 503 to the client, the sealed blob left behind), and on PostgreSQL both could pick the same number.
 */
class ServerConcurrentUploadTest {
    private static final int THREADS = 8;
    private static final int EACH = 6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentUploads_allAcknowledged_distinctVersions_noOrphanBlobs(Backend backend) throws Exception {
        MovableClock clock = new MovableClock();
        try (WardenServer server = TestServers.start(dir.resolve("data"), backend, clock)) {
            WardenClient anon = TestServers.client(server);
            WardenClient admin = TestServers.adminWithMfa(server, ServerFlowTest.ADMIN_PW, clock);
            admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward",
                    "password", ServerFlowTest.PW));
            WardenClient stew = anon.as(TestServers.login(anon, "stew", ServerFlowTest.PW, null));
            stew.expect("POST", "/api/v1/datasets", Map.of("name", "race"));

            List<Path> files = new ArrayList<>();
            for (int i = 0; i < THREADS * EACH; i++) {
                files.add(Files.writeString(dir.resolve("part-" + i + ".txt"), "part " + i + "\n".repeat(i)));
            }
            Map<Integer, String> shaByVersion = new TreeMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                List<Future<List<JsonNode>>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int first = t * EACH;
                    done.add(pool.submit(() -> {
                        List<JsonNode> out = new ArrayList<>();
                        for (int i = first; i < first + EACH; i++) out.add(stew.upload("race", files.get(i), "protected"));
                        return out;
                    }));
                }
                for (Future<List<JsonNode>> f : done) {
                    for (JsonNode v : f.get()) {
                        assertThat(shaByVersion.put(v.get("version").asInt(), v.get("sha256").asText())).isNull();
                    }
                }
            }
            Set<Integer> expected = new TreeSet<>();
            for (int i = 1; i <= THREADS * EACH; i++) expected.add(i);
            assertThat(shaByVersion.keySet()).isEqualTo(expected);
            Set<String> sent = new TreeSet<>();
            for (Path f : files) sent.add(sha256(Files.readAllBytes(f)));
            assertThat(new TreeSet<>(shaByVersion.values())).isEqualTo(sent);
            assertThat(stew.expect("GET", "/api/v1/datasets/race", null).get("versions")).hasSize(THREADS * EACH);
            try (Stream<Path> blobs = Files.list(dir.resolve("data/blobs/race"))) {
                assertThat(blobs.map(p -> p.getFileName().toString()).toList())
                        .hasSize(THREADS * EACH).allMatch(n -> n.endsWith(".sealed") && !n.startsWith("."));
            }
            Path back = dir.resolve("back");
            for (var e : shaByVersion.entrySet()) {
                assertThat(stew.download("race", e.getKey(), false, back)).isEqualTo(e.getValue());
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
