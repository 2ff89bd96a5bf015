package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Passphrase;
import io.warden.server.backup.BackupManifest;
import io.warden.server.backup.Restore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden restore}: check a backup, and restore it into a new data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Check a backup made by 'warden backup' and restore it into a new (or empty) data directory; "
                + "the catalog goes to SQLite there, or into an empty PostgreSQL schema with --db.",
            "Before anything is written: every file's size and SHA-256 against the manifest, no file missing or "
                + "added, the catalog against the manifest, the audit log against its signed checkpoint, the "
                + "keyring's operations log, and every version unsealed (with the keyring's passphrase) and its "
                + "plaintext SHA-256 compared with the one recorded. Plaintext is never written to disk. The data "
                + "directory appears only when complete.",
            "Exit codes: 0 restored (or verified), 1 the backup failed a check, 2 bad usage or input (no backup, "
                + "a target that is not empty, a wrong passphrase)."})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BACKUP_DIR", description = "The backup directory.")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory to restore into; it must not exist or be empty.")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "Restore the catalog into this PostgreSQL database "
            + "(postgresql://USER:PASSWORD@HOST:PORT/DB), whose catalog tables must be empty.")
    String db;

    @Option(names = "--verify-only", description = "Check the backup; restore nothing.")
    boolean verifyOnly;

    @Option(names = "--passphrase-env", paramLabel = "VAR", defaultValue = "WARDEN_SERVER_PASSPHRASE",
            description = "Environment variable with the keyring's passphrase (default: ${DEFAULT-VALUE}); not needed "
                    + "for an insecure-plaintext keyring.")
    String passphraseEnv;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the keyring's passphrase from FILE.")
    Path passphraseFile;

    @Override
    public Integer call() {
        if (verifyOnly && (data != null || db != null)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "--verify-only restores nothing: drop --data and --db");
        }
        if (!verifyOnly && data == null) {
            throw new WardenException(ErrorCode.BAD_USAGE, "give --data DIR to restore into, or --verify-only");
        }
        Passphrase passphrase = passphraseFile != null ? KeyringOption.fromFile(passphraseFile)
                : KeyringOption.passphrase(passphraseEnv);
        Restore.Report r;
        try {
            r = verifyOnly ? Restore.verify(backup, passphrase) : Restore.into(backup, data, db, passphrase);
        } finally {
            if (passphrase != null) passphrase.clear();
        }
        BackupManifest m = r.manifest();
        PrintWriter o = spec.commandLine().getOut();
        o.println("backup " + backup + " verified (made " + m.createdAt() + " by warden " + m.wardenVersion() + ")");
        o.println("  files:    " + m.files().size() + " files, " + r.bytes() + " bytes, each of the size and "
                + "SHA-256 in the manifest; none missing, none added");
        o.println("  catalog:  " + catalog(m));
        o.println("  versions: " + r.versionsChecked() + " unsealed, each plaintext's SHA-256 the one recorded");
        o.println("  audit:    " + r.auditEntries() + " entries verify against the checkpoint (size "
                + m.audit().size() + ") signed by " + m.audit().vkey());
        o.println("  keyring:  " + r.keyringId() + (r.insecureKeyring() ? " — WARNING: insecure-plaintext: the backup "
                + "itself holds every key" : ", passphrase-protected; operations log intact"));
        o.println("  manifest: sha256 " + r.manifestSha256());
        if (!verifyOnly) {
            o.println("restored into " + data + (db != null ? " (catalog in PostgreSQL)" : ""));
        }
        o.flush();
        return Main.OK;
    }

    /** The catalog's source and what it holds, in one line. */
    static String catalog(BackupManifest m) {
        return m.source().name().toLowerCase(java.util.Locale.ROOT) + " (schema " + m.schemaVersion() + "): "
                + m.tables().get("users") + " users, " + m.tables().get("datasets") + " datasets, "
                + m.versions().size() + " versions, " + m.tables().get("grants") + " grants";
    }
}
