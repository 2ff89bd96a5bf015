package io.warden.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.TestServers;
import io.warden.server.TestServers.MovableClock;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every declared route x every role (by session with fresh MFA, and by API token) x the credential states (none,
 * malformed, unknown, expired, revoked), generated from the server's own route list and checked against the
 * permission table below — written out here from the roles, not derived from {@link Role}, so a change to
 * either shows up. A request is judged by the server's {@code X-Warden-Access} header and its status.
 */
class AccessMatrixTest {
    private static final String PW = "matrix passphrase 0123";

    /** The expected permissions of each role (besides PUBLIC and SELF, which everyone signed in has). */
    private static final Map<String, Set<Permission>> EXPECTED = Map.of(
            "admin", EnumSet.of(Permission.DATASET_LIST, Permission.DATASET_CREATE, Permission.DATASET_READ,
                    Permission.DATASET_DESTROY, Permission.KEY_ROTATE, Permission.GRANT_MANAGE, Permission.USER_MANAGE,
                    Permission.DATASET_POLICY, Permission.AUDIT_READ, Permission.METRICS_READ),
            "data-steward", EnumSet.of(Permission.DATASET_LIST, Permission.DATASET_CREATE, Permission.DATASET_READ,
                    Permission.VERSION_UPLOAD, Permission.VERSION_DOWNLOAD, Permission.VERSION_DOWNLOAD_RAW,
                    Permission.DATASET_DESTROY, Permission.KEY_ROTATE, Permission.GRANT_MANAGE,
                    Permission.DATASET_POLICY),
            "ml-engineer", EnumSet.of(Permission.DATASET_LIST, Permission.DATASET_READ, Permission.VERSION_DOWNLOAD),
            "auditor", EnumSet.of(Permission.DATASET_LIST, Permission.DATASET_READ, Permission.AUDIT_READ,
                    Permission.METRICS_READ),
            "training-service", EnumSet.of(Permission.DATASET_READ, Permission.VERSION_DOWNLOAD));

