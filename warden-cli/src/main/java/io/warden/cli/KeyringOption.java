package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Policy;
import io.warden.crypto.Keyring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --keyring} option and how a command finds its keyring: the option, else the policy's {@code protect.keyring}. */
final class KeyringOption {
    @Option(names = "--keyring", paramLabel = "FILE",
            description = "Keyring for keyed operators (default: the policy's protect.keyring). Create one with "
                    + "'warden keys create --insecure-plaintext FILE'.")
    Path keyring;

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
        Path file = keyring != null ? keyring
                : policy.protect().keyring() != null ? Path.of(policy.protect().keyring()) : null;
        if (file == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "the policy uses keyed operators but no keyring is given: "
                    + "pass --keyring FILE or set protect.keyring (create one with 'warden keys create "
                    + "--insecure-plaintext FILE')");
        }
        Keyring k = Keyring.readInsecurePlaintext(file);
        err.println("warden: warning: " + file + " is an insecure plaintext keyring (for development only)");
        err.flush();
        return k;
    }
}
