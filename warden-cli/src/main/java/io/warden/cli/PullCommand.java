package io.warden.cli;

import io.warden.server.catalog.Names;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden pull}: download a version of a dataset. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Download VERSION of DATASET into a file; it appears only when complete and its SHA-256 matches "
                + "the server's record (exit 1 otherwise).")
final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Parameters(index = "0", paramLabel = "DATASET")
    String dataset;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true)
    Path out;

    @Option(names = "--raw", description = "The version as uploaded (needs the raw permission and a recent second "
            + "factor); without it only protected versions download.")
    boolean raw;

    @Override
    public Integer call() {
        Names.dataset(dataset);
        Outputs.check(null, List.of(out));
        String sha = server.client().download(dataset, version, raw, out);
        spec.commandLine().getOut().println("pulled " + dataset + " version " + version + " -> " + out + " (sha256 "
                + sha + ")");
        return Main.OK;
    }
}
