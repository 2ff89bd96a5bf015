package io.warden.server.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One audited request: who asked for what, on which dataset, and what came of it. Holds no secret and no raw
 * sensitive value: the client address and any name typed at a failed sign-in arrive already HMAC'd
 * ({@link AuditHasher}).
 *
 * @param time when the request arrived
 * @param requestId the id also returned to the client in {@code X-Request-Id}
 * @param principal the user acting, or {@code -} when none was established
 * @param credential the session or token id used, or {@code -}
 * @param method the HTTP method
 * @param route the route template ({@code /api/v1/datasets/{dataset}}), or the raw path of an unknown route, cut short
 * @param dataset the dataset concerned, or null
 * @param permission the permission the route declares, or null for an unknown route
 * @param outcome {@code allowed}, {@code denied} (access refused), {@code failed} (allowed but the action failed)
 * @param status the HTTP status returned
 * @param error the error code, or null
 * @param client HMAC of the client address
 * @param details further facts (a version number, bytes released), values already safe to keep
 */
public record AuditEvent(Instant time, String requestId, String principal, String credential, String method,
        String route, String dataset, String permission, String outcome, int status, String error, String client,
        Map<String, Object> details) {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    public AuditEvent {
        requireNonNull(time, "time");
        requireNonNull(requestId, "requestId");
        requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * The log entry: one JSON object, keys sorted (those of {@code details} too), null fields left out, UTF-8, no
     * trailing newline. Written field by field in that order, without building maps on every request.
     */
    public byte[] encode() {
        // chars first, then UTF-8, as String.getBytes does it (a lone surrogate becomes '?' instead of failing)
        StringWriter out = new StringWriter(384);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            field(g, "client", client);
            field(g, "credential", credential);
            field(g, "dataset", dataset);
            g.writeFieldName("details");
            if (details.size() < 2) {
                g.writeObject(details);
            } else {
                g.writeObject(new TreeMap<>(details));
            }
            field(g, "error", error);
            field(g, "method", method);
            field(g, "outcome", outcome);
            field(g, "permission", permission);
            field(g, "principal", principal);
            field(g, "request_id", requestId);
            field(g, "route", route);
            g.writeNumberField("status", status);
            g.writeStringField("time", time.toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("audit event not encodable", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }
}
