package io.warden.server.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert rules over the stream of audit events: too many failed sign-ins per minute, a burst of denied requests from
 * one principal, unusual download volume per principal. An alert goes to the log and, when configured, as JSON to a
 * webhook; each rule fires at most once per window and key, so a flood gives one alert, not thousands.
 */
public final class Alerts {
    /**
     * Thresholds, each over its own sliding window.
     *
     * @param failedLogins failed sign-ins (all users together) per {@code loginWindow}
     * @param denials denied requests of one principal (or one client address when there is none) per
     *     {@code denialWindow}
     * @param downloadBytes plaintext bytes released to one principal per {@code downloadWindow}
     */
    public record Rules(int failedLogins, Duration loginWindow, int denials, Duration denialWindow, long downloadBytes,
            Duration downloadWindow) {
        public static final Rules DEFAULT = new Rules(10, Duration.ofMinutes(1), 50, Duration.ofMinutes(1),
                10L << 30, Duration.ofHours(1));
    }

    /** One fired alert. */
    public record Alert(String rule, String key, Instant time, long observed, long threshold, Duration window) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert", rule);
            m.put("key", key);
            m.put("time", time.toString());
            m.put("observed", observed);
            m.put("threshold", threshold);
            m.put("window_seconds", window.toSeconds());
            return m;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Rules rules;
    private final String loginRoute;
    private final Consumer<Alert> sink;
    /** Keys (principals, client hashes) tracked before idle ones are dropped: a flood of addresses cannot fill memory. */
    private static final int MAX_KEYS = 10_000;
    private final Map<String, Window> windows = new HashMap<>();

    /**
     * @param loginRoute the route template of sign-in, whose failures count as failed sign-ins
     * @param webhook where alerts are POSTed as JSON, or null
     */
    public Alerts(Rules rules, String loginRoute, URI webhook) {
        this(rules, loginRoute, webhook == null ? a -> {} : webhookSink(webhook));
    }

    /** With an explicit sink (besides the log), e.g. a list in tests. */
    public Alerts(Rules rules, String loginRoute, Consumer<Alert> sink) {
        this.rules = requireNonNull(rules, "rules");
        this.loginRoute = requireNonNull(loginRoute, "loginRoute");
        this.sink = requireNonNull(sink, "sink");
    }

    /** Counts {@code event} against the rules; fires what crosses a threshold. */
    public synchronized void observe(AuditEvent event) {
        Instant t = event.time();
        if (loginRoute.equals(event.route()) && "POST".equals(event.method()) && event.status() >= 400) {
            count("failed_logins", "all", t, 1, rules.failedLogins(), rules.loginWindow());
        }
        if ("denied".equals(event.outcome()) && event.status() != 404) {
            String who = "-".equals(event.principal()) ? "client:" + event.client() : event.principal();
            count("denial_burst", who, t, 1, rules.denials(), rules.denialWindow());
        }
        Object bytes = event.details().get("bytes");
        if ("allowed".equals(event.outcome()) && "GET".equals(event.method()) && bytes instanceof Number n
                && event.route() != null && (event.route().endsWith("/content") || event.route().endsWith("/raw"))) {
            count("download_volume", event.principal(), t, n.longValue(), rules.downloadBytes(),
                    rules.downloadWindow());
        }
    }

    private void count(String rule, String key, Instant t, long amount, long threshold, Duration window) {
        if (windows.size() > MAX_KEYS) windows.values().removeIf(x -> x.idle(t));
        Window w = windows.computeIfAbsent(rule + "\u0000" + key, k -> new Window(window));
        long total = w.add(t, amount, window);
        if (total >= threshold && (w.firedAt == null || !w.firedAt.plus(window).isAfter(t))) {
            w.firedAt = t;
            Alert alert = new Alert(rule, key, t, total, threshold, window);
            LOG.warn("alert {} for {}: {} in {} s (threshold {})", rule, key, total, window.toSeconds(), threshold);
            sink.accept(alert);
        }
    }

    private static Consumer<Alert> webhookSink(URI webhook) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return alert -> Thread.ofVirtual().name("warden-alert").start(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(alert.json()))).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) LOG.warn("alert webhook answered {}", status);
            } catch (Exception e) {
                LOG.warn("alert webhook failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** Amounts with their times, oldest first, pruned to the window. */
    private static final class Window {
        private final Deque<long[]> entries = new ArrayDeque<>();
        private final Duration span;
        private long total;
        Instant firedAt;

        Window(Duration span) {
            this.span = span;
        }

        long add(Instant t, long amount, Duration window) {
            long now = t.toEpochMilli();
            entries.addLast(new long[] {now, amount});
            total += amount;
            long oldest = now - window.toMillis();
            while (!entries.isEmpty() && entries.peekFirst()[0] <= oldest) total -= entries.removeFirst()[1];
            return total;
        }

        boolean idle(Instant t) {
            return entries.isEmpty() || entries.peekLast()[0] <= t.toEpochMilli() - span.toMillis();
        }
    }
}
