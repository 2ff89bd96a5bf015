package io.warden.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.warden.server.ServerConfig;
import io.warden.server.TestServers;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A burst of failed sign-ins reaches a real webhook as one JSON alert, and the metrics count them. */
class AlertWebhookTest {
    @TempDir
    Path dir;

    @Test
    void failedLoginBurst_postsOneAlertToTheWebhook_andCountsInMetrics() throws Exception {
        LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try (WardenServer server = WardenServer.start(ServerConfig.defaults(dir, 0).withAlertWebhook(
                URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook")), null)) {
            WardenClient anon = TestServers.client(server);
            for (int i = 0; i < 12; i++) {
                assertThat(anon.call("POST", "/api/v1/session", Map.of("user", "mallory" + i,
                        "password", "guess number " + i)).status()).isEqualTo(401);
            }
            byte[] first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("an alert arrived").isNotNull();
            JsonNode alert = new ObjectMapper().readTree(first);
            assertThat(alert.get("alert").asText()).isEqualTo("failed_logins");
            assertThat(alert.get("observed").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(new String(first)).doesNotContain("mallory").doesNotContain("guess");
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("one alert per window").isNull();
            // the metrics count the failures (read through the same process's registry: an auditor would scrape it)
            String metrics = new String(server.metrics().scrape());
            assertThat(metrics).contains("warden_failed_logins_total 12.0");
            assertThat(metrics).contains("warden_requests_total{method=\"POST\",outcome=\"failed\",route=\"/api/v1/session\"} 12.0");
        } finally {
            hook.stop(0);
        }
    }
}
