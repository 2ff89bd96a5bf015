package io.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.client.PinnedTrust;
import io.warden.server.client.WardenClient;
import java.util.List;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken requests: each gets a 4xx with a JSON error body and an audit record, never a 500 or a stack
 * trace, and leaves nothing half-stored.
 */
class ServerBadInputTest {
    private static final String PW = "bad input passphrase 1";

    @TempDir
    static Path dir;
    static MovableClock clock = new MovableClock();
    static WardenServer server;
    static WardenClient anon;
    static WardenClient steward;
    static String stewardToken;
    static String stewardSecret;
    static String adminSecret;

    @BeforeAll
    static void setUp() throws Exception {
        server = WardenServer.start(ServerConfig.defaults(dir.resolve("data"), 0).withMaxUpload(4096)
                .withIdleTimeout(Duration.ofSeconds(1)), null, clock);
        anon = TestServers.client(server);
        anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                "user", "root", "password", PW));
        WardenClient admin = anon.as(TestServers.login(anon, "root", PW, null));
        JsonNode e = admin.expect("POST", "/api/v1/mfa/enroll", null);
        adminSecret = e.get("secret").asText();
        admin.expect("POST", "/api/v1/mfa/confirm", Map.of("code", TestServers.code(adminSecret, clock)));
        admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
        stewardToken = TestServers.login(anon, "stew", PW, null);
        steward = anon.as(stewardToken);
        steward.expect("POST", "/api/v1/datasets", Map.of("name", "d1"));
        JsonNode s = steward.expect("POST", "/api/v1/mfa/enroll", null);
        stewardSecret = s.get("secret").asText();
        clock.advance(Duration.ofSeconds(31));
        steward.expect("POST", "/api/v1/mfa/confirm", Map.of("code", TestServers.code(stewardSecret, clock)));
    }

    @AfterAll
    static void tearDown() {
        if (server != null) server.close();
    }

    /** Sends raw bytes as the body; returns status and JSON body, checking the answer is a JSON error. */
    private static JsonNode raw(String method, String path, byte[] body, String bearer, int expectedStatus)
            throws Exception {
        long before = server.audit().size();
        HttpClient http = HttpClient.newBuilder().sslContext(pinned()).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expectedStatus);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(json.get("error").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.audit().size()).as("audited").isGreaterThan(before);
        return json;
    }

    private static SSLContext pinned() {
        return PinnedTrust.context(server.certificateFingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "null", "\"text\"", "{\"user\": 5}", "\u0000\u0001\u00ff binary"})
    void login_malformedJson_is400WithJsonError(String body) throws Exception {
        raw("POST", "/api/v1/session", body.getBytes(StandardCharsets.ISO_8859_1), null, 400);
    }

    @Test
    void anyRoute_oversizedJsonBody_is413() throws Exception {
        byte[] big = ("{\"user\":\"" + "a".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(raw("POST", "/api/v1/session", big, null, 413).get("error").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void upload_overTheLimit_is413AndStoresNothing() throws Exception {
        Path blobs = dir.resolve("data/blobs/d1");
        long before = blobs.toFile().exists() ? Files.list(blobs).count() : 0;
        Path big = Files.write(dir.resolve("big.bin"), new byte[10_000]);
        WardenClient.Reply versions = steward.call("GET", "/api/v1/datasets/d1", null);
        int count = versions.body().get("versions").size();
        try {
            steward.upload("d1", big, "raw");
        } catch (io.warden.core.WardenException e) {
            assertThat(e.code()).isEqualTo(io.warden.core.ErrorCode.TOO_LARGE);
        }
        assertThat(steward.call("GET", "/api/v1/datasets/d1", null).body().get("versions")).hasSize(count);
        long after = blobs.toFile().exists() ? Files.list(blobs).filter(p -> !p.toString().endsWith(".tmp")).count()
                : 0;
        assertThat(after).isEqualTo(before);
        try (Stream<Path> left = Files.walk(dir.resolve("data/blobs"))) {
            assertThat(left.filter(p -> p.getFileName().toString().contains("tmp"))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/datasets/..%2F..%2Fetc", "/api/v1/datasets/%2e%2e", "/api/v1/datasets/a%00b",
        "/api/v1/datasets/UPPER", "/api/v1/datasets/d1%27%3B%20DROP%20TABLE%20users%3B--",
        "/api/v1/datasets/d1/versions/..%2F..%2F1/content"})
    void datasetPaths_traversalAndMetacharacters_areRefused(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(pinned()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + stewardToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isBetween(400, 404);
        assertThat(r.body()).doesNotContain("root:").doesNotContain("Exception");
    }

    @Test
    void attachment_notJsonOrTrailingGarbage_is400() throws Exception {
        Path f = Files.writeString(dir.resolve("small.csv"), "a\n1\n");
        int v = steward.upload("d1", f, "raw").get("version").asInt();
        for (String bad : new String[] {"not json", "{\"a\":1} trailing", "", "{\"a\":"}) {
            raw("PUT", "/api/v1/datasets/d1/versions/" + v + "/manifest", bad.getBytes(StandardCharsets.UTF_8),
                    stewardToken, 400);
        }
        raw("PUT", "/api/v1/datasets/d1/versions/999/manifest", "{}".getBytes(StandardCharsets.UTF_8), stewardToken,
                404);
    }

    @Test
    void upload_fileNameWithPath_isRefused() throws Exception {
        raw("PUT", "/api/v1/datasets/d1/versions?file=..%2F..%2Fpasswd", new byte[] {1, 2, 3}, stewardToken, 400);
    }

    @Test
    void sqlMetacharacters_inEveryField_areDataNotSql() throws Exception {
        String evil = "x'); DROP TABLE users; --";
        raw("POST", "/api/v1/session", json(Map.of("user", evil, "password", evil)), null, 401);
        raw("POST", "/api/v1/datasets", json(Map.of("name", evil)), stewardToken, 400);
        JsonNode created = steward.expect("POST", "/api/v1/datasets", Map.of("name", "d-evil", "description", evil));
        assertThat(created.get("description").asText()).isEqualTo(evil);
        JsonNode token = steward.expect("POST", "/api/v1/tokens", Map.of("label", evil, "datasets", List.of("d1"),
                "actions", List.of("read")));
        assertThat(token.get("id").asText()).hasSize(16);
        raw("POST", "/api/v1/tokens", json(Map.of("label", "ok", "datasets", List.of(evil), "actions",
                List.of("read"))), stewardToken, 400);
        // the tables are still there and still answer
        assertThat(steward.expect("GET", "/api/v1/session", null).get("user").asText()).isEqualTo("stew");
        assertThat(steward.expect("GET", "/api/v1/datasets/d-evil", null).get("description").asText()).isEqualTo(evil);
    }

    @Test
    void totp_invalidAndReplayedCodes_areRefused() throws Exception {
        // not a code at all: 400; a well-formed wrong code: 401
        for (String bad : new String[] {"", "abcdef", "1234567890123", "12345", "' OR 1=1"}) {
            raw("POST", "/api/v1/session/mfa", json(Map.of("code", bad)), stewardToken, 400);
        }
        raw("POST", "/api/v1/session/mfa", json(Map.of("code", "000000")), stewardToken, 401);
        clock.advance(Duration.ofSeconds(31));
        String code = TestServers.code(stewardSecret, clock);
        steward.expect("POST", "/api/v1/session/mfa", Map.of("code", code));
        raw("POST", "/api/v1/session/mfa", json(Map.of("code", code)), stewardToken, 401);
    }

    @Test
    void slowClient_thatStopsMidRequest_isCutOff_andOthersAreServed() throws Exception {
        try (SSLSocket socket = (SSLSocket) pinned().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // meanwhile the server answers others
            assertThat(anon.call("GET", "/api/v1/health", null).status()).isEqualTo(200);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    if (n == 0) break;
                }
            } catch (java.net.SocketException e) {
                // closed by the server: as good as end of stream
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
        }
    }

    @Test
    void auditProofs_outOfRangeOrNonsense_are400() throws Exception {
        // the admin oversees the audit log; sizes beyond the log, reversed ranges, negative and huge numbers
        String admin = TestServers.login(anon, "root", PW, TestServers.code(adminSecret, advance()));
        for (String q : new String[] {"inclusion?index=5&size=5", "inclusion?index=0&size=99999999",
            "inclusion?index=-1&size=3", "inclusion?index=x&size=1", "consistency?from=3&to=2",
            "consistency?from=0&to=1", "consistency?from=1&to=9223372036854775807", "inclusion"}) {
            raw("GET", "/api/v1/audit/proof/" + q, new byte[0], admin, 400);
        }
    }

    private static java.time.Clock advance() {
        clock.advance(Duration.ofSeconds(31));
        return clock;
    }

    @Test
    void unknownRoute_is404JsonAndAudited() throws Exception {
        raw("GET", "/etc/passwd", new byte[0], null, 404);
        raw("DELETE", "/api/v1/../../x", new byte[0], null, 404);
    }

    private static byte[] json(Object o) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(o);
    }
}
