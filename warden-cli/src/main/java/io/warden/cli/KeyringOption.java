package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Policy;
import io.warden.crypto.KeyOperations;
import io.warden.crypto.Keyring;
import io.warden.crypto.MasterKeyOpener;
import io.warden.crypto.MasterKeys;
import io.warden.crypto.OpsLog;
import io.warden.crypto.Passphrase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import io.warden.crypto.pkcs11.Pkcs11MasterKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --keyring} option and how a command finds its keyring: the option, else the policy's {@code protect.keyring}. */
final class KeyringOption {
    /** The environment variable that holds a keyring's passphrase unless {@code --passphrase-env} names another. */
    static final String DEFAULT_PASSPHRASE_ENV = "WARDEN_KEYRING_PASSPHRASE";

    @Option(names = "--keyring", paramLabel = "FILE",
            description = "The keyring (protect and reveal: default the policy's protect.keyring). Create one with "
                    + "'warden keys create FILE --passphrase-env VAR'.")
    Path keyring;

    @Option(names = "--passphrase-env", paramLabel = "VAR", defaultValue = DEFAULT_PASSPHRASE_ENV,
            description = "Environment variable holding the keyring's passphrase (default: ${DEFAULT-VALUE}).")
    String passphraseEnv;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the keyring's passphrase from the first line of FILE instead.")
    Path passphraseFile;

    /**
     * A supplier that reads the keyring the first time it is asked (so policies without keyed operators need none)
     * and warns once on {@code err} that the file is an insecure plaintext keyset.
     */
    Supplier<Keyring> lazy(Policy policy, PrintWriter err) {
        return new Supplier<>() {
            private Keyring loaded;

            @Override
            public synchronized Keyring get() {
                if (loaded == null) loaded = load(policy, err);
                return loaded;
            }
        };
    }

    /** Reads the keyring now; fails with BAD_KEY when none is named. */
    Keyring load(Policy policy, PrintWriter err) {
        Path file = file(policy);
        if (file == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "the policy uses keyed operators but no keyring is given: "
                    + "pass --keyring FILE or set protect.keyring (create one with 'warden keys create "
                    + "FILE --passphrase-env VAR')");
        }
        Keyring k = Keyring.read(file, openers(file));
        if (Keyring.isInsecurePlaintext(file)) {
            err.println("warden: warning: " + file + " is an insecure plaintext keyring (for development only)");
            err.flush();
        }
        return k;
    }

    @Mixin
    Pkcs11Options pkcs11 = new Pkcs11Options();

    /**
     * The master-key openers this command line can satisfy: a passphrase, or a PKCS#11 token's PIN (each asked for
     * only if the file needs it).
     */
    Map<String, MasterKeyOpener> openers(Path keyringFile) {
        return Map.of(MasterKeys.passphraseProvider(), MasterKeys.passphrase(() -> passphraseFor(keyringFile)),
                Pkcs11MasterKey.PROVIDER, pkcs11.opener());
    }

    /** Key operations on the keyring given with {@code --keyring} (required), logged beside it. */
    KeyOperations operations() {
        if (keyring == null) throw new WardenException(ErrorCode.BAD_USAGE, "give the keyring with --keyring FILE");
        return new KeyOperations(keyring, openers(keyring), OpsLog.beside(keyring), Clock.systemUTC());
    }

    /** The path of the keyring named by the option or the policy, or null. */
    Path file(Policy policy) {
        return keyring != null ? keyring
                : policy.protect().keyring() != null ? Path.of(policy.protect().keyring()) : null;
    }

    /** The passphrase from --passphrase-file or the environment; BAD_KEY naming {@code keyringFile} when none. */
    Passphrase passphraseFor(Path keyringFile) {
        Passphrase p = passphraseFile != null ? fromFile(passphraseFile) : passphrase(passphraseEnv);
        if (p == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring " + keyringFile + " is protected by a passphrase: set "
                    + passphraseEnv + ", or give --passphrase-env VAR or --passphrase-file FILE");
        }
        return p;
    }

    /** The first line of {@code file} as a passphrase; an unreadable or empty file is a BAD_KEY error. */
    static Passphrase fromFile(Path file) {
        return fromFile(file, "passphrase");
    }

    /** The first line of {@code file} as a secret called {@code what} in messages ("passphrase", "PIN"). */
    static Passphrase fromFile(Path file, String what) {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw new WardenException(ErrorCode.BAD_KEY, what + " file " + file + " is empty");
            }
            return Passphrase.of(line.toCharArray());
        } catch (java.io.IOException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot read " + what + " file " + file);
        }
    }

    /** The passphrase in environment variable {@code var}, or null when it is unset or empty. */
    static Passphrase passphrase(String var) {
        String v = System.getenv(var);
        return v == null || v.isEmpty() ? null : Passphrase.of(v.toCharArray());
    }
}
