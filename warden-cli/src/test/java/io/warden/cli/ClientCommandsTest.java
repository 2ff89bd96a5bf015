package io.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.server.ServerConfig;
import io.warden.server.WardenServer;
import io.warden.server.client.WardenClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a real server: login, api, push, pull, grant, audit key/checkpoint/verify. */
class ClientCommandsTest {
    private static final String PW = "client commands pw 1";
    @TempDir
    Path dir;
    WardenServer server;
    String[] target;

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private String[] with(String... args) {
        String[] all = new String[args.length + target.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(target, 0, all, args.length, target.length);
        return all;
    }

    @BeforeEach
    void start() throws Exception {
        System.setProperty("warden.config.dir", dir.resolve("config").toString());
        server = WardenServer.start(ServerConfig.defaults(dir.resolve("data"), 0), null);
        target = new String[] {"--server", server.url(), "--fingerprint", server.certificateFingerprint()};
        WardenClient c = new WardenClient(URI.create(server.url()), server.certificateFingerprint(), null);
        c.expect("POST", "/api/v1/bootstrap", Map.of("credential", server.bootstrapCredential().orElseThrow(),
                "user", "root", "password", PW));
        String admin = c.expect("POST", "/api/v1/session", Map.of("user", "root", "password", PW)).get("token")
                .asText();
        // the admin needs MFA to add users: do it through the API here, the CLI is tested below
        WardenClient a = c.as(admin);
        String secret = a.expect("POST", "/api/v1/mfa/enroll", null).get("secret").asText();
        a.expect("POST", "/api/v1/mfa/confirm", Map.of("code", io.warden.server.identity.Totp.DEFAULT.code(
                io.warden.server.identity.TotpSecret.fromBase32(secret), java.time.Instant.now())));
        a.expect("POST", "/api/v1/users", Map.of("name", "stew", "role", "data-steward", "password", PW));
        a.expect("POST", "/api/v1/users", Map.of("name", "eng", "role", "ml-engineer", "password", PW));
        Files.writeString(dir.resolve("pw"), PW + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
        System.clearProperty("warden.config.dir");
    }

    @Test
    void login_push_grant_pull_andAuditVerify_workEndToEnd() throws Exception {
        Run login = run(with("login", "--user", "stew", "--password-file", dir.resolve("pw").toString()));
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).contains("signed in").contains("as stew");
        assertThat(Files.readString(ClientOptions.sessionFile())).doesNotContain(PW);
        assertThat(run("api", "POST", "/api/v1/datasets", "-d", "{\"name\":\"census\"}").code()).isZero();
        Path data = Files.writeString(dir.resolve("p.csv"), "a,b\n1,2\n");
        Run push = run("push", "census", data.toString(), "--protected");
        assertThat(push.code()).as(push.err()).isZero();
        assertThat(push.out()).contains("version 1");
        assertThat(run("grant", "census", "eng").code()).isZero();

        assertThat(run(with("login", "--user", "eng", "--password-file", dir.resolve("pw").toString())).code())
                .isZero();
        Path out = dir.resolve("out.csv");
        Run pull = run("pull", "census", "1", "-o", out.toString());
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("a,b\n1,2\n");
        Run denied = run("push", "census", data.toString());
        assertThat(denied.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(denied.err()).contains("not allowed to upload versions of this dataset");

        Run key = run(with("audit", "key"));
        assertThat(key.out()).startsWith("warden-audit/");
        Files.writeString(dir.resolve("vkey"), key.out());
        Path log = dir.resolve("data/audit/log");
        Path checkpoint = dir.resolve("data/audit/checkpoint");
        // the checkpoint file appears when someone asks for one: the admin's auditor duty, here via the trail
        Files.write(checkpoint, server.audit().checkpoint());
        Run verify = run("audit", "verify", "--log", log.toString(), "--checkpoint", checkpoint.toString(),
                "--key-file", dir.resolve("vkey").toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit log verified");
        assertThat(run("logout").code()).isZero();
        assertThat(Files.exists(ClientOptions.sessionFile())).isFalse();
    }

    @Test
    void login_wrongPassword_exits2WithOneLine_andSavesNothing() throws Exception {
        Files.writeString(dir.resolve("bad"), "not the password at all\n");
        Run r = run(with("login", "--user", "stew", "--password-file", dir.resolve("bad").toString()));
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).contains("wrong user name or password").doesNotContain("\n");
        assertThat(Files.exists(ClientOptions.sessionFile())).isFalse();
    }

    @Test
    void clientCommands_withoutSession_sayHowToSignIn() {
        Run r = run(with("push", "census", dir.resolve("pw").toString()));
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("warden login");
    }

    @Test
    void pushAndPull_badArguments_exit2BeforeAnyRequest() {
        Run missing = run(with("push", "census", dir.resolve("nope.csv").toString()));
        assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("no such file");
        Run folder = run(with("push", "census", dir.toString()));
        assertThat(folder.err()).contains("it is a directory");
        Run badName = run(with("push", "../etc", dir.resolve("pw").toString()));
        assertThat(badName.code()).isEqualTo(Main.BAD_INPUT);
        Run noDir = run(with("pull", "census", "1", "-o", dir.resolve("missing/out.csv").toString()));
        assertThat(noDir.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(noDir.err()).contains("directory does not exist");
        Run badJson = run(with("api", "POST", "/api/v1/datasets", "-d", "{not json"));
        assertThat(badJson.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(badJson.err()).contains("--data is not JSON");
    }

    @Test
    void login_wrongFingerprint_refusesTheServer() {
        Run r = run("login", "--server", server.url(), "--fingerprint", "00".repeat(32), "--user", "stew",
                "--password-file", dir.resolve("pw").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("cannot reach the server");
    }

    @Test
    void auditVerify_tamperedLog_exits1NamingTheEntry() throws Exception {
        Run key = run(with("audit", "key"));
        Files.writeString(dir.resolve("vkey"), key.out());
        Path checkpoint = Files.write(dir.resolve("cp"), server.audit().checkpoint());
        server.close();
        Path entries = dir.resolve("data/audit/log/entries");
        byte[] b = Files.readAllBytes(entries);
        b[b.length / 2] ^= 1;
        Files.write(entries, b);
        Run r = run("audit", "verify", "--log", dir.resolve("data/audit/log").toString(), "--checkpoint",
                checkpoint.toString(), "--key-file", dir.resolve("vkey").toString());
        assertThat(r.code()).as(r.out() + r.err()).isIn(Main.GATE_FAILED);
        assertThat(r.err()).contains("does not verify");
        server = WardenServer.start(ServerConfig.defaults(dir.resolve("data2"), 0), null); // for @AfterEach
    }
}
