package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.DatasetKey;
import io.warden.crypto.KeyOperations;
import io.warden.crypto.Keyring;
import io.warden.crypto.MasterKey;
import io.warden.crypto.MasterKeys;
import io.warden.crypto.OpsLog;
import io.warden.crypto.Passphrase;
import io.warden.crypto.pkcs11.Pkcs11Login;
import io.warden.crypto.pkcs11.Pkcs11MasterKey;
import io.warden.crypto.seal.SealHeader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden keys}: create keyrings, manage dataset keys (rotate, minimum version, rewrap, destroy), check the log. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manage keyrings: the keys of the keyed operators and one data key per sealed dataset.",
            "Every operation is appended to the keyring's operations log (KEYRING.ops.jsonl)."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.AddDataset.class,
            KeysCommand.Rotate.class, KeysCommand.Config.class, KeysCommand.Rewrap.class, KeysCommand.Destroy.class,
            KeysCommand.Log.class})
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        throw new WardenException(ErrorCode.BAD_USAGE, "warden keys needs a subcommand: create, list, add-dataset, "
                + "rotate, config, rewrap, destroy, log");
    }

    private static void say(CommandSpec spec, String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
    }

    /** {@code warden keys create}: a new keyring. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a new keyring file (mode 600).", "With --passphrase-env or --passphrase-file the "
                    + "keys are wrapped under a key derived from the passphrase (Argon2id); with --pkcs11-token and "
                    + "--pkcs11-key under a non-extractable AES-256 key on an HSM (generated there unless "
                    + "--pkcs11-existing-key); --insecure-plaintext stores them unwrapped, for development and tests "
                    + "only."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The keyring file to create (must not exist).")
        Path file;

        @Option(names = "--insecure-plaintext", description = "Store the keys unencrypted (development only).")
        boolean insecurePlaintext;

        @Option(names = "--passphrase-env", paramLabel = "VAR",
                description = "Wrap the keys under the passphrase in this environment variable (12+ characters).")
        String passphraseEnv;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Wrap the keys under the passphrase on the first line of FILE.")
        Path passphraseFile;

        @Option(names = "--pkcs11-token", paramLabel = "LABEL", description = "Wrap the keys under a key on the HSM "
                + "token with this label (with --pkcs11-key, --pkcs11-library and the PIN in $WARDEN_PKCS11_PIN).")
        String pkcs11Token;

        @Option(names = "--pkcs11-key", paramLabel = "LABEL", description = "Label of the master key on the token.")
        String pkcs11Key;

        @Option(names = "--pkcs11-existing-key",
                description = "Use a key already on the token instead of generating one.")
        boolean pkcs11Existing;

        @Mixin
        Pkcs11Options pkcs11 = new Pkcs11Options();

        @Override
        public Integer call() {
            int ways = (insecurePlaintext ? 1 : 0) + (passphraseEnv != null ? 1 : 0) + (passphraseFile != null ? 1 : 0)
                    + (pkcs11Token != null ? 1 : 0);
            if (ways != 1) {
                throw new WardenException(ErrorCode.BAD_USAGE, "say how to protect the keys, once: --passphrase-env "
                        + "VAR or --passphrase-file FILE, --pkcs11-token LABEL (an HSM), or --insecure-plaintext "
                        + "(development only)");
            }
            if ((pkcs11Token == null) != (pkcs11Key == null)) {
                throw new WardenException(ErrorCode.BAD_USAGE, "--pkcs11-token and --pkcs11-key go together");
            }
            KeyOperations ops = new KeyOperations(file, Map.of(), OpsLog.beside(file), Clock.systemUTC());
            if (insecurePlaintext) {
                Keyring k = ops.create(MasterKeys.insecurePlaintext());
                say(spec, "created " + file + " (keyring " + k.id() + ", INSECURE plaintext, mode 600)");
                return Main.OK;
            }
            if (pkcs11Token != null) {
                if (java.nio.file.Files.exists(file)) {
                    throw new WardenException(ErrorCode.BAD_USAGE, file + " exists; a keyring is never overwritten");
                }
                Pkcs11Login login = pkcs11.login(pkcs11Token);
                Keyring k;
                try {
                    k = ops.create(pkcs11Existing ? Pkcs11MasterKey.open(login, pkcs11Key)
                            : Pkcs11MasterKey.create(login, pkcs11Key));
                } finally {
                    login.clear();
                }
                say(spec, "created " + file + " (keyring " + k.id() + ", master key \"" + pkcs11Key + "\" on PKCS#11 "
                        + "token \"" + pkcs11Token + "\", mode 600)");
                return Main.OK;
            }
            Passphrase p = passphraseFile != null ? KeyringOption.fromFile(passphraseFile)
                    : KeyringOption.passphrase(passphraseEnv);
            if (p == null) {
                throw new WardenException(ErrorCode.BAD_USAGE, "environment variable " + passphraseEnv
                        + " is not set or empty");
            }
            MasterKey master;
            try {
                master = MasterKeys.newPassphrase(p);
            } finally {
                p.clear();
            }
            Keyring k = ops.create(master);
            say(spec, "created " + file + " (keyring " + k.id() + ", passphrase-protected, mode 600)");
            return Main.OK;
        }
    }

    /** {@code warden keys list}: what a keyring holds, without any key material. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show a keyring's id, protection and dataset keys (versions, minimum, destroyed).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyringOption keyring;

        @Override
        public Integer call() {
            KeyOperations ops = keyring.operations();
            Keyring k = ops.read();
            say(spec, "keyring " + k.id() + " (" + Keyring.provider(ops.keyringFile()) + ")");
            say(spec, "  tokenization keys: " + k.prfKeyIds().size() + " version(s)");
            if (k.datasets().isEmpty()) say(spec, "  no dataset keys (add one with 'warden keys add-dataset')");
            for (DatasetKey d : k.datasets().values()) {
                say(spec, "  dataset " + d.dataset() + ": " + (d.destroyed()
                        ? "DESTROYED on " + d.destroyedAt() + " (" + d.versions().size() + " version(s) gone)"
                        : "version " + d.primary().number() + " seals; versions " + d.minDecryptionVersion() + "-"
                                + d.primary().number() + " open"));
            }
            return Main.OK;
        }
    }

    /** {@code warden keys add-dataset}: a data key for a dataset. */
    @Command(name = "add-dataset", mixinStandardHelpOptions = true,
            description = "Add a data key for a dataset, so that 'warden seal --dataset ID' can seal it.")
    static final class AddDataset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATASET", description = "Dataset id: letters, digits, '.', '_', '-' (max 128).")
        String dataset;

        @Mixin
        KeyringOption keyring;

        @Override
        public Integer call() {
            keyring.operations().addDataset(dataset);
            say(spec, "added a key for dataset " + dataset + " (version 1)");
            return Main.OK;
        }
    }

    /** {@code warden keys rotate}: new primary keys; old ones stay so what they protected still opens. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Without --dataset: new primary tokenization keys (old tokens still reveal) and a new "
                    + "key-encryption key.", "With --dataset: a new version of that dataset's key seals from now on; "
                    + "files sealed with older versions still open (move them with 'warden keys rewrap')."})
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyringOption keyring;

        @Option(names = "--dataset", paramLabel = "ID", description = "Rotate this dataset's key instead.")
        String dataset;

        @Override
        public Integer call() {
            KeyOperations ops = keyring.operations();
            if (dataset != null) {
                DatasetKey d = ops.rotateDataset(dataset).dataset(dataset);
                say(spec, "rotated dataset " + dataset + ": version " + d.primary().number() + " seals from now on; "
                        + "versions " + d.minDecryptionVersion() + "-" + d.primary().number() + " open");
            } else {
                Keyring k = ops.rotate();
                say(spec, "rotated keyring " + k.id() + ": new primary tokenization keys (" + k.prfKeyIds().size()
                        + " versions kept) and a new key-encryption key");
            }
            return Main.OK;
        }
    }

    /** {@code warden keys config}: the minimum decryption version of a dataset key. */
    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Set the lowest version of a dataset's key that may still open sealed files (like Vault's "
                    + "min_decryption_version). Files sealed with older versions then refuse to open until the "
                    + "minimum is lowered again: rewrap them first."})
    static final class Config implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyringOption keyring;

        @Option(names = "--dataset", paramLabel = "ID", required = true, description = "The dataset.")
        String dataset;

        @Option(names = "--min-decryption-version", paramLabel = "N", required = true,
                description = "Lowest key version that opens files (1 to the newest version).")
        int min;

        @Override
        public Integer call() {
            keyring.operations().setMinDecryptionVersion(dataset, min);
            say(spec, "dataset " + dataset + ": versions below " + min + " no longer open sealed files");
            return Main.OK;
        }
    }

    /** {@code warden keys rewrap}: sealed files to their dataset's newest key version, in place. */
    @Command(name = "rewrap", mixinStandardHelpOptions = true,
            description = {"Re-encrypt sealed files under the newest version of their dataset's key, in place. The "
                    + "plaintext never leaves the process; each file is replaced only after all of it authenticated."})
    static final class Rewrap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyringOption keyring;

        @Parameters(paramLabel = "SEALED", arity = "1..*", description = "Sealed files to rewrap.")
        List<Path> files;

        @Override
        public Integer call() {
            KeyOperations ops = keyring.operations();
            for (Path f : files) {
                int before = io.warden.crypto.seal.Sealer.inspect(f).keyVersion();
                SealHeader h = ops.rewrap(f);
                say(spec, f + ": " + (h.keyVersion() == before ? "already on version " + before
                        : "version " + before + " -> " + h.keyVersion()));
            }
            return Main.OK;
        }
    }

    /** {@code warden keys destroy}: crypto-shredding of a dataset. */
    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = {"Destroy a dataset's key: every file sealed under it becomes unreadable, for everyone, "
                    + "forever (crypto-shredding). Copies of the keyring file made before (backups) still hold the "
                    + "key: destroy those too.", "Repeat the dataset id with --confirm."})
    static final class Destroy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeyringOption keyring;

        @Option(names = "--dataset", paramLabel = "ID", required = true, description = "The dataset.")
        String dataset;

        @Option(names = "--confirm", paramLabel = "ID", required = true,
                description = "The dataset id again, to confirm.")
        String confirm;

        @Override
        public Integer call() {
            if (!dataset.equals(confirm)) {
                throw new WardenException(ErrorCode.BAD_USAGE, "--confirm must repeat the dataset id; nothing was "
                        + "destroyed");
            }
            keyring.operations().destroy(dataset);
            say(spec, "destroyed the key of dataset " + dataset + ": its sealed files can no longer be opened");
            return Main.OK;
        }
    }

    /** {@code warden keys log}: verify the operations log's hash chain. */
    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Check the keyring's operations log (KEYRING.ops.jsonl): every line present, in order, "
                    + "unaltered (hash chain). Exit 1 when it is broken.")
    static final class Log implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--keyring", paramLabel = "FILE", required = true, description = "The keyring.")
        Path keyring;

        @Override
        public Integer call() {
            OpsLog log = OpsLog.beside(keyring);
            long n = log.verify();
            say(spec, log.file() + ": " + n + " operation(s), hash chain intact");
            return Main.OK;
        }
    }
}
