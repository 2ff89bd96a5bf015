package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
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
        subcommands = {KeysCommand.Create.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new WardenException(ErrorCode.BAD_USAGE, "warden keys needs a subcommand: create");
    }

    /** {@code warden keys create}: a new keyring. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a new keyring file.", "Only --insecure-plaintext exists yet: the keys are stored "
                    + "unencrypted (mode 600), for development and tests only."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The keyring file to create (must not exist).")
        Path file;

        @Option(names = "--insecure-plaintext", description = "Store the keys unencrypted (required for now).")
        boolean insecurePlaintext;

        @Override
        public Integer call() {
            if (!insecurePlaintext) {
                throw new WardenException(ErrorCode.BAD_USAGE, "only plaintext development keyrings exist yet: "
                        + "pass --insecure-plaintext to accept that the keys are stored unencrypted");
            }
            if (Files.exists(file)) {
                throw new WardenException(ErrorCode.BAD_USAGE, file + " exists; a keyring is never overwritten");
            }
            Keyring.generate().writeInsecurePlaintext(file);
            spec.commandLine().getOut().println("created " + file + " (insecure plaintext keyring, mode 600)");
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }
}
