package io.warden.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.audit.AuditHasher;
import io.warden.core.Version;
import io.warden.server.audit.Alerts;
import io.warden.server.audit.AuditRoutes;
import io.warden.server.audit.TlogAuditTrail;
import io.warden.server.http.OpenApi;
import io.warden.server.identity.Token;
import io.warden.server.users.IdentityRoutes;
import io.warden.server.users.IdentityService;
import io.warden.server.users.UserStore;
import java.util.Optional;
import io.warden.server.catalog.BlobStore;
import io.warden.server.catalog.Catalog;
import io.warden.server.catalog.DatasetRoutes;
import io.warden.server.catalog.Retention;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Warden server: assembles the catalog database, the keyring, the sealed blob store, identity, the audit
 * log and the routes, and serves them over HTTPS.
 */
public final class WardenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WardenServer.class);
    private final ServerConfig config;
    private final Database db;
    private final TlogAuditTrail audit;
    private final Javalin app;
    private final TlsMaterial tls;
    private final ServerKeys keys;
    private final Optional<String> bootstrap;
    private final List<Route> routes;
    private final Retention retention;
    private final Metrics metrics;
    private final ScheduledExecutorService sweeper;

    private WardenServer(ServerConfig config, Database db, TlogAuditTrail audit, Javalin app, TlsMaterial tls,
            ServerKeys keys, Optional<String> bootstrap, List<Route> routes, Retention retention,
            ScheduledExecutorService sweeper, Metrics metrics) {
        this.metrics = metrics;
        this.retention = retention;
        this.sweeper = sweeper;
        this.bootstrap = bootstrap;
        this.routes = List.copyOf(routes);
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
        return start(config, passphrase, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig, Passphrase)}, with the clock requests are judged by (tests move it). */
    public static WardenServer start(ServerConfig config, Passphrase passphrase, Clock clock) {
        requireNonNull(config, "config");
        requireNonNull(clock, "clock");
        Path data = config.dataDir();
        prepareDataDir(data);
        TlsMaterial tls = config.tlsCert() != null ? TlsMaterial.load(config.tlsCert(), config.tlsKey())
                : TlsMaterial.selfSigned(data.resolve("tls"));
        ServerKeys keys = ServerKeys.open(data, passphrase);
        Database db = Database.open(config.databaseUrl(), data);
        TlogAuditTrail audit = null;
        try {
            Metrics metrics = new Metrics();
            audit = TlogAuditTrail.open(data.resolve("audit"), TlogAuditTrail.origin(keys.keyring().id()));
            metrics.auditSize(audit.size());
            AuditHasher hasher = new AuditHasher(keys.keyring().deriveKey("warden-server/audit-fields", 32));
            Catalog catalog = new Catalog(db);
            BlobStore blobs = new BlobStore(data.resolve("blobs"));
            // the audit log's lock is held: no other server writes here, so a temporary file is a dead write's
            int unfinished = blobs.removeUnfinished();
            if (unfinished > 0) LOG.info("removed {} temporary files left by unfinished uploads", unfinished);
            IdentityService identity = new IdentityService(new UserStore(db), keys::keyring, metrics,
                    config.sessionTtl());
            Optional<Token> bootstrap = identity.startBootstrap();
            List<Route> routes = new ArrayList<>();
            routes.add(Route.get("/api/v1/health", Permission.PUBLIC, "Liveness", c -> c.json(Map.of("status", "ok"))));
            routes.add(Route.get("/metrics", Permission.METRICS_READ, "Prometheus metrics", c -> c.ctx()
                    .contentType(Metrics.contentType()).result(metrics.scrape())));
            routes.addAll(new IdentityRoutes(identity, hasher).routes());
            routes.addAll(new DatasetRoutes(catalog, blobs, keys, metrics, identity::exists, config.maxUploadBytes())
                    .routes());
            routes.addAll(new AuditRoutes(audit).routes());
            Retention retention = new Retention(catalog, blobs, audit, clock);
            routes.addAll(retention.routes());
            List<Route> declared = List.copyOf(routes);
            routes.add(Route.get("/api/v1/openapi.json", Permission.PUBLIC, "This API's OpenAPI document",
                    c -> c.json(OpenApi.document(declared, Version.VERSION))));
            Alerts alerts = new Alerts(Alerts.Rules.DEFAULT, IdentityRoutes.LOGIN, config.alertWebhook());
            Api api = new Api(routes, identity, new Access(catalog::hasGrant, config.mfaFreshness()), audit, hasher,
                    metrics, clock, alerts::observe);
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
                    connector.setIdleTimeout(config.idleTimeout().toMillis()); // slow or stalled clients are cut off
                    return connector;
                });
                api.register(c);
            });
            app.start();
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                    .name("warden-retention").daemon().unstarted(r));
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    retention.sweep();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Retention.class).error("retention sweep failed: {}", e.getMessage());
                }
            }, 0, 1, TimeUnit.HOURS);
            return new WardenServer(config, db, audit, app, tls, keys, bootstrap.map(Token::reveal), routes,
                    retention, sweeper, metrics);
        } catch (RuntimeException e) {
            if (audit != null) audit.close();
            db.close();
            throw e;
        }
    }

    /** The server's metrics (what {@code GET /metrics} serves). */
    public Metrics metrics() {
        return metrics;
    }

    /** Runs the retention sweep now (it also runs at start and every hour); returns how many versions it deleted. */
    public int sweepRetention() {
        return retention.sweep();
    }

    /** Every declared route, as the API serves them. */
    public List<Route> routes() {
        return routes;
    }

    /** The one-time credential for creating the first admin, on a start that found no user; empty otherwise. */
    public Optional<String> bootstrapCredential() {
        return bootstrap;
    }

    /** The audit trail (for tests and offline tools in the same process). */
    public TlogAuditTrail audit() {
        return audit;
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
        sweeper.shutdownNow();
        app.stop();
        audit.close();
        db.close();
    }
}
