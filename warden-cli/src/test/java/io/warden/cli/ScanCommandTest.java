package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, UTF_8);
        return p;
    }

    @Test
    void scan_example_gateFailsWithExitCode1_andFindingsFollowTheContract() throws Exception {
        Path findings = dir.resolve("f.jsonl");
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--policy", "examples/policy.yaml",
                "--findings", findings.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(findings);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.fieldNames()).toIterable()
                    .containsExactly("record", "field", "start", "end", "entity", "score", "detector");
            assertThat(n.get("end").asLong()).isGreaterThan(n.get("start").asLong());
            assertThat(n.get("score").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(lines).anyMatch(l -> l.contains("\"entity\":\"US_SSN\"") && l.contains("\"field\":\"ssn\""));
        assertThat(r.out()).contains("US_SSN");
    }

    @Test
    void scan_cleanText_passesWithExitCode0() throws Exception {
        Path in = write("clean.txt", "nothing to see here\njust words\n");
        CliRun r = CliRun.of("scan", in.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void scan_findingOffsets_areCodePoints() throws Exception {
        // two astral-plane emoji (2 chars each, 1 code point each) before the address
        Path in = write("t.txt", "hi \uD83D\uDE00\uD83D\uDE00 mail " + EMAIL + " now\n");
        Path findings = dir.resolve("f.jsonl");
        CliRun r = CliRun.of("scan", in.toString(), "--findings", findings.toString(), "--show-values");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode n = JSON.readTree(Files.readAllLines(findings).get(0));
        assertThat(n.get("entity").asText()).isEqualTo("EMAIL_ADDRESS");
        assertThat(n.get("start").asInt()).isEqualTo(11);
        assertThat(n.get("end").asInt()).isEqualTo(11 + EMAIL.length());
        assertThat(n.get("value").asText()).isEqualTo(EMAIL);
    }

    @Test
    void scan_withoutShowValues_noRawValueInAnyOutput() throws Exception {
        Path in = write("t.csv", "id,notes\n1,\"write to " + EMAIL + " card " + CARD + "\"\n");
        Path f = dir.resolve("f.jsonl");
        Path j = dir.resolve("r.json");
        Path s = dir.resolve("r.sarif");
        Path h = dir.resolve("r.html");
        CliRun r = CliRun.of("scan", in.toString(), "--findings", f.toString(), "--json", j.toString(),
                "--sarif", s.toString(), "--html", h.toString());
        assertThat(r.exit()).isEqualTo(1);
        for (Path p : List.of(f, j, s, h)) {
            String content = Files.readString(p);
            assertThat(content).as(p.toString()).isNotEmpty().doesNotContain(EMAIL).doesNotContain("4111");
        }
        assertThat(r.out() + r.err()).doesNotContain(EMAIL).doesNotContain("4111");
    }

    @Test
    void scan_gzipJsonl_detectedByMagicBytes() throws Exception {
        Path in = dir.resolve("d.jsonl.gz");
        try (var gz = new GZIPOutputStream(Files.newOutputStream(in))) {
            gz.write(("{\"user\":{\"email\":\"" + EMAIL + "\"}}\n").getBytes(UTF_8));
        }
        Path f = dir.resolve("f.jsonl");
        CliRun r = CliRun.of("scan", in.toString(), "--findings", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(Files.readString(f)).contains("\"field\":\"user.email\"");
    }

    @Test
    void scan_policyRecognizer_findsItsEntity_andAllowListWins() throws Exception {
        Path policy = write("p.yaml", """
                scan:
                  recognizers:
                    - name: employee_id
                      entity: EMPLOYEE_ID
                      patterns:
                        - regex: "EMP-[0-9]{6}"
                          score: 0.4
                      context: [employee]
                      allow: [EMP-000000]
                  entities: [EMPLOYEE_ID]
                """);
        Path in = write("t.txt", "employee EMP-123456 joined\nref EMP-654321\nemployee EMP-000000\n");
        Path f = dir.resolve("f.jsonl");
        CliRun r = CliRun.of("scan", in.toString(), "--policy", policy.toString(), "--findings", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(f);
        // line 1 has no context word, so 0.4 stays under the 0.5 threshold; line 2 is allow-listed
        assertThat(lines).singleElement().satisfies(l -> assertThat(l)
                .contains("\"record\":0").contains("\"entity\":\"EMPLOYEE_ID\"").contains("\"detector\":\"employee_id\""));
    }

    @Test
    void scan_policyRecognizerWithBadRegex_exit2NamingIt() throws Exception {
        Path policy = write("p.yaml", "scan:\n  recognizers:\n    - name: broken\n      entity: X\n"
                + "      patterns:\n        - regex: \"([a-z\"\n");
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--policy", policy.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("broken");
    }

    @Test
    void scan_jsonSummary_hasTotalsAndGate() throws Exception {
        Path j = dir.resolve("r.json");
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--policy", "examples/policy.yaml", "--json",
                j.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode n = JSON.readTree(j.toFile());
        assertThat(n.at("/records").asLong()).isEqualTo(200);
        assertThat(n.at("/gate/passed").asBoolean(true)).isFalse();
        assertThat(n.at("/risk/quasiIdentifiers").toString()).contains("zip");
    }

    @Test
    void scan_missingFile_exit2OneLine() {
        CliRun r = CliRun.of("scan", dir.resolve("nope.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("warden: ").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void scan_unknownFlag_exit2() {
        CliRun r = CliRun.of("scan", "x.csv", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void scan_wrongFormatValue_exit2() {
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("xml");
    }

    @Test
    void scan_invalidPolicy_exit2WithLineAndColumn() throws Exception {
        Path p = write("p.yaml", "scan:\n  min_score: 2\n");
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--policy", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("p.yaml:").contains("min_score must be between 0 and 1");
    }

    @Test
    void scan_binaryFile_exit2() throws Exception {
        Path in = dir.resolve("b.txt");
        Files.write(in, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        CliRun r = CliRun.of("scan", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("binary");
    }

    @Test
    void scan_invalidUtf8Rejected_exit2WithByteOffset() throws Exception {
        Path in = dir.resolve("bad.txt");
        Files.write(in, new byte[] {'a', 'b', 'c', (byte) 0xC3, '(', '\n'});
        CliRun r = CliRun.of("scan", in.toString(), "--invalid-utf8", "REJECT");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("byte offset 3");
    }

    @Test
    void scan_emptyFile_passes() throws Exception {
        Path in = write("empty.csv", "");
        CliRun r = CliRun.of("scan", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void scan_outputDirectoryMissing_exit2AndNothingWritten() throws Exception {
        Path in = write("t.txt", EMAIL + "\n");
        Path f = dir.resolve("missing/f.jsonl");
        CliRun r = CliRun.of("scan", in.toString(), "--findings", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(f.getParent()).doesNotExist();
    }

    @Test
    void scan_failedRead_leavesNoFindingsFile() throws Exception {
        Path in = write("bad.jsonl", "{\"a\":\"" + EMAIL + "\"}\n{not json\n");
        Path f = dir.resolve("f.jsonl");
        CliRun r = CliRun.of("scan", in.toString(), "--findings", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.jsonl");
        }
    }

    @Test
    void scan_outputOverInput_refused() throws Exception {
        Path in = write("t.txt", "x\n");
        CliRun r = CliRun.of("scan", in.toString(), "--json", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Files.readString(in)).isEqualTo("x\n");
    }

    @Test
    void scan_quasiIdentifierNotAColumn_exit2() throws Exception {
        Path p = write("p.yaml", "scan:\n  quasi_identifiers: [zipcode]\n");
        CliRun r = CliRun.of("scan", "examples/customers.csv", "--policy", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("zipcode");
    }

    @Test
    void noCommand_exit2() {
        assertThat(CliRun.of().exit()).isEqualTo(2);
    }

    @Test
    void version_exit0() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("warden ");
    }
}
