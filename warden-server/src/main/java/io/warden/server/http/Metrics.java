package io.warden.server.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's Prometheus metrics, in a registry of its own (several servers can run in one JVM, as in tests):
 * requests by route and outcome, latency per route, audit log size, failed sign-ins, bytes released per principal.
 */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("warden_requests_total")
            .help("Requests by route template, method and outcome (allowed, denied, failed)")
            .labelNames("route", "method", "outcome").register(registry);
    private final Histogram latency = Histogram.builder().name("warden_request_duration_seconds")
            .help("Request latency by route template, audit write included").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10)
            .labelNames("route").register(registry);
    private final Gauge auditSize = Gauge.builder().name("warden_audit_log_entries")
            .help("Entries in the audit log").register(registry);
    private final Counter failedLogins = Counter.builder().name("warden_failed_logins_total")
            .help("Failed sign-ins (wrong password, wrong or replayed second factor, locked out)").register(registry);
    private final Counter released = Counter.builder().name("warden_released_bytes_total")
            .help("Plaintext bytes released by downloads, per principal").labelNames("principal").register(registry);

    void request(String route, String method, String outcome, long nanos) {
        requests.labelValues(route, method, outcome).inc();
        latency.labelValues(route).observe(nanos / 1e9);
    }

    public void auditSize(long entries) {
        auditSize.set(entries);
    }

    public void failedLogin() {
        failedLogins.inc();
    }

    public void released(String principal, long bytes) {
        released.labelValues(principal).inc(bytes);
    }

    /** The text exposition format (version 0.0.4). */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
