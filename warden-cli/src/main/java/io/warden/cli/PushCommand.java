package io.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.server.catalog.Names;
import java.io.PrintWriter;
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
                + "the dataset's key; prints the version and its SHA-256. When the dataset's policy has a protect "
                + "section, the server also makes the protected version of a raw upload and it is printed too.")
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
        PrintWriter out = spec.commandLine().getOut();
        out.println("pushed " + file + " -> " + dataset + " version " + v.get("version").asInt() + " ("
                + v.get("kind").asText() + ", " + v.get("size").asLong() + " bytes, sha256 " + v.get("sha256").asText()
                + ")");
        JsonNode p = v.get("protected_version");
        if (p != null) {
            out.println("protected by the dataset's policy -> version " + p.get("version").asInt() + " ("
                    + p.get("size").asLong() + " bytes, sha256 " + p.get("sha256").asText() + ")");
        }
        out.flush();
        JsonNode failed = v.get("protect_failed");
        if (failed != null) {
            // the raw version is stored: that is what was asked; the warning says why no protected one was made
            PrintWriter err = spec.commandLine().getErr();
            err.println("warden: warning: not protected by the dataset's policy: " + failed.get("message").asText());
            err.flush();
        }
        return Main.OK;
    }
}
