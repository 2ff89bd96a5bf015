package io.warden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden logout}: end the saved session on the server and forget it here. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "End your session on the server and delete "
        + "the saved session.")
final class LogoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Override
    public Integer call() {
        if (ClientOptions.saved().has("token")) {
            server.client().call("DELETE", "/api/v1/session", null);
        }
        ClientOptions.forget();
        spec.commandLine().getOut().println("signed out");
        return Main.OK;
    }
}
