package io.warden.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.audit.AuditHasher;
import io.warden.server.audit.AuditTrail;
import io.warden.server.catalog.BlobStore;
import io.warden.server.catalog.Catalog;
import io.warden.server.catalog.DatasetRoutes;
import io.warden.server.catalog.ServerKeys;
import io.warden.server.db.Database;
import io.warden.server.http.Access;
import io.warden.server.http.Api;
import io.warden.server.http.Metrics;
import io.warden.server.http.Permission;
import io.warden.server.http.Route;
import io.warden.server.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A running Warden server: assembles the catalog database, the keyring, the sealed blob store, identity, the audit
 * log and the routes, and serves them over HTTPS.
 */
public final class WardenServer implements AutoCloseable {
    private final ServerConfig config;
    private final Database db;
    private final AuditTrail audit;
    private final Javalin app;
    private final TlsMaterial tls;
    private final ServerKeys keys;

    private WardenServer(ServerConfig config, Database db, AuditTrail audit, Javalin app, TlsMaterial tls,
            ServerKeys keys) {
        this.config = config;
        this.db = db;
        this.audit = audit;
        this.app = app;
        this.tls = tls;
        this.keys = keys;
    }

    /**
     * Starts a server on {@code config}; the keyring is protected by {@code passphrase}, or by none (insecure
     * plaintext, for development) when it is null.
     */
    public static WardenServer start(ServerConfig config, Passphrase passphrase) {
        requireNonNull(config, "config");
        Path data = config.dataDir();
        prepareDataDir(data);
        TlsMaterial tls = config.tlsCert() != null ? TlsMaterial.load(config.tlsCert(), config.tlsKey())
                : TlsMaterial.selfSigned(data.resolve("tls"));
        ServerKeys keys = ServerKeys.open(data, passphrase);
        Database db = Database.open(config.databaseUrl(), data);
        AuditTrail audit = null;
        try {
            Clock clock = Clock.systemUTC();
            Metrics metrics = new Metrics();
            audit = openAudit(data, keys);
            Catalog catalog = new Catalog(db);
            BlobStore blobs = new BlobStore(data.resolve("blobs"));
            List<Route> routes = new ArrayList<>();
            routes.add(Route.get("/api/v1/health", Permission.PUBLIC, "Liveness", c -> c.json(Map.of("status", "ok"))));
            routes.add(Route.get("/metrics", Permission.METRICS_READ, "Prometheus metrics", c -> c.ctx()
                    .contentType(Metrics.contentType()).result(metrics.scrape())));
            routes.addAll(new DatasetRoutes(catalog, blobs, keys, metrics, u -> false, config.maxUploadBytes())
                    .routes());
            Api api = new Api(routes, (bearer, now) -> {
                throw new WardenException(ErrorCode.UNAUTHENTICATED, "unknown credential");
            }, new Access(catalog::hasGrant, config.mfaFreshness()), audit,
                    new AuditHasher(keys.keyring().deriveKey("warden-server/audit-fields", 32)), metrics, clock);
            Javalin app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.concurrency.useVirtualThreads = true;
                c.http.maxRequestSize = 64 * 1024; // JSON bodies; uploads stream past this limit with their own
                c.jetty.addConnector((server, http) -> {
                    http.setSendServerVersion(false);
                    http.addCustomizer(new SecureRequestCustomizer(false));
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(tls.keyStore());
                    ssl.setKeyStorePassword(new String(tls.password()));
                    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(http));
                    connector.setHost(config.host());
                    connector.setPort(config.port());
                    connector.setIdleTimeout(30_000); // a client that stops sending is cut off after 30 s
                    return connector;
                });
                api.register(c);
            });
            app.start();
            return new WardenServer(config, db, audit, app, tls, keys);
        } catch (RuntimeException e) {
            if (audit != null) audit.close();
            db.close();
            throw e;
        }
    }

    private static AuditTrail openAudit(Path data, ServerKeys keys) {
        throw new UnsupportedOperationException("audit trail: next");
    }

    /** The port the server listens on (the one chosen when the configuration said 0). */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** {@code https://HOST:PORT}. */
    public String url() {
        return "https://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + port();
    }

    /** SHA-256 of the TLS certificate, for clients to pin. */
    public String certificateFingerprint() {
        return tls.fingerprint();
    }

    /** Whether the keyring has no master key (development only). */
    public boolean insecureKeyring() {
        return keys.insecure();
    }

    private static void prepareDataDir(Path data) {
        try {
            if (!Files.isDirectory(data)) {
                Files.createDirectories(data);
                try {
                    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its own permissions apply
                }
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot create the data directory " + data);
        }
    }

    @Override
    public void close() {
        app.stop();
        audit.close();
        db.close();
    }
}
