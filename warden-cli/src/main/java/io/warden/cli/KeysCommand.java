package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.crypto.Passphrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden keys}: manage keyrings. Today only {@code create} of a development keyring. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage keyrings for the keyed operators (hash, tokenize, fpe, surrogate, date-shift).",
        subcommands = {KeysCommand.Create.class, KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new WardenException(ErrorCode.BAD_USAGE, "warden keys needs a subcommand: create, rotate");
    }

    /** {@code warden keys create}: a new keyring. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a new keyring file (mode 600).", "With --passphrase-env the keys are encrypted "
                    + "under a key derived from the passphrase (Argon2id); --insecure-plaintext stores them "
                    + "unencrypted, for development and tests only."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The keyring file to create (must not exist).")
        Path file;

        @Option(names = "--insecure-plaintext", description = "Store the keys unencrypted (development only).")
        boolean insecurePlaintext;

        @Option(names = "--passphrase-env", paramLabel = "VAR",
                description = "Encrypt the keys under the passphrase in this environment variable (12+ characters).")
        String passphraseEnv;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Encrypt the keys under the passphrase on the first line of FILE.")
        Path passphraseFile;

        @Override
        public Integer call() {
            int ways = (insecurePlaintext ? 1 : 0) + (passphraseEnv != null ? 1 : 0) + (passphraseFile != null ? 1 : 0);
            if (ways != 1) {
                throw new WardenException(ErrorCode.BAD_USAGE, "say how to protect the keys, once: --passphrase-env "
                        + "VAR or --passphrase-file FILE (encrypted), or --insecure-plaintext (development only)");
            }
            if (Files.exists(file)) {
                throw new WardenException(ErrorCode.BAD_USAGE, file + " exists; a keyring is never overwritten");
            }
            if (insecurePlaintext) {
                Keyring.generate().writeInsecurePlaintext(file);
                spec.commandLine().getOut().println("created " + file + " (insecure plaintext keyring, mode 600)");
            } else {
                Passphrase p = passphraseFile != null ? KeyringOption.fromFile(passphraseFile)
                        : KeyringOption.passphrase(passphraseEnv);
                if (p == null) {
                    throw new WardenException(ErrorCode.BAD_USAGE, "environment variable " + passphraseEnv
                            + " is not set or empty");
                }
                try {
                    Keyring.generate().writeWithPassphrase(file, p);
                } finally {
                    p.clear();
                }
                spec.commandLine().getOut().println("created " + file + " (passphrase-protected keyring, mode 600)");
            }
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }

    /** {@code warden keys rotate}: a new primary key in each keyset; the old keys stay so old tokens still open. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Add a new primary key to each keyset of a keyring, keeping the old ones: tokens made "
                    + "before still reveal; new hashes, surrogates and FPE values use the new key.",
                    "The file keeps its protection (a passphrase keyring gets a fresh salt)."})
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        KeyringOption keyringOption;

        @Override
        public Integer call() {
            io.warden.core.policy.Policy none = io.warden.core.policy.Policy.defaults();
            Path file = keyringOption.file(none);
            if (file == null) throw new WardenException(ErrorCode.BAD_USAGE, "give the keyring with --keyring FILE");
            Keyring rotated = keyringOption.load(none, spec.commandLine().getErr()).rotate();
            if (Keyring.isInsecurePlaintext(file)) {
                rotated.writeInsecurePlaintext(file);
            } else {
                Passphrase p = keyringOption.passphraseFor(file);
                try {
                    rotated.writeWithPassphrase(file, p);
                } finally {
                    p.clear();
                }
            }
            spec.commandLine().getOut().println("rotated " + file + ": new primary keys "
                    + rotated.prfPrimaryKeyId() + " (prf); " + rotated.prfKeyIds().size() + " PRF keys kept");
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }
}
