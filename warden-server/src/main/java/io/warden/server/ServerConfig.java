package io.warden.server;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a Warden server runs: where its data lives, which database holds the catalog, where it listens and with which
 * TLS certificate.
 *
 * @param dataDir the data directory: blobs, keyring, audit log, TLS material, and the SQLite database by default
 * @param databaseUrl a {@code postgresql://} or {@code jdbc:postgresql:} URL, or null for SQLite in {@code dataDir}
 * @param host the address to bind ({@code 127.0.0.1} by default)
 * @param port the port; 0 picks a free one
 * @param tlsCert a PEM certificate chain, or null for the self-signed certificate kept in {@code dataDir}
 * @param tlsKey the PEM private key of {@code tlsCert}
 * @param maxUploadBytes the largest upload accepted
 * @param sessionTtl how long a login session lasts
 * @param mfaFreshness how recent a second factor must be for sensitive actions
 * @param alertWebhook where alerts are POSTed as JSON, or null for the log only
 * @param idleTimeout how long a connection may send or take nothing before it is closed (slow clients)
 */
public record ServerConfig(Path dataDir, String databaseUrl, String host, int port, Path tlsCert, Path tlsKey,
        long maxUploadBytes, Duration sessionTtl, Duration mfaFreshness, URI alertWebhook, Duration idleTimeout) {
    public static final long DEFAULT_MAX_UPLOAD = 1L << 40;

    public ServerConfig {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(host, "host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("give both a TLS certificate and its key, or neither");
        }
        requireNonNull(sessionTtl, "sessionTtl");
        requireNonNull(mfaFreshness, "mfaFreshness");
        requireNonNull(idleTimeout, "idleTimeout");
    }

    /** The defaults: SQLite in {@code dataDir}, loopback, a self-signed certificate, 8 h sessions, 5 min MFA. */
    public static ServerConfig defaults(Path dataDir, int port) {
        return new ServerConfig(dataDir, null, "127.0.0.1", port, null, null, DEFAULT_MAX_UPLOAD, Duration.ofHours(8),
                Duration.ofMinutes(5), null, Duration.ofSeconds(30));
    }

    public ServerConfig withDatabase(String url) {
        return new ServerConfig(dataDir, url, host, port, tlsCert, tlsKey, maxUploadBytes, sessionTtl, mfaFreshness,
                alertWebhook, idleTimeout);
    }

    public ServerConfig withTls(Path cert, Path key) {
        return new ServerConfig(dataDir, databaseUrl, host, port, cert, key, maxUploadBytes, sessionTtl, mfaFreshness,
                alertWebhook, idleTimeout);
    }

    public ServerConfig withHost(String bindHost) {
        return new ServerConfig(dataDir, databaseUrl, bindHost, port, tlsCert, tlsKey, maxUploadBytes, sessionTtl,
                mfaFreshness, alertWebhook, idleTimeout);
    }

    public ServerConfig withMaxUpload(long bytes) {
        return new ServerConfig(dataDir, databaseUrl, host, port, tlsCert, tlsKey, bytes, sessionTtl, mfaFreshness,
                alertWebhook, idleTimeout);
    }

    public ServerConfig withIdleTimeout(Duration timeout) {
        return new ServerConfig(dataDir, databaseUrl, host, port, tlsCert, tlsKey, maxUploadBytes, sessionTtl,
                mfaFreshness, alertWebhook, timeout);
    }

    public ServerConfig withAlertWebhook(URI webhook) {
        return new ServerConfig(dataDir, databaseUrl, host, port, tlsCert, tlsKey, maxUploadBytes, sessionTtl,
                mfaFreshness, webhook, idleTimeout);
    }
}
