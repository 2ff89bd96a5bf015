package io.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.client.WardenClient;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden api}: any API call, signed in. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Call any route of the server's API as the signed-in user (or WARDEN_TOKEN) and print the JSON "
                + "answer; the routes are in GET /api/v1/openapi.json and docs/server.md.",
            "Examples: warden api POST /api/v1/users -d '{\"name\":\"ada\",\"role\":\"ml-engineer\",\"password\":...}'; "
                + "warden api POST /api/v1/mfa/enroll"})
final class ApiCommand implements Callable<Integer> {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Parameters(index = "0", paramLabel = "METHOD")
    String method;

    @Parameters(index = "1", paramLabel = "PATH")
    String path;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON", description = "The JSON body.")
    String data;

    @Override
    public Integer call() throws IOException {
        String m = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) throw new WardenException(ErrorCode.BAD_USAGE, "METHOD is GET, POST, PUT or DELETE");
        if (!path.startsWith("/")) throw new WardenException(ErrorCode.BAD_USAGE, "PATH starts with /");
        JsonNode body = null;
        if (data != null) {
            try {
                body = ClientOptions.JSON.readTree(data);
            } catch (IOException e) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "--data is not JSON");
            }
        }
        WardenClient client = ClientOptions.saved().has("token") || System.getenv("WARDEN_TOKEN") != null
                ? server.client() : server.anonymous();
        JsonNode answer = client.expect(m, path, body);
        spec.commandLine().getOut().println(ClientOptions.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(answer));
        return Main.OK;
    }
}
