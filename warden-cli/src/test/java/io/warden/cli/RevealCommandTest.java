package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevealCommandTest {
    private static final String POLICY = """
            scan: {exclude_fields: [id]}
            protect:
              columns:
                - fields: [email]
                  operator: tokenize
                - fields: [card]
                  operator: fpe
                - fields: [ssn]
                  operator: hash
                - fields: [name]
                  operator: surrogate
                  params: {entity: PERSON}
              entities:
                - entities: [EMAIL_ADDRESS]
                  operator: tokenize
            """;
    private static final String CSV = """
            id,name,email,card,ssn,notes
            1,Maria Jones,maria.jones@example.com,4111 1111 1111 1111,295-78-1200,"write to mj@mail.example.org, thanks"
            2,John Smith,john.smith@example.com,5500 0000 0000 0004,270-37-0068,nothing
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, UTF_8);
        return p;
    }

    private Path keyring(String name) {
        Path k = dir.resolve(name);
        CliRun r = CliRun.of("keys", "create", k.toString(), "--insecure-plaintext");
        assertThat(r.exit()).as(r.err()).isZero();
        return k;
    }

    @Test
    void protectThenReveal_givesBackTokenizedAndFpeValues_hashesAndSurrogatesStayOneWay() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path keys = keyring("k.json");
        Path prot = dir.resolve("prot.csv");
        CliRun p = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--out", prot.toString(), "--quiet");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.err()).contains("insecure plaintext keyring");
        String protectedText = Files.readString(prot);
        assertThat(protectedText).doesNotContain("maria.jones@example.com", "mj@mail.example.org", "4111 1111 1111 1111",
                "295-78-1200", "Maria Jones").contains("tok_");
        Path back = dir.resolve("back.csv");
        CliRun r = CliRun.of("reveal", prot.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--out", back.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String revealed = Files.readString(back);
        assertThat(revealed).contains("maria.jones@example.com", "write to mj@mail.example.org, thanks",
                "4111 1111 1111 1111", "5500 0000 0000 0004").doesNotContain("tok_", "295-78-1200", "Maria Jones");
    }

    @Test
    void protect_isDeterministicPerKey_acrossRuns() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY.replace("operator: surrogate", "operator: hash").replace("params: {entity: PERSON}", ""));
        Path keys = keyring("k.json");
        for (String out : new String[] {"a.csv", "b.csv"}) {
            assertThat(CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                    "--out", dir.resolve(out).toString(), "--quiet").exit()).isZero();
        }
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void reveal_withAnotherKeyring_exits2AndWritesNothing() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path prot = dir.resolve("prot.csv");
        assertThat(CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring",
                keyring("k.json").toString(), "--out", prot.toString(), "--quiet").exit()).isZero();
        CliRun r = CliRun.of("reveal", prot.toString(), "--policy", policy.toString(), "--keyring",
                keyring("other.json").toString(), "--out", dir.resolve("back.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("does not decrypt with this keyring").doesNotContain("tok_");
        assertThat(Files.exists(dir.resolve("back.csv"))).isFalse();
    }

    @Test
    void protect_keyedOperatorWithoutKeyring_exits2AndSaysHowToMakeOne() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no keyring is given").contains("warden keys create");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void protectOrReveal_withBrokenKeyring_exits2OneLineWithoutKeyMaterial() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path keys = keyring("k.json");
        String json = Files.readString(keys);
        Files.writeString(keys, json.substring(0, json.length() / 2));
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("warden: ") && !l.contains("warning")).count()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
        CliRun missing = CliRun.of("reveal", in.toString(), "--policy", policy.toString(), "--keyring",
                dir.resolve("nope.json").toString(), "--out", dir.resolve("r.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void passphraseKeyring_protectsAndReveals_wrongOrMissingPassphraseExits2() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path pass = write("pass.txt", "a long enough passphrase\n");
        Path keys = dir.resolve("k.json");
        CliRun c = CliRun.of("keys", "create", keys.toString(), "--passphrase-file", pass.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(Files.readString(keys)).contains("passphrase-argon2id");
        Path prot = dir.resolve("prot.csv");
        CliRun p = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--passphrase-file", pass.toString(), "--out", prot.toString(), "--quiet");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.err()).doesNotContain("insecure");
        CliRun r = CliRun.of("reveal", prot.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--passphrase-file", pass.toString(), "--out", dir.resolve("back.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("back.csv"))).contains("maria.jones@example.com");

        Path wrong = write("wrong.txt", "not the passphrase at all\n");
        CliRun bad = CliRun.of("reveal", prot.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--passphrase-file", wrong.toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("wrong passphrase").doesNotContain("not the passphrase");
        CliRun none = CliRun.of("reveal", prot.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--passphrase-env", "WARDEN_TEST_SURELY_UNSET_VAR", "--out", dir.resolve("y.csv").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("protected by a passphrase");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
        assertThat(Files.exists(dir.resolve("y.csv"))).isFalse();
    }

    @Test
    void keysRotate_keepsOldTokensRevealable_andKeepsThePassphraseProtection() throws Exception {
        Path in = write("in.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path pass = write("pass.txt", "a long enough passphrase\n");
        Path keys = dir.resolve("k.json");
        assertThat(CliRun.of("keys", "create", keys.toString(), "--passphrase-file", pass.toString()).exit()).isZero();
        Path prot = dir.resolve("prot.csv");
        assertThat(CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--keyring", keys.toString(),
                "--passphrase-file", pass.toString(), "--out", prot.toString(), "--quiet").exit()).isZero();
        String before = Files.readString(keys);
        CliRun rot = CliRun.of("keys", "rotate", "--keyring", keys.toString(), "--passphrase-file", pass.toString());
        assertThat(rot.exit()).as(rot.err()).isZero();
        assertThat(rot.out()).contains("2 versions kept");
        String after = Files.readString(keys);
        assertThat(after).isNotEqualTo(before).contains("passphrase-argon2id");
        // tokens made before the rotation still reveal (FPE values need the old key: see docs/reveal.md)
        Path tokensOnly = write("t.yaml", POLICY.replace("operator: fpe", "operator: mask"));
        CliRun r = CliRun.of("reveal", prot.toString(), "--policy", tokensOnly.toString(), "--keyring", keys.toString(),
                "--passphrase-file", pass.toString(), "--out", dir.resolve("back.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("back.csv"))).contains("maria.jones@example.com", "mj@mail.example.org");
        CliRun wrong = CliRun.of("keys", "rotate", "--keyring", keys.toString(), "--passphrase-file",
                write("w.txt", "the wrong passphrase\n").toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(Files.readString(keys)).isEqualTo(after);
    }

    @Test
    void keysCreate_refusesToOverwriteAndNeedsTheInsecureFlag() throws Exception {
        Path keys = keyring("k.json");
        String before = Files.readString(keys);
        assertThat(CliRun.of("keys", "create", keys.toString(), "--insecure-plaintext").exit()).isEqualTo(2);
        assertThat(Files.readString(keys)).isEqualTo(before);
        CliRun r = CliRun.of("keys", "create", dir.resolve("x.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--insecure-plaintext").contains("--passphrase-env");
        Path shortPass = write("short.txt", "short\n");
        CliRun s = CliRun.of("keys", "create", dir.resolve("y.json").toString(), "--passphrase-file", shortPass.toString());
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("at least 12 characters");
        assertThat(Files.exists(dir.resolve("y.json"))).isFalse();
    }
}
