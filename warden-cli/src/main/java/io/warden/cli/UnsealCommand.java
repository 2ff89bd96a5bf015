package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.crypto.seal.SealHeader;
import io.warden.crypto.seal.Sealer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden unseal}: decrypt a sealed file, all or nothing. */
@Command(name = "unseal", mixinStandardHelpOptions = true,
        description = {"Decrypt a sealed file. The output appears only after every segment authenticated: an altered, "
                + "truncated or reordered file, a swapped header or another keyring's file releases nothing.",
            "Exit 1 when the file fails authentication or is bound to another manifest; 2 for a wrong or destroyed "
                + "key, or a file that is not sealed. Recorded in the keyring's operations log.",
            "With --inspect, print the header (no key needed) and stop."})
final class UnsealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEALED", description = "The sealed file.")
    Path input;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the plaintext.")
    Path out;

    @Option(names = "--dataset", paramLabel = "ID", description = "Refuse the file unless it holds this dataset.")
    String dataset;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Refuse the file unless it is bound to this manifest (exit 1).")
    Path manifest;

    @Option(names = "--inspect", description = "Print the header and stop; reads no key, writes nothing.")
    boolean inspect;

    @Mixin
    KeyringOption keyring;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (inspect) {
            SealHeader h = Sealer.inspect(input);
            o.println("sealed file " + input);
            o.println("  keyring:  " + h.keyringId());
            o.println("  dataset:  " + h.dataset());
            o.println("  key:      version " + h.keyVersion() + " (id " + Integer.toUnsignedString(h.keyId()) + ")");
            o.println("  manifest: " + (h.manifestDigest() == null ? "none" : "sha256 " + h.manifestDigestHex()));
            o.flush();
            return Main.OK;
        }
        if (out == null) throw new WardenException(ErrorCode.BAD_USAGE, "give the output file with --out FILE");
        Outputs.check(input, List.of(out));
        byte[] digest = manifest == null ? null : HexFormat.of().parseHex(FileDigest.sha256Hex(manifest));
        SealHeader h = keyring.operations().unseal(input, out, new Sealer.Expect(dataset, digest));
        o.println("unsealed " + input + " -> " + out + " (dataset " + h.dataset() + ", key version " + h.keyVersion()
                + ")");
        o.flush();
        return Main.OK;
    }
}
