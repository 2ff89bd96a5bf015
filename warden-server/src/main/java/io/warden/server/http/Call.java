package io.warden.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request being served: the Javalin context, the authorized principal (null on public routes), the time, and the
 * facts the handler adds to the request's audit event.
 */
public final class Call {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Parses JSON documents strictly (no trailing tokens). */
    public static final com.fasterxml.jackson.databind.ObjectReader JSON_READER = JSON.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Context ctx;
    private final Principal principal;
    private final Instant now;
    private final String requestId;
    private final Map<String, Object> audit = new LinkedHashMap<>();
    private String auditPrincipal;

    Call(Context ctx, Principal principal, Instant now, String requestId) {
        this.ctx = ctx;
        this.principal = principal;
        this.now = now;
        this.requestId = requestId;
    }

    public Context ctx() {
        return ctx;
    }

    /** The principal; never null on routes that need one. */
    public Principal principal() {
        return principal;
    }

    public Instant now() {
        return now;
    }

    public String requestId() {
        return requestId;
    }

    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** Adds a fact to the audit event (never a secret or a raw sensitive value). */
    public Call audit(String key, Object value) {
        audit.put(key, value);
        return this;
    }

    /** Names the user an unauthenticated request acted for (a sign-in), already HMAC'd if it may be sensitive. */
    public void auditPrincipal(String name) {
        auditPrincipal = name;
    }

    Map<String, Object> auditDetails() {
        return audit;
    }

    String auditPrincipal() {
        return auditPrincipal;
    }

    /** The JSON object body (at most the configured small-body size). */
    public ObjectNode body() {
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (io.javalin.http.HttpResponseException e) {
            // Javalin refuses bodies over http.maxRequestSize with 413
            throw new WardenException(ErrorCode.TOO_LARGE, "the request body is larger than 64 KiB");
        }
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) return object;
        } catch (IOException e) {
            // fall through: a body that is not JSON at all gets the same answer as one that is not an object
        }
        throw new WardenException(ErrorCode.MALFORMED_INPUT, "the request body must be a JSON object");
    }

    /** A required string field of the body. */
    public static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the body needs a string field '" + field + "'");
        }
        return v.asText();
    }

    /** An optional string field of the body. */
    public static String text(ObjectNode body, String field, String otherwise) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (!v.isTextual()) throw new WardenException(ErrorCode.BAD_USAGE, "'" + field + "' must be a string");
        return v.asText();
    }

    /** Answers with a JSON value. */
    public void json(int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void json(Object value) {
        json(200, value);
    }
}
