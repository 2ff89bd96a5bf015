package io.warden.cli;

import io.warden.core.io.FileDigest;
import io.warden.crypto.seal.SealHeader;
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

/** {@code warden seal}: encrypt a file under its dataset's key. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Encrypt a file under the newest version of a dataset's key (streaming AES-256-GCM, 1 MiB "
                + "segments), optionally bound to a manifest. Any size, in a few MiB of memory.",
            "The output appears only when complete. The operation is recorded in the keyring's operations log."})
final class SealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "The file to seal.")
    Path input;

    @Option(names = "--dataset", paramLabel = "ID", required = true,
            description = "Dataset whose key seals it (add one with 'warden keys add-dataset').")
    String dataset;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The sealed file to write.")
    Path out;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Bind this manifest (e.g. from 'warden protect'): its SHA-256 goes into the authenticated "
                    + "header, and 'warden unseal --manifest' checks it.")
    Path manifest;

    @Mixin
    KeyringOption keyring;

    @Override
    public Integer call() {
        Outputs.check(input, List.of(out));
        byte[] digest = manifest == null ? null : HexFormat.of().parseHex(FileDigest.sha256Hex(manifest));
        SealHeader h = keyring.operations().seal(input, out, dataset, digest);
        spec.commandLine().getOut().println("sealed " + input + " -> " + out + " (dataset " + h.dataset()
                + ", key version " + h.keyVersion() + (manifest == null ? "" : ", bound to " + manifest) + ")");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
