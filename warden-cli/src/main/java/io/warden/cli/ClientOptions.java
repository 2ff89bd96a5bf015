package io.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.client.WardenClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How client commands reach a server and as whom: {@code --server} and {@code --fingerprint} (or the session saved by
 * {@code warden login}), and the credential — {@code WARDEN_TOKEN} (an API token, for services) or the saved session.
 *
 * <p>The session file ({@code $WARDEN_CONFIG_DIR/session.json}, default {@code ~/.config/warden}) is readable by its
 * owner only and holds the server's URL, its certificate fingerprint and the session token.
 */
final class ClientOptions {
    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", paramLabel = "URL", description = "The server, https://HOST:PORT (default: the one "
            + "you signed in to, or WARDEN_SERVER).")
    String server;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Trust exactly the server certificate with "
            + "this SHA-256 (printed by 'warden server' at start) instead of the system's CAs (default: the one saved "
            + "at sign-in, or WARDEN_SERVER_FINGERPRINT).")
    String fingerprint;

    /** The session file. */
    static Path sessionFile() {
        String dir = System.getProperty("warden.config.dir", System.getenv("WARDEN_CONFIG_DIR"));
        Path base = dir != null && !dir.isEmpty() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".config", "warden");
        return base.resolve("session.json");
    }

    /** The saved session, or an empty object. */
    static ObjectNode saved() {
        Path f = sessionFile();
        if (!Files.exists(f)) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(f));
            if (n instanceof ObjectNode o) return o;
        } catch (IOException e) {
            // fall through
        }
        throw new WardenException(ErrorCode.MALFORMED_INPUT, "the saved session " + f + " is damaged; sign in again "
                + "with 'warden login'");
    }

    static void save(ObjectNode session) {
        Path f = sessionFile();
        try {
            Files.createDirectories(f.getParent());
            AtomicFile.writeOwnerOnly(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(session));
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot save the session in " + f);
        }
    }

    static void forget() {
        try {
            Files.deleteIfExists(sessionFile());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot delete " + sessionFile());
        }
    }

    URI serverUrl() {
        String url = first(server, System.getenv("WARDEN_SERVER"), saved().path("server").asText(null));
        if (url == null) {
            throw new WardenException(ErrorCode.BAD_USAGE, "which server? give --server https://HOST:PORT or sign in "
                    + "with 'warden login'");
        }
        try {
            URI u = URI.create(url);
            if (!"https".equals(u.getScheme()) || u.getHost() == null) throw new IllegalArgumentException();
            return u;
        } catch (IllegalArgumentException e) {
            throw new WardenException(ErrorCode.BAD_USAGE, "--server must be an https://HOST:PORT URL");
        }
    }

    String pin() {
        String pin = first(fingerprint, System.getenv("WARDEN_SERVER_FINGERPRINT"),
                saved().path("fingerprint").asText(null));
        if (pin != null && !pin.replace(":", "").matches("[0-9a-fA-F]{64}")) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a certificate fingerprint is 64 hex digits (SHA-256)");
        }
        return pin;
    }

    /** A client without a credential. */
    WardenClient anonymous() {
        return new WardenClient(serverUrl(), pin(), null);
    }

    /** A client with WARDEN_TOKEN or the saved session. */
    WardenClient client() {
        String token = System.getenv("WARDEN_TOKEN");
        if (token == null || token.isEmpty()) token = saved().path("token").asText(null);
        if (token == null) {
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "not signed in: run 'warden login' or set "
                    + "WARDEN_TOKEN to an API token");
        }
        return anonymous().as(token);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) return v;
        }
        return null;
    }
}
