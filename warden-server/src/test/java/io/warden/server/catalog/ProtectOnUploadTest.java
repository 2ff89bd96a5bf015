package io.warden.server.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.crypto.Keyring;
import io.warden.detect.Analyzers;
import io.warden.protect.job.ProtectJob;
import io.warden.protect.job.TablePass;
import io.warden.protect.operator.OperatorFactory;
import io.warden.protect.operator.Tokenize;
import io.warden.protect.reveal.Revealer;
import io.warden.server.TestServers;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.WardenServer;
import io.warden.server.client.PinnedTrust;
import io.warden.server.client.WardenClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw uploads to a dataset whose policy has a protect section get a protected version made on the server with the
 * library {@code warden protect} uses: downloadable by an engineer, gated, with its manifest; or, when protection
 * fails, the raw version alone and the reason.
 */
class ProtectOnUploadTest {
    private static final String PW = "protect on upload pw";
    private static final Path EXAMPLE = Path.of("examples/customers.csv");

    @TempDir
    static Path dir;
    static WardenServer server;
    static WardenClient steward;
    static WardenClient engineer;
    static String token;

    @BeforeAll
    static void setUp() throws Exception {
        MovableClock clock = new MovableClock();
        server = TestServers.start(dir.resolve("data"), TestServers.Backend.SQLITE, clock);
        WardenClient anon = TestServers.client(server);
        WardenClient admin = TestServers.adminWithMfa(server, PW, clock);
        admin.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
        admin.expect("POST", "/api/v1/users", Map.of("name", "eng", "role", "ml-engineer", "password", PW));
        token = TestServers.login(anon, "stew", PW, null);
        steward = anon.as(token);
        engineer = anon.as(TestServers.login(anon, "eng", PW, null));
    }

    @AfterAll
    static void tearDown() {
        if (server != null) server.close();
    }

    /** A new dataset with {@code policy}, granted to the engineer. */
    private static void dataset(String name, byte[] policy) throws Exception {
        steward.expect("POST", "/api/v1/datasets", Map.of("name", name));
        steward.expect("PUT", "/api/v1/datasets/" + name + "/grants/eng", null);
        HttpClient http = HttpClient.newBuilder().sslContext(PinnedTrust.context(server.certificateFingerprint()))
                .build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/datasets/" + name
                + "/policy")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(policy)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static byte[] customersPolicy() throws Exception {
        try (InputStream in = ProtectOnUploadTest.class.getResourceAsStream("/protect/customers.yaml")) {
            return in.readAllBytes();
        }
    }