    @TempDir
    static Path dir;
    static MovableClock clock = new MovableClock();
    static WardenServer server;
    static WardenClient anon;
    static Map<String, WardenClient> sessions = new LinkedHashMap<>();
    static Map<String, WardenClient> tokens = new LinkedHashMap<>();
    static Map<String, String> secrets = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServers.start(dir.resolve("data"), TestServers.Backend.SQLITE, clock);
        anon = TestServers.client(server);
        anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                "user", "u-admin", "password", PW));
        WardenClient admin = anon.as(TestServers.login(anon, "u-admin", PW, null));
        secrets.put("admin", enroll(admin));
        for (String role : EXPECTED.keySet()) {
            if (!role.equals("admin")) {
                admin.expect("POST", "/api/v1/users", Map.of("name", "u-" + role, "role", role, "password", PW));
            }
        }
        WardenClient steward = anon.as(TestServers.login(anon, "u-data-steward", PW, null));
        steward.expect("POST", "/api/v1/datasets", Map.of("name", "census"));
        Path file = java.nio.file.Files.writeString(dir.resolve("v.csv"), "a,b\n1,2\n");
        steward.upload("census", file, "protected");
        for (String role : EXPECTED.keySet()) {
            steward.expect("PUT", "/api/v1/datasets/census/grants/u-" + role, null);
            clock.advance(Duration.ofSeconds(31)); // each enrollment spends a TOTP step
            WardenClient s = role.equals("admin") ? admin : anon.as(TestServers.login(anon, "u-" + role, PW, null));
            if (!role.equals("admin")) secrets.put(role, enroll(s));
            sessions.put(role, s);
            JsonNode t = s.expect("POST", "/api/v1/tokens", Map.of("label", "matrix", "datasets", List.of("*"),
                    "actions", List.of("read", "upload", "scan", "protect", "release", "delete")));
            tokens.put(role, anon.as(t.get("token").asText()));
        }
    }

    @AfterAll
    static void tearDown() {
        if (server != null) server.close();
    }

    /** The routes in a safe order: signing out last. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>(server.routes());
        routes.sort(Comparator.comparing(r -> r.method().name().equals("DELETE") && r.path().equals("/api/v1/session")));
        return routes;
    }

    private static String path(Route r) {
        return r.path().replace("{dataset}", "census").replace("{version}", "1").replace("{user}", "ghost")
                .replace("{id}", "0000000000000000").replace("{attachment}", "manifest");
    }

    private static WardenClient.Reply send(WardenClient c, Route r) {
        boolean body = !r.method().name().equals("GET") && !r.method().name().equals("DELETE");
        return c.call(r.method().name(), path(r), body ? Map.of() : null);
    }

    @Test
    void everyRole_bySession_getsExactlyItsPermissions() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : routes()) {
            for (var e : sessions.entrySet()) {
                boolean allowed = r.permission() == Permission.PUBLIC || r.permission() == Permission.SELF
                        || EXPECTED.get(e.getKey()).contains(r.permission());
                check(soft, send(e.getValue(), r), allowed, e.getKey() + " session " + r.method() + " " + r.path());
            }
        }
        soft.assertAll();
    }

    @Test
    void everyRole_byToken_getsItsPermissionsButNoSensitiveOnes() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : routes()) {
            for (var e : tokens.entrySet()) {
                boolean allowed = r.permission() == Permission.PUBLIC || r.permission() == Permission.SELF
                        || (EXPECTED.get(e.getKey()).contains(r.permission()) && !r.permission().sensitive()
                        && tokenAction(r.permission()));
                check(soft, send(e.getValue(), r), allowed, e.getKey() + " token " + r.method() + " " + r.path());
            }
        }
        soft.assertAll();
    }

    /** Permissions a token can carry at all: those its actions (read, upload, release, delete) name. */
    private static boolean tokenAction(Permission p) {
        return switch (p) {
            case DATASET_LIST, DATASET_READ, AUDIT_READ, METRICS_READ, VERSION_UPLOAD, VERSION_DOWNLOAD,
                    VERSION_DOWNLOAD_RAW, DATASET_DESTROY, PUBLIC, SELF -> true;
            case DATASET_CREATE, KEY_ROTATE, GRANT_MANAGE, DATASET_POLICY, USER_MANAGE -> false;
        };
    }

    @Test
    void noCredential_isRefusedEverywhereButPublicRoutes() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : routes()) {
            WardenClient.Reply reply = send(anon, r);
            if (r.permission() == Permission.PUBLIC) {
                check(soft, reply, true, "anonymous " + r.path());
            } else {
                soft.assertThat(reply.status()).as("anonymous %s %s", r.method(), r.path()).isEqualTo(401);
                soft.assertThat(reply.access()).isEqualTo("denied");
            }
        }
        soft.assertAll();
    }

    @Test
    void malformedOrUnknownCredentials_areRefusedEverywhere() {
        String unknown = io.warden.server.identity.Token.generate(io.warden.server.identity.TokenKind.SESSION)
                .reveal();
        SoftAssertions soft = new SoftAssertions();
        for (String bad : new String[] {"garbage", unknown, "wdn_" + "x".repeat(49), "' OR 1=1 --"}) {
            for (Route r : routes()) {
                WardenClient.Reply reply = send(anon.as(bad), r);
                soft.assertThat(reply.status()).as("%s %s", r.method(), r.path()).isEqualTo(401);
                soft.assertThat(reply.body().path("error").asText()).isEqualTo("UNAUTHENTICATED");
            }
        }
        soft.assertAll();
    }

    @Test
    void revokedSessionsAndTokens_areRefusedEverywhere() {
        clock.advance(Duration.ofSeconds(31));
        WardenClient s = anon.as(TestServers.login(anon, "u-ml-engineer", PW,
                TestServers.code(secrets.get("ml-engineer"), clock)));
        JsonNode t = s.expect("POST", "/api/v1/tokens", Map.of("label", "to revoke", "datasets", List.of("census"),
                "actions", List.of("read")));
        WardenClient token = anon.as(t.get("token").asText());
        s.expect("DELETE", "/api/v1/tokens/" + t.get("id").asText(), null);
        s.expect("DELETE", "/api/v1/session", null);
        SoftAssertions soft = new SoftAssertions();
        for (Route r : routes()) {
            soft.assertThat(send(s, r).status()).as("revoked session %s %s", r.method(), r.path()).isEqualTo(401);
            soft.assertThat(send(token, r).status()).as("revoked token %s %s", r.method(), r.path()).isEqualTo(401);
        }
        soft.assertAll();
    }

    @Test
    void expiredSessionsAndTokens_areRefusedEverywhere() throws Exception {
        // a separate server, so moving its clock past expiry leaves the others' sessions alone
        MovableClock later = new MovableClock();
        try (WardenServer other = TestServers.start(dir.resolve("expiry"), TestServers.Backend.SQLITE, later)) {
            WardenClient a = TestServers.client(other);
            a.expect("POST", "/api/v1/bootstrap", Map.of("credential", other.bootstrapCredential().orElseThrow(),
                    "user", "boss", "password", PW));
            WardenClient s = a.as(TestServers.login(a, "boss", PW, null));
            JsonNode t = s.expect("POST", "/api/v1/tokens", Map.of("label", "short", "datasets", List.of("*"),
                    "actions", List.of("read"), "days", 1));
            WardenClient token = a.as(t.get("token").asText());
            assertThat(s.call("GET", "/api/v1/session", null).status()).isEqualTo(200);
            assertThat(token.call("GET", "/api/v1/datasets", null).status()).isEqualTo(200);
            later.advance(Duration.ofDays(2));
            SoftAssertions soft = new SoftAssertions();
            for (Route r : other.routes()) {
                soft.assertThat(send(s, r).status()).as("expired session %s %s", r.method(), r.path()).isEqualTo(401);
                soft.assertThat(send(token, r).status()).as("expired token %s %s", r.method(), r.path())
                        .isEqualTo(401);
            }
            soft.assertAll();
        }
    }

    private static void check(SoftAssertions soft, WardenClient.Reply reply, boolean allowed, String what) {
        if (allowed) {
            soft.assertThat(reply.access()).as(what + " (status %d %s)", reply.status(), reply.body())
                    .isEqualTo("granted");
            soft.assertThat(reply.status()).as(what).isLessThan(500);
        } else {
            soft.assertThat(reply.access()).as(what + " (status %d)", reply.status()).isEqualTo("denied");
            soft.assertThat(reply.status()).as(what).isIn(401, 403);
        }
    }

    private static String enroll(WardenClient c) {
        JsonNode e = c.expect("POST", "/api/v1/mfa/enroll", null);
        c.expect("POST", "/api/v1/mfa/confirm", Map.of("code", TestServers.code(e.get("secret").asText(), clock)));
        return e.get("secret").asText();
    }
}
