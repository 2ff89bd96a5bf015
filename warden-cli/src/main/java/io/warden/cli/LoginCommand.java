package io.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.client.WardenClient;
import java.io.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden login}: sign in to a server and keep the session. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in to a Warden server and save the session (owner-only, in $WARDEN_CONFIG_DIR or "
                + "~/.config/warden) for the other client commands.",
            "The password comes from WARDEN_PASSWORD, --password-file or a prompt; the TOTP code, once you enrolled, "
                + "from --code, WARDEN_TOTP or a prompt.",
            "--bootstrap: create the server's first admin with the one-time credential it printed (from "
                + "WARDEN_BOOTSTRAP), then sign in."})
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server;

    @Option(names = "--user", paramLabel = "NAME", required = true, description = "Your user name.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from FILE's first line.")
    Path passwordFile;

    @Option(names = "--code", paramLabel = "CODE", description = "The TOTP code from your authenticator app.")
    String code;

    @Option(names = "--recovery-code", paramLabel = "CODE", description = "A recovery code instead (each works once).")
    String recoveryCode;

    @Option(names = "--bootstrap", description = "Create the first admin with WARDEN_BOOTSTRAP, then sign in.")
    boolean bootstrap;

    @Override
    public Integer call() {
        WardenClient anon = server.anonymous();
        String password = secret(passwordFile, "WARDEN_PASSWORD", "Password for " + user + ": ");
        if (bootstrap) {
            String credential = System.getenv("WARDEN_BOOTSTRAP");
            if (credential == null || credential.isEmpty()) {
                throw new WardenException(ErrorCode.BAD_USAGE, "--bootstrap reads the one-time credential from "
                        + "WARDEN_BOOTSTRAP");
            }
            anon.expect("POST", "/api/v1/bootstrap", Map.of("credential", credential, "user", user,
                    "password", password));
            spec.commandLine().getOut().println("created the first admin, " + user);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", password);
        String totp = code != null ? code : System.getenv("WARDEN_TOTP");
        if (totp != null && !totp.isEmpty()) body.put("code", totp);
        if (recoveryCode != null) body.put("recovery_code", recoveryCode);
        WardenClient.Reply reply = anon.call("POST", "/api/v1/session", body);
        if (reply.status() == 403 && "MFA_REQUIRED".equals(reply.body().path("error").asText())
                && !body.containsKey("code") && !body.containsKey("recovery_code")) {
            body.put("code", prompt("TOTP code: "));
            reply = anon.call("POST", "/api/v1/session", body);
        }
        JsonNode session = anon.expectOk(reply);
        ObjectNode saved = ClientOptions.JSON.createObjectNode();
        saved.put("server", server.serverUrl().toString());
        if (server.pin() != null) saved.put("fingerprint", server.pin());
        saved.put("user", user);
        saved.put("token", session.get("token").asText());
        saved.put("expires_at", session.get("expires_at").asText());
        ClientOptions.save(saved);
        spec.commandLine().getOut().println("signed in to " + server.serverUrl() + " as " + user + " until "
                + session.get("expires_at").asText() + (session.path("mfa_enrolled").asBoolean()
                ? "" : "; no second factor yet: enroll with 'warden api POST /api/v1/mfa/enroll'"));
        return Main.OK;
    }

    /** A secret from a file, an environment variable, or the console — never from the command line. */
    static String secret(Path file, String env, String prompt) {
        if (file != null) return new String(KeyringOption.fromFile(file, "password").chars());
        String v = System.getenv(env);
        if (v != null && !v.isEmpty()) return v;
        return prompt(prompt);
    }

    static String prompt(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new WardenException(ErrorCode.BAD_USAGE, "no terminal to ask on: " + prompt.replace(": ", "")
                    .toLowerCase(java.util.Locale.ROOT) + " must come from the environment or a file");
        }
        char[] chars = console.readPassword("%s", prompt);
        if (chars == null || chars.length == 0) throw new WardenException(ErrorCode.BAD_USAGE, "nothing entered");
        return new String(chars);
    }
}
