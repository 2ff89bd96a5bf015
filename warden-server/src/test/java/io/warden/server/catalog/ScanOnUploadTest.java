package io.warden.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.TestServers;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads scanned against the dataset's policy with the scan library: reports kept, protected versions gated. */
class ScanOnUploadTest {
    private static final String PW = "scan on upload pw 12";
    private static final Path EXAMPLE = Path.of("examples/customers.csv");
    private static final Path POLICY = Path.of("examples/policy.yaml");

    @TempDir
    static Path dir;
    static WardenServer server;
    static WardenClient steward;
    static String token;

    @BeforeAll
    static void setUp() throws Exception {
        MovableClock clock = new MovableClock();
        server = TestServers.start(dir.resolve("data"), TestServers.Backend.SQLITE, clock);
        WardenClient anon = TestServers.client(server);
        WardenClient admin = TestServers.adminWithMfa(server, PW, clock);
        admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
        token = TestServers.login(anon, "stew", PW, null);
        steward = anon.as(token);
        steward.expect("POST", "/api/v1/datasets", Map.of("name", "customers"));
        assertThat(put("/api/v1/datasets/customers/policy", Files.readAllBytes(POLICY)).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void tearDown() {
        if (server != null) server.close();
    }

    private static HttpResponse<String> put(String path, byte[] body) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(io.warden.server.client.PinnedTrust.context(
                server.certificateFingerprint())).build();
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization",
                "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long blobs() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("data/blobs/customers"))) {
            return s.count();
        }
    }

    @Test
    void rawUpload_isScannedAndKeptWithItsReport() throws Exception {
        JsonNode v = steward.upload("customers", EXAMPLE, "raw");
        assertThat(v.at("/scan/passed").asBoolean()).isFalse(); // the example holds SSNs and cards, as README says
        assertThat(v.at("/scan/entities/US_SSN").asLong()).isPositive();
        JsonNode report = steward.expect("GET", "/api/v1/datasets/customers/versions/" + v.get("version").asInt()
                + "/scan-report", null);
        assertThat(report.toString()).contains("US_SSN").doesNotContain("295-78-1200");
    }

    @Test
    void protectedUpload_failingThePolicy_isRefusedAndNothingStays() throws Exception {
        long before = blobs();
        int versions = steward.expect("GET", "/api/v1/datasets/customers", null).get("versions").size();
        try {
            steward.upload("customers", EXAMPLE, "protected");
            throw new AssertionError("accepted");
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
            assertThat(e.getMessage()).contains("fails customers's policy").contains("US_SSN")
                    .doesNotContain("295-78-1200");
        }
        assertThat(blobs()).isEqualTo(before);
        assertThat(steward.expect("GET", "/api/v1/datasets/customers", null).get("versions")).hasSize(versions);
    }

    @Test
    void protectedUpload_thatPasses_isStored() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean.csv"), "id,age,sex,city,zip,notes\n"
                + "1,30-39,M,Portland,972**,Nothing notable.\n2,30-39,M,Portland,972**,Nothing notable.\n");
        JsonNode v = steward.upload("customers", clean, "protected");
        assertThat(v.at("/scan/passed").asBoolean()).isTrue();
    }

    @Test
    void protectedUpload_thatCannotBeScanned_isRefused_rawIsKeptUnscanned() throws Exception {
        byte[] binary = new byte[8192];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 3);
        Path bin = Files.write(dir.resolve("blob.csv"), binary);
        try {
            steward.upload("customers", bin, "protected");
            throw new AssertionError("accepted");
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
            assertThat(e.getMessage()).contains("cannot be checked");
        }
        JsonNode raw = steward.upload("customers", bin, "raw");
        assertThat(raw.has("scan")).isFalse();
    }

    @Test
    void policy_invalidYaml_is400_andTheOldOneStays() throws Exception {
        HttpResponse<String> r = put("/api/v1/datasets/customers/policy", "gate: [unclosed".getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("INVALID_POLICY");
        HttpResponse<String> wrong = put("/api/v1/datasets/customers/policy", "version: 7\n".getBytes());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(steward.text("/api/v1/datasets/customers/policy")).isEqualTo(Files.readString(POLICY));
    }
}
