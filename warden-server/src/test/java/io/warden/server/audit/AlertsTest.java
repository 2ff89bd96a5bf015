package io.warden.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final List<Alerts.Alert> fired = new ArrayList<>();
    private final Alerts alerts = new Alerts(new Alerts.Rules(3, Duration.ofMinutes(1), 5, Duration.ofMinutes(1),
            1000, Duration.ofHours(1)), "/api/v1/session", fired::add);

    private static AuditEvent event(Instant t, String principal, String method, String route, String outcome,
            int status, Map<String, Object> details) {
        return new AuditEvent(t, "r", principal, "-", method, route, null, null, outcome, status, null, "c1", details);
    }

    @Test
    void failedLogins_overThresholdInWindow_fireOnce() {
        for (int i = 0; i < 10; i++) {
            alerts.observe(event(T0.plusSeconds(i), "-", "POST", "/api/v1/session", "failed", 401, null));
        }
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("failed_logins");
            assertThat(a.observed()).isEqualTo(3);
        });
    }

    @Test
    void failedLogins_spreadOverWindows_doNotFire() {
        for (int i = 0; i < 10; i++) {
            alerts.observe(event(T0.plusSeconds(31L * i), "-", "POST", "/api/v1/session", "failed", 401, null));
        }
        assertThat(fired).isEmpty();
    }

    @Test
    void denials_arePerPrincipal() {
        for (int i = 0; i < 4; i++) {
            alerts.observe(event(T0.plusSeconds(i), "alice", "GET", "/api/v1/datasets/{dataset}", "denied", 403, null));
            alerts.observe(event(T0.plusSeconds(i), "bob", "GET", "/api/v1/datasets/{dataset}", "denied", 403, null));
        }
        assertThat(fired).isEmpty();
        alerts.observe(event(T0.plusSeconds(5), "alice", "GET", "/api/v1/datasets/{dataset}", "denied", 403, null));
        assertThat(fired).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("alice"));
    }

    @Test
    void downloadVolume_sumsBytesPerPrincipal() {
        String route = "/api/v1/datasets/{dataset}/versions/{version}/content";
        alerts.observe(event(T0, "svc", "GET", route, "allowed", 200, Map.of("bytes", 600)));
        assertThat(fired).isEmpty();
        alerts.observe(event(T0.plusSeconds(60), "svc", "GET", route, "allowed", 200, Map.of("bytes", 600)));
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("download_volume");
            assertThat(a.observed()).isEqualTo(1200);
        });
    }
}
