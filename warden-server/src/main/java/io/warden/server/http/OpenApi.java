package io.warden.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the routes, made from their declarations: each operation lists its summary, path
 * parameters, the permission it needs ({@code x-warden-permission}), whether it needs recent MFA, and the error body
 * every failure has.
 */
public final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

    private OpenApi() {}

    public static Map<String, Object> document(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Warden server API", "version", version,
                "description", "The vault for sensitive training data. Every route declares the permission it needs;"
                        + " every request, allowed or denied, is recorded in the audit log."));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Route r : routes) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("operationId", operationId(r));
            op.put("x-warden-permission", r.permission().name());
            if (r.permission().sensitive()) op.put("x-warden-requires-recent-mfa", true);
            List<Map<String, Object>> params = new ArrayList<>();
            Matcher m = PARAM.matcher(r.path());
            while (m.find()) {
                params.add(Map.of("name", m.group(1), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) op.put("parameters", params);
            op.put("security", r.permission() == Permission.PUBLIC ? List.of() : List.of(Map.of("bearer", List.of())));
            op.put("responses", Map.of("2XX", Map.of("description", "done"),
                    "default", Map.of("description", "an error", "content", Map.of("application/json",
                            Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))))));
            paths.computeIfAbsent(r.path(), p -> new TreeMap<>()).put(r.method().name().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer",
                        "description", "a session token (wds_...) from POST /api/v1/session or an API token (wdn_...)")),
                "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("error", "message"),
                        "properties", Map.of("error", Map.of("type", "string", "description", "the error code"),
                                "message", Map.of("type", "string"), "request_id", Map.of("type", "string"))))));
        return doc;
    }

    private static String operationId(Route r) {
        StringBuilder b = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.path().replace("/api/v1/", "/").split("[/{}]+")) {
            if (part.isEmpty()) continue;
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).replace("-", ""));
        }
        return b.toString();
    }
}
