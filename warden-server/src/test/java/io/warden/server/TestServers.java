package io.warden.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.client.WardenClient;
import io.warden.server.identity.Totp;
import io.warden.server.identity.TotpSecret;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real servers for tests: HTTPS on port 0, SQLite in a temporary directory or PostgreSQL in a fresh schema of the
 * cluster {@code ./run-tests} starts ({@code WARDEN_TEST_POSTGRES_URL}); a clock the test moves, so TOTP steps pass
 * without sleeping.
 */
public final class TestServers {
    public enum Backend { SQLITE, POSTGRESQL }

    /** A clock the test moves forward. */
    public static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private TestServers() {}

    /** The database URL for a backend: null for SQLite; for PostgreSQL a new schema (skips if none is configured). */
    public static String database(Backend backend) throws Exception {
        if (backend == Backend.SQLITE) return null;
        String url = System.getenv("WARDEN_TEST_POSTGRES_URL");
        if (url == null || url.isEmpty()) {
            if ("1".equals(System.getenv("WARDEN_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("WARDEN_REQUIRE_POSTGRES=1 but WARDEN_TEST_POSTGRES_URL is not set: "
                        + "run the tests through ./run-tests, which starts PostgreSQL");
            }
            assumeTrue(false, "no PostgreSQL (WARDEN_TEST_POSTGRES_URL unset)");
        }
        String schema = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        String jdbc = io.warden.server.db.Database.jdbcUrl(url);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static WardenServer start(Path data, Backend backend, MovableClock clock) throws Exception {
        return WardenServer.start(ServerConfig.defaults(data, 0).withDatabase(database(backend)), null, clock);
    }

    public static WardenClient client(WardenServer server) {
        return new WardenClient(URI.create(server.url()), server.certificateFingerprint(), null);
    }

    /** The current TOTP code for an enrollment's secret. */
    public static String code(String secret, Clock clock) {
        return Totp.DEFAULT.code(TotpSecret.fromBase32(secret), clock.instant());
    }

    /**
     * Creates the first admin {@code root} with the bootstrap credential, enrolls its TOTP and returns its client:
     * the second factor is fresh, so it may create users at once.
     */
    public static WardenClient adminWithMfa(WardenServer server, String password, Clock clock) {
        WardenClient anon = client(server);
        anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                "user", "root", "password", password));
        WardenClient admin = anon.as(login(anon, "root", password, null));
        String secret = admin.expect("POST", "/api/v1/mfa/enroll", null).get("secret").asText();
        admin.expect("POST", "/api/v1/mfa/confirm", Map.of("code", code(secret, clock)));
        return admin;
    }

    /** Signs in and returns the session token. */
    public static String login(WardenClient c, String user, String password, String code) {
        JsonNode r = c.expect("POST", "/api/v1/session", code == null ? Map.of("user", user, "password", password)
                : Map.of("user", user, "password", password, "code", code));
        return r.get("token").asText();
    }
}
