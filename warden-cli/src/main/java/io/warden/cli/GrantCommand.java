package io.warden.cli;

import io.warden.server.catalog.Names;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden grant}: give a user access to a dataset, or take it back. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Grant USER access to DATASET within their role (or take it back with --revoke).")
final class GrantCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Parameters(index = "0", paramLabel = "DATASET")
    String dataset;

    @Parameters(index = "1", paramLabel = "USER")
    String user;

    @Option(names = "--revoke", description = "Take the grant back.")
    boolean revoke;

    @Override
    public Integer call() {
        Names.dataset(dataset);
        Names.user(user);
        server.client().expect(revoke ? "DELETE" : "PUT", "/api/v1/datasets/" + dataset + "/grants/" + user, null);
        spec.commandLine().getOut().println((revoke ? "revoked " : "granted ") + user + (revoke ? " from " : " on ")
                + dataset);
        return Main.OK;
    }
}
