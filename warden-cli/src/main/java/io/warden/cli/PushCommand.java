package io.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.catalog.Names;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden push}: upload a file as a new version of a dataset. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Upload FILE as a new version of DATASET on the server, streamed, sealed there on arrival under "
                + "the dataset's key; prints the version and its SHA-256.")
final class PushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Parameters(index = "0", paramLabel = "DATASET")
    String dataset;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--protected", description = "Mark the version as protected (e.g. the output of 'warden "
            + "protect'): engineers with a grant may download it; raw versions need the raw permission and MFA.")
    boolean protectedVersion;

    @Override
    public Integer call() {
        Names.dataset(dataset);
        Outputs.requireReadable(file);
        JsonNode v = server.client().upload(dataset, file, protectedVersion ? "protected" : "raw");
        spec.commandLine().getOut().println("pushed " + file + " -> " + dataset + " version " + v.get("version").asInt()
                + " (" + v.get("kind").asText() + ", " + v.get("size").asLong() + " bytes, sha256 "
                + v.get("sha256").asText() + ")");
        return Main.OK;
    }
}
