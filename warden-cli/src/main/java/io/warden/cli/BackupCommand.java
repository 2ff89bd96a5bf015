package io.warden.cli;

import io.warden.core.io.FileDigest;
import io.warden.server.backup.Backup;
import io.warden.server.backup.BackupLayout;
import io.warden.server.backup.BackupManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden backup}: a consistent copy of a server's data, taken while it runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up a Warden server's data directory into a new directory, consistently, while the "
                + "server runs: the catalog (SQLite, or PostgreSQL with --db), the keyring and its operations log, "
                + "every sealed blob the catalog references, the audit log up to a checkpoint signed now, and the "
                + "TLS identity; manifest.json lists every file with its SHA-256.",
            "Needs no passphrase: blobs stay sealed and the keyring is copied as it is. The backup therefore holds "
                + "the keyring: whoever has it and the passphrase has the data. Check a backup with "
                + "'warden restore BACKUP --verify-only'. See docs/backup.md."})
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The server's data directory.")
    Path data;

    @Option(names = "--db", paramLabel = "URL",
            description = "The server's PostgreSQL catalog: postgresql://USER:PASSWORD@HOST:PORT/DB.")
    String db;

    @Option(names = {"-o", "--out"}, paramLabel = "BACKUP_DIR", required = true,
            description = "The backup directory to create; it must not exist.")
    Path out;

    @Override
    public Integer call() {
        BackupManifest m = Backup.create(data, db, out);
        PrintWriter o = spec.commandLine().getOut();
        long bytes = m.files().stream().mapToLong(BackupManifest.FileEntry::size).sum();
        o.println("backup of " + data + " written to " + out);
        o.println("  catalog:  " + RestoreCommand.catalog(m));
        o.println("  files:    " + m.files().size() + " files, " + bytes + " bytes, each with its SHA-256 in "
                + BackupLayout.MANIFEST);
        o.println("  audit:    " + m.audit().size() + " entries, up to a checkpoint signed now by "
                + m.audit().vkey());
        o.println("  manifest: sha256 " + FileDigest.sha256Hex(out.resolve(BackupLayout.MANIFEST))
                + " (keep it apart from the backup; 'warden restore' prints it too)");
        o.flush();
        return Main.OK;
    }
}
