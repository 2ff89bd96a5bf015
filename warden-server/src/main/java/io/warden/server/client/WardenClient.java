package io.warden.server.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A client of the Warden server's API, for the CLI and the tests: JSON calls, streamed uploads and downloads (a
 * download lands in a temporary file and is renamed into place only when its SHA-256 matches the server's).
 */
public final class WardenClient {
    /**
     * A JSON answer; {@code access} is the server's {@code X-Warden-Access} header ({@code granted} or
     * {@code denied}), or null when absent.
     */
    public record Reply(int status, JsonNode body, String access) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;
    private final String bearer;

    /**
     * @param base the server, {@code https://host:port}
     * @param pin the server certificate's SHA-256 (hex) to trust instead of the system's CAs, or null
     * @param bearer a session or API token, or null
     */
    public WardenClient(URI base, String pin, String bearer) {
        this(base, HttpClient.newBuilder().sslContext(PinnedTrust.context(pin)).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build(), bearer);
    }

    private WardenClient(URI base, HttpClient http, String bearer) {
        this.base = requireNonNull(base, "base");
        this.http = http;
        this.bearer = bearer;
    }

    /** The same client acting with another credential. */
    public WardenClient as(String otherBearer) {
        return new WardenClient(base, http, otherBearer);
    }

    /** Sends a JSON request (body may be null) and returns the answer whatever its status. */
    public Reply call(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder request = request(path).method(method, publisher);
        if (body != null) request.header("Content-Type", "application/json");
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), parse(response.body()),
                response.headers().firstValue("X-Warden-Access").orElse(null));
    }

    /** Like {@link #call} but throws the server's error as a {@link WardenException} unless the status is 2xx. */
    public JsonNode expect(String method, String path, Object body) {
        return ok(call(method, path, body));
    }

    /** GETs a plain-text resource (a checkpoint, a key); throws the server's error unless the status is 2xx. */
    public String text(String path) {
        HttpResponse<byte[]> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) ok(new Reply(response.statusCode(), parse(response.body()), null));
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Uploads {@code file} as a new version of {@code dataset}; returns the version's description. */
    public JsonNode upload(String dataset, Path file, String kind) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + " (" + e.getClass()
                    .getSimpleName() + ")");
        }
        String name = java.net.URLEncoder.encode(file.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = request("/api/v1/datasets/" + dataset + "/versions?file=" + name + "&kind=" + kind)
                .PUT(publisher).header("Content-Type", "application/octet-stream").build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        return ok(new Reply(response.statusCode(), parse(response.body()), null));
    }

    /**
     * Downloads a version into {@code out}: written to a temporary file, checked against the SHA-256 the server
     * sent, then renamed into place. Returns that SHA-256.
     */
    public String download(String dataset, int version, boolean raw, Path out) {
        HttpRequest request = request("/api/v1/datasets/" + dataset + "/versions/" + version
                + (raw ? "/raw" : "/content")).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                ok(new Reply(response.statusCode(), parse(in.readAllBytes()), null));
            }
            String expected = response.headers().firstValue("X-Content-SHA256").orElse("").toLowerCase(Locale.ROOT);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (AtomicFile.Pending pending = AtomicFile.open(out)) {
                try (OutputStream o = new DigestOutputStream(pending.out(), sha)) {
                    in.transferTo(o);
                }
                String got = HexFormat.of().formatHex(sha.digest());
                if (!MessageDigest.isEqual(got.getBytes(), expected.getBytes())) {
                    throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the download of " + dataset + " version "
                            + version + " was cut or altered (sha256 " + got + ", expected " + expected
                            + "); nothing was written");
                }
                pending.commit();
                return got;
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the download of " + dataset + " version "
                    + version + " broke off (" + e.getClass().getSimpleName() + "); nothing was written");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot reach the server at " + base + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.UNAVAILABLE, "interrupted");
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", "the server's answer is not JSON");
        }
    }

    /** The body of a 2xx reply; otherwise the server's error as a {@link WardenException}. */
    public JsonNode expectOk(Reply reply) {
        return ok(reply);
    }

    private static JsonNode ok(Reply reply) {
        if (reply.status() / 100 == 2) return reply.body();
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(reply.body().path("error").asText("INTERNAL"));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.INTERNAL;
        }
        throw new WardenException(code, "server: " + reply.body().path("message").asText("HTTP " + reply.status()));
    }

    @Override
    public String toString() {
        return "WardenClient[" + base + (bearer == null ? "" : ", with a credential") + "]";
    }
}
