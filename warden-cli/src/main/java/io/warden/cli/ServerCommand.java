package io.warden.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.ServerConfig;
import io.warden.server.WardenServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden server}: run the vault. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the Warden server: datasets sealed at rest, users with MFA, roles and grants, a "
                + "tamper-evident audit log, Prometheus metrics and alerts, over HTTPS.",
            "First start: makes the data directory, a self-signed TLS certificate (its SHA-256 is printed for clients "
                + "to pin), the keyring and the database, and prints a one-time bootstrap credential for the first "
                + "admin. Logs are JSON lines on stdout. Stops on SIGINT or SIGTERM."})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Data directory: database (SQLite), sealed blobs, keyring, audit log, TLS material.")
    Path data;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL instead of the embedded SQLite: postgresql://USER:PASSWORD@HOST:PORT/DB.")
    String db;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM) instead of the "
            + "self-signed one; needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PEM, unencrypted) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--passphrase-env", paramLabel = "VAR", defaultValue = "WARDEN_SERVER_PASSPHRASE",
            description = "Environment variable with the keyring's passphrase (default: ${DEFAULT-VALUE}). When it "
                    + "is unset at the first start, the keyring is made insecure-plaintext (development only).")
    String passphraseEnv;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the keyring's passphrase from FILE.")
    Path passphraseFile;

    @Option(names = "--alert-webhook", paramLabel = "URL", description = "POST alerts as JSON to this URL.")
    URI alertWebhook;

    @Override
    public Integer call() throws InterruptedException {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "give both --tls-cert and --tls-key, or neither");
        }
        jsonLogs();
        Passphrase passphrase = passphraseFile != null ? KeyringOption.fromFile(passphraseFile)
                : KeyringOption.passphrase(passphraseEnv);
        ServerConfig config = ServerConfig.defaults(data, port).withDatabase(db).withHost(host)
                .withTls(tlsCert, tlsKey).withAlertWebhook(alertWebhook);
        WardenServer server = WardenServer.start(config, passphrase);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "warden-server-stop"));
        PrintWriter err = spec.commandLine().getErr();
        err.println("warden server listening on " + server.url());
        err.println("  TLS certificate sha256: " + server.certificateFingerprint());
        if (server.insecureKeyring()) {
            err.println("  WARNING: the keyring is insecure-plaintext (no master key): anyone who can read "
                    + data.resolve("keyring.json") + " holds every key. For development only.");
        }
        server.bootstrapCredential().ifPresent(token -> {
            err.println("  First start: create the first admin with this one-time credential (shown once):");
            err.println("    WARDEN_BOOTSTRAP=" + token + " warden login --bootstrap --server " + server.url()
                    + " --fingerprint " + server.certificateFingerprint() + " --user NAME");
        });
        err.flush();
        stopped.await();
        return Main.OK;
    }

    /** Logs as JSON lines on stdout at INFO, the format log collectors read. */
    private static void jsonLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setEncoder(encoder);
        out.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(out);
        for (String noisy : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "io.javalin"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
    }
}
