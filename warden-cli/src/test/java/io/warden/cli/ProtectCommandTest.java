package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, UTF_8);
        return p;
    }

    @Test
    void protect_example_passesSelfCheck_andTheOutputPassesAScanForTheRemovedEntities() throws Exception {
        Path out = dir.resolve("customers.csv");
        CliRun r = CliRun.of("protect", "examples/customers.csv", "--policy", "examples/protect-policy.yaml",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("self-check: passed").contains("manifest:");
        assertThat(Files.exists(dir.resolve("customers.csv.manifest.json"))).isTrue();
        String text = Files.readString(out);
        assertThat(text).doesNotContain("@example.com").doesNotContainPattern("\\d{3}-\\d{2}-\\d{4}");
        // An independent check: scanning the output for the replaced entities finds none in the notes.
        Path policy = write("gate.yaml", """
                scan: {entities: [EMAIL_ADDRESS, US_SSN, CREDIT_CARD, PHONE_NUMBER], include_fields: [notes]}
                """);
        CliRun scan = CliRun.of("scan", out.toString(), "--policy", policy.toString(), "--no-progress");
        assertThat(scan.exit()).as(scan.out()).isZero();
    }

    @Test
    void protect_selfCheckFails_exits1AndWritesNothing() throws Exception {
        Path in = write("in.txt", "write to maria.jones@example.com\n");
        Path policy = write("p.yaml", """
                protect:
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: replace
                      params: {text: "other@example.com"}
                """);
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("self-check failed").contains("text: EMAIL_ADDRESS: 1").doesNotContain("maria");
        assertThat(Files.exists(dir.resolve("o.txt"))).isFalse();
        assertThat(Files.exists(dir.resolve("o.txt.manifest.json"))).isFalse();
    }

    @Test
    void protect_unknownOperator_exits2WithLineAndColumn() throws Exception {
        Path in = write("in.csv", "a\n1\n");
        Path policy = write("p.yaml", "protect:\n  columns:\n    - fields: [a]\n      operator: scramble\n");
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).matches("warden: .*p\\.yaml:\\d+:\\d+: .*unknown operator 'scramble'.*");
    }

    @Test
    void protect_badParameterValue_exits2NamingTheOperator() throws Exception {
        Path in = write("in.csv", "a\n1\n");
        Path policy = write("p.yaml", "protect:\n  columns:\n    - fields: [a]\n      operator: generalize\n"
                + "      params: {date: fortnight}\n");
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("generalize: date must be year, month or day");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void protect_outputIsTheInput_exits2() throws Exception {
        Path in = write("in.csv", "a\n1\n");
        Path policy = write("p.yaml", "protect:\n  columns:\n    - fields: [a]\n      operator: redact\n");
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("would overwrite the input");
        assertThat(Files.readString(in)).isEqualTo("a\n1\n");
    }

    @Test
    void protect_binaryInput_exits2AndWritesNothing() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.write(in, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 'a', ',', 'b', '\n'});
        Path policy = write("p.yaml", "protect:\n  columns:\n    - fields: [a]\n      operator: redact\n");
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void protect_invalidUtf8_isReplacedWithAWarningInTheManifestAndOnStderr() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.write(in, new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', '\n', 'x', '\n'});
        Path policy = write("p.yaml", "protect:\n  entities:\n    - entities: [\"*\"]\n      operator: replace\n");
        CliRun r = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--out", dir.resolve("o.txt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning").contains("UTF-8");
        assertThat(Files.readString(dir.resolve("o.txt.manifest.json"))).contains("UTF-8");
        CliRun strict = CliRun.of("protect", in.toString(), "--policy", policy.toString(), "--invalid-utf8", "REJECT",
                "--out", dir.resolve("o2.txt").toString());
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("o2.txt"))).isFalse();
    }

    @Test
    void protect_missingPolicyOption_exits2() {
        CliRun r = CliRun.of("protect", "examples/customers.csv", "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--policy");
    }
}