    /** Every file in the dataset's blob directory, hidden temporary files included. */
    private static List<String> blobs(String dataset) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("data/blobs").resolve(dataset))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The non-empty values of {@code columns} in the example file. */
    private static List<String> rawValues(String... columns) {
        List<String> out = new ArrayList<>();
        try (RecordReader r = Readers.open(EXAMPLE, ReadOptions.defaults())) {
            Record rec;
            while ((rec = r.next()) != null) {
                for (String c : columns) {
                    String v = rec.values().get(rec.names().indexOf(c));
                    if (v != null && !v.isEmpty()) out.add(v);
                }
            }
        }
        return out;
    }

    @Test
    void rawUpload_getsAProtectedVersion_thatAnEngineerDownloads_withoutTheRawValues() throws Exception {
        dataset("customers", customersPolicy());
        JsonNode v = steward.upload("customers", EXAMPLE, "raw");
        assertThat(v.get("kind").asText()).isEqualTo("raw");
        assertThat(v.has("protect_failed")).as(v.toString()).isFalse();
        JsonNode p = v.get("protected_version");
        assertThat(p.get("kind").asText()).isEqualTo("protected");
        assertThat(p.get("version").asInt()).isEqualTo(v.get("version").asInt() + 1);
        assertThat(p.at("/scan/passed").asBoolean()).isTrue();
        assertThat(p.at("/records/in").asLong()).isEqualTo(200);

        Path got = dir.resolve("protected.csv");
        String sha = engineer.download("customers", p.get("version").asInt(), false, got);
        assertThat(sha).isEqualTo(p.get("sha256").asText());
        String content = Files.readString(got);
        assertThat(content).startsWith("id,name,email,phone,ssn,card_number,age,sex,city,zip,notes\n");
        List<String> raw = rawValues("ssn", "card_number", "email");
        assertThat(raw).hasSize(600);
        for (String value : raw) assertThat(content).doesNotContain(value);

        JsonNode manifest = engineer.expect("GET", "/api/v1/datasets/customers/versions/" + p.get("version").asInt()
                + "/manifest", null);
        assertThat(manifest.get("format").asText()).isEqualTo("warden-protect-manifest");
        assertThat(manifest.at("/input/sha256").asText()).isEqualTo(v.get("sha256").asText());
        assertThat(manifest.at("/output/sha256").asText()).isEqualTo(p.get("sha256").asText());
        assertThat(manifest.at("/self_check").asText()).isEqualTo("passed");
        assertThat(engineer.expect("GET", "/api/v1/datasets/customers/versions/" + p.get("version").asInt()
                + "/scan-report", null).toString()).doesNotContain("295-78-1200");
        assertThat(Files.readString(dir.resolve("data/audit/log/entries"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("\"protected_version\":" + p.get("version").asInt());
    }

    @Test
    void protectedVersion_isByteForByteWhatWardenProtectWrites() throws Exception {
        dataset("same-bytes", customersPolicy());
        JsonNode v = steward.upload("same-bytes", EXAMPLE, "raw");
        assertThat(v.has("protected_version")).as(v.toString()).isTrue();
        Path onServer = dir.resolve("server.csv");
        engineer.download("same-bytes", v.at("/protected_version/version").asInt(), false, onServer);

        // what `warden protect examples/customers.csv --policy ... --out local.csv` does (ProtectCommand)
        Policy policy = PolicyLoader.parse(customersPolicy(), "customers.yaml");
        ProtectJob job = new ProtectJob(policy, Analyzers.forPolicy(policy), OperatorFactory.unkeyed(Path.of("")),
                new TablePass());
        Path local = dir.resolve("local.csv");
        assertThat(job.run(new ProtectJob.Request(EXAMPLE, ReadOptions.defaults(), local,
                dir.resolve("local.csv.manifest.json"), 2)).passed()).isTrue();
        assertThat(Files.readAllBytes(onServer)).isEqualTo(Files.readAllBytes(local));
    }

    @Test
    void gzippedUpload_getsAnUncompressedProtectedVersion_namedWithoutGz() throws Exception {
        dataset("gzipped", customersPolicy());
        Path gz = dir.resolve("customers.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(EXAMPLE, out);
        }
        JsonNode v = steward.upload("gzipped", gz, "raw");
        assertThat(v.at("/protected_version/file").asText()).as(v.toString()).isEqualTo("customers.csv");
        Path got = dir.resolve("gunzipped.csv");
        engineer.download("gzipped", v.at("/protected_version/version").asInt(), false, got);
        assertThat(Files.readString(got)).startsWith("id,name,email,");
    }

    @Test
    void keyedOperators_useTheServerKeyring() throws Exception {
        dataset("tokens", """
                scan: {exclude_fields: [id, notes]}
                gate:
                  allow: [{entities: [AGE, LOCATION, ZIP_CODE]}]
                protect:
                  columns:
                    - fields: [email]
                      operator: tokenize
                    - fields: [name, phone, ssn, card_number]
                      operator: redact
                """.getBytes(UTF_8));
        JsonNode v = steward.upload("tokens", EXAMPLE, "raw");
        assertThat(v.has("protected_version")).as(v.toString()).isTrue();
        Path got = dir.resolve("tokens.csv");
        engineer.download("tokens", v.at("/protected_version/version").asInt(), false, got);
        String content = Files.readString(got);
        List<String> emails = rawValues("email");
        for (String email : emails) assertThat(content).doesNotContain(email);
        Matcher m = Tokenize.TOKEN.matcher(content);
        assertThat(m.find()).isTrue();
        Keyring serverKeys = Keyring.readInsecurePlaintext(dir.resolve("data/keyring.json"));
        assertThat(Revealer.tokensOnly(serverKeys).reveal("email", m.group())).isEqualTo(emails.get(0));
    }

    @Test
    void selfCheckFindingLeaks_keepsTheRawVersionAlone_andNothingPartial() throws Exception {
        dataset("leaky", """
                scan: {exclude_fields: [id]}
                protect:
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: replace
                      params: {text: "someone@example.com"}
                """.getBytes(UTF_8));
        JsonNode v = steward.upload("leaky", EXAMPLE, "raw");
        assertThat(v.has("protected_version")).isFalse();
        assertThat(v.at("/protect_failed/error").asText()).isEqualTo("VERIFICATION_FAILED");
        assertThat(v.at("/protect_failed/message").asText()).contains("self-check").contains("EMAIL_ADDRESS")
                .doesNotContain("@");
        assertThat(steward.expect("GET", "/api/v1/datasets/leaky", null).get("versions")).hasSize(1);
        assertThat(blobs("leaky")).hasSize(1);
    }

    @Test
    void binaryUpload_keepsTheRawVersion_andSaysWhyItWasNotProtected() throws Exception {
        dataset("binary", customersPolicy());
        byte[] binary = new byte[8192];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 3);
        JsonNode v = steward.upload("binary", Files.write(dir.resolve("blob.csv"), binary), "raw");
        assertThat(v.get("kind").asText()).isEqualTo("raw");
        assertThat(v.has("protected_version")).isFalse();
        assertThat(v.at("/protect_failed/error").asText()).isEqualTo("MALFORMED_INPUT");
        assertThat(v.at("/protect_failed/message").asText()).contains("binary");
        JsonNode parquet = steward.upload("binary", Files.write(dir.resolve("blob.parquet"), binary), "raw");
        assertThat(parquet.at("/protect_failed/message").asText()).contains("Parquet");
        assertThat(steward.expect("GET", "/api/v1/datasets/binary", null).get("versions")).hasSize(2);
        assertThat(blobs("binary")).hasSize(2);
    }

    @Test
    void inputFailingHalfWay_leavesNoPartOfTheProtectedBlob() throws Exception {
        dataset("half", customersPolicy());
        StringBuilder csv = new StringBuilder("id,name,email,notes\n");
        // more than one sealed segment (1 MiB) of output is sealed before the input turns out malformed
        for (int i = 0; i < 40_000; i++) csv.append(i).append(",Ann Lee,ann").append(i).append("@example.com,ok\n");
        csv.append("40000,\"unterminated,x@example.com,ok\n");
        JsonNode v = steward.upload("half", Files.writeString(dir.resolve("half.csv"), csv), "raw");
        assertThat(v.at("/protect_failed/error").asText()).as(v.toString()).isEqualTo("MALFORMED_INPUT");
        assertThat(blobs("half")).hasSize(1);
    }

    @Test
    void protectedUpload_isNotProtectedAgain() throws Exception {
        dataset("already", customersPolicy());
        Path clean = Files.writeString(dir.resolve("clean.csv"), "id,age,sex,city,zip,notes\n"
                + "1,30-39,M,Portland,972**,Nothing notable.\n");
        JsonNode v = steward.upload("already", clean, "protected");
        assertThat(v.has("protected_version")).isFalse();
        assertThat(v.has("protect_failed")).isFalse();
        assertThat(blobs("already")).hasSize(1);
    }
}
