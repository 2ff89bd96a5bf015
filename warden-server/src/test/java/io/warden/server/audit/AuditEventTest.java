package io.warden.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The audit log's entry bytes: the same as the first encoder made them (maps, sorted, Jackson), for every event. */
class AuditEventTest {
    private static final ObjectMapper SORTED = new ObjectMapper().configure(
            SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The first encoder, kept as the reference: build a map, drop nulls, sort, serialize, UTF-8. */
    private static byte[] reference(AuditEvent e) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("request_id", e.requestId());
        m.put("principal", e.principal());
        m.put("credential", e.credential());
        m.put("method", e.method());
        m.put("route", e.route());
        m.put("dataset", e.dataset());
        m.put("permission", e.permission());
        m.put("outcome", e.outcome());
        m.put("status", e.status());
        m.put("error", e.error());
        m.put("client", e.client());
        m.put("details", new TreeMap<>(e.details()));
        m.values().removeIf(v -> v == null);
        return SORTED.writeValueAsString(new TreeMap<>(m)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encode_example_isSortedCompactJson() {
        AuditEvent e = new AuditEvent(Instant.parse("2026-11-22T08:54:03.370170759Z"), "f8bf1412b7c745a4", "stew",
                "s:0123456789abcdef", "PUT", "/api/v1/datasets/{dataset}/versions", "census", "VERSION_UPLOAD",
                "allowed", 201, null, "9f86d081884c7d65", Map.of("version", 3, "bytes", 1024L, "sha256", "ab"));
        assertThat(new String(e.encode(), StandardCharsets.UTF_8)).isEqualTo("{\"client\":\"9f86d081884c7d65\","
                + "\"credential\":\"s:0123456789abcdef\",\"dataset\":\"census\",\"details\":{\"bytes\":1024,"
                + "\"sha256\":\"ab\",\"version\":3},\"method\":\"PUT\",\"outcome\":\"allowed\","
                + "\"permission\":\"VERSION_UPLOAD\",\"principal\":\"stew\",\"request_id\":\"f8bf1412b7c745a4\","
                + "\"route\":\"/api/v1/datasets/{dataset}/versions\",\"status\":201,"
                + "\"time\":\"2026-11-22T08:54:03.370170759Z\"}");
    }

    @Test
    void encode_randomEvents_sameBytesAsTheFirstEncoder() throws Exception {
        Random r = new Random(5);
        List<String> texts = List.of("", "a", "ünïcode ✓", "quote \" and \\ backslash", "new\nline\ttab\u0001",
                "\ud83d\ude00 emoji", "lone \ud800 surrogate", "/api/v1/datasets/{dataset}", "x".repeat(300));
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> details = new LinkedHashMap<>();
            int n = r.nextInt(5);
            for (int k = 0; k < n; k++) {
                String key = List.of("version", "bytes", "sha256", "user", "role", "mfa", "created", "kind").get(
                        r.nextInt(8));
                Object value = switch (r.nextInt(5)) {
                    case 0 -> r.nextInt();
                    case 1 -> r.nextLong();
                    case 2 -> r.nextBoolean();
                    case 3 -> pick(r, texts);
                    default -> Map.of("inner", pick(r, texts), "a", 1);
                };
                details.put(key, value);
            }
            AuditEvent e = new AuditEvent(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)),
                    pick(r, texts), maybe(r, texts), maybe(r, texts), maybe(r, texts), maybe(r, texts),
                    maybe(r, texts), maybe(r, texts), pick(r, texts), 100 + r.nextInt(500), maybe(r, texts),
                    maybe(r, texts), details);
            assertThat(e.encode()).as("event %d", i).isEqualTo(reference(e));
        }
    }

    private static String pick(Random r, List<String> texts) {
        return texts.get(r.nextInt(texts.size()));
    }

    private static String maybe(Random r, List<String> texts) {
        return r.nextInt(4) == 0 ? null : pick(r, texts);
    }
}
