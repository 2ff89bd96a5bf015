package io.warden.cli;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.tlog.MerkleLogVerifier;
import io.warden.crypto.tlog.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden audit}: the server's tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The server's audit log: fetch signed checkpoints and the key that verifies them, and verify a "
                + "log offline against a checkpoint.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Key.class})
final class AuditCommand {
    /** {@code warden audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check an audit log directory offline against a signed checkpoint: the signature, then the "
                    + "Merkle root of the first N entries; names the first entry that is missing, damaged or differs.",
                "With --older, also that the checkpoint extends an older one (the log only grew). Exit 1 when "
                    + "anything does not verify."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--log", paramLabel = "DIR", required = true,
                description = "The log directory (a server's DATA/audit/log, or a copy).")
        Path log;

        @Option(names = "--checkpoint", paramLabel = "FILE", required = true,
                description = "A signed checkpoint (from 'warden audit checkpoint' or DATA/audit/checkpoint).")
        Path checkpoint;

        @Option(names = "--older", paramLabel = "FILE", description = "An older signed checkpoint of the same log.")
        Path older;

        @Option(names = "--key", paramLabel = "VKEY", description = "The verifier key (from 'warden audit key').")
        String key;

        @Option(names = "--key-file", paramLabel = "FILE", description = "Read the verifier key from FILE.")
        Path keyFile;

        @Override
        public Integer call() {
            if ((key == null) == (keyFile == null)) {
                throw new WardenException(ErrorCode.BAD_USAGE, "give the verifier key with --key or --key-file");
            }
            NoteVerifier verifier = NoteVerifier.parse(key != null ? key.trim() : read(keyFile).trim());
            MerkleLogVerifier.Result r = MerkleLogVerifier.verify(log, bytes(checkpoint), verifier);
            if (!r.ok()) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "audit log " + log + " does not verify: "
                        + r.problem());
            }
            if (older != null) {
                MerkleLogVerifier.Result c = MerkleLogVerifier.verifyConsistency(log, bytes(older), bytes(checkpoint),
                        verifier);
                if (!c.ok()) {
                    throw new WardenException(ErrorCode.VERIFICATION_FAILED, "the checkpoints are not consistent: "
                            + c.problem());
                }
            }
            spec.commandLine().getOut().println("audit log verified: " + r.entriesChecked() + " entries match the "
                    + "checkpoint signed by " + verifier.name() + (older != null ? ", which extends the older one" : ""));
            return Main.OK;
        }
    }

    /** {@code warden audit checkpoint}. */
    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Fetch a signed checkpoint of the server's audit log now (needs the audit permission).")
    static final class Checkpoint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions server;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write it here instead of printing it.")
        Path out;

        @Override
        public Integer call() {
            String note = server.client().text("/api/v1/audit/checkpoint");
            if (out != null) {
                AtomicFile.write(out, note.getBytes(StandardCharsets.UTF_8));
            } else {
                spec.commandLine().getOut().print(note);
            }
            return Main.OK;
        }
    }

    /** {@code warden audit key}. */
    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Print the key (signed-note vkey) that verifies the server's checkpoints.")
    static final class Key implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions server;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(server.anonymous().text("/api/v1/audit/key"));
            return Main.OK;
        }
    }

    private static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + f);
        }
    }

    private static String read(Path f) {
        return new String(bytes(f), StandardCharsets.UTF_8);
    }
}
