package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.MasterKeyOpener;
import io.warden.crypto.pkcs11.Pkcs11Login;
import io.warden.crypto.pkcs11.Pkcs11MasterKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the PKCS#11 module is and where its PIN comes from, for keyrings whose master key is on a token. */
final class Pkcs11Options {
    static final String LIBRARY_ENV = "WARDEN_PKCS11_LIBRARY";
    static final String DEFAULT_PIN_ENV = "WARDEN_PKCS11_PIN";

    @Option(names = "--pkcs11-library", paramLabel = "FILE",
            description = "PKCS#11 module of the HSM (default: $" + LIBRARY_ENV + "), e.g. "
                    + "/usr/lib/softhsm/libsofthsm2.so.")
    Path library;

    @Option(names = "--pkcs11-pin-env", paramLabel = "VAR", defaultValue = DEFAULT_PIN_ENV,
            description = "Environment variable holding the token's user PIN (default: ${DEFAULT-VALUE}).")
    String pinEnv;

    @Option(names = "--pkcs11-pin-file", paramLabel = "FILE",
            description = "Read the token's user PIN from the first line of FILE instead.")
    Path pinFile;

    /** The module: the option, else the environment; BAD_USAGE when neither says. */
    Path library() {
        if (library != null) return library;
        String env = System.getenv(LIBRARY_ENV);
        if (env == null || env.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the keyring's master key is on a PKCS#11 token: give the "
                    + "module with --pkcs11-library FILE or " + LIBRARY_ENV);
        }
        return Path.of(env);
    }

    /** The PIN from the file or the environment (a fresh array the caller wipes); BAD_KEY when there is none. */
    char[] pin() {
        if (pinFile != null) {
            io.warden.crypto.Passphrase p = KeyringOption.fromFile(pinFile, "PIN");
            try {
                return p.chars();
            } finally {
                p.clear();
            }
        }
        String v = System.getenv(pinEnv);
        if (v == null || v.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_KEY, "the PKCS#11 PIN is not set: put it in " + pinEnv
                    + " (or name another variable with --pkcs11-pin-env)");
        }
        return v.toCharArray();
    }

    /** A login to {@code token} with these options. */
    Pkcs11Login login(String token) {
        char[] pin = pin();
        try {
            return Pkcs11Login.of(library(), token, pin);
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    MasterKeyOpener opener() {
        return Pkcs11MasterKey.opener(this::library, this::pin);
    }
}
