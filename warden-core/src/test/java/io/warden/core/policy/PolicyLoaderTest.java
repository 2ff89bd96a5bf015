package io.warden.core.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    @TempDir
    Path dir;

    private static Policy parse(String yaml) {
        return PolicyLoader.parse(yaml.getBytes(UTF_8), "p.yaml");
    }

    private static WardenException parseFails(String yaml) {
        try {
            parse(yaml);
        } catch (WardenException e) {
            return e;
        }
        throw new AssertionError("expected the policy to be rejected");
    }

    @Test
    void load_examplePolicy_readsEverySection() {
        Policy p = PolicyLoader.load(Path.of("examples/policy.yaml"));
        assertThat(p.dataset()).isEqualTo("customers");
        assertThat(p.scan().quasiIdentifiers()).containsExactly("age", "sex", "zip");
        assertThat(p.scan().recognizers()).singleElement().satisfies(r -> {
            assertThat(r.entity()).isEqualTo("TICKET_ID");
            assertThat(r.patterns().get(0).score()).isEqualTo(0.7);
        });
        assertThat(p.gate().maxFindings()).containsEntry("PHONE_NUMBER", 50L);
        assertThat(p.gate().counts("EMAIL_ADDRESS", "email")).isFalse();
        assertThat(p.gate().counts("EMAIL_ADDRESS", "notes")).isTrue();
        assertThat(p.gate().counts("LOCATION", "notes")).isFalse();
    }

    @Test
    void parse_emptyFile_givesDefaultsThatDenyEverything() {
        Policy p = parse("   \n");
        assertThat(p.scan().minScore()).isEqualTo(0.5);
        assertThat(p.gate().counts("EMAIL_ADDRESS", "anything")).isTrue();
    }

    @Test
    void parse_unknownKey_reportsLineColumnAndKnownKeys() {
        WardenException e = parseFails("version: 1\nscan:\n  min_scor: 0.4\n");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
        assertThat(e.getMessage()).startsWith("p.yaml:3:3:").contains("unknown key 'min_scor'").contains("min_score")
                .doesNotContain("\n");
    }

    @Test
    void parse_wrongType_reportsPathAndExpectedType() {
        WardenException e = parseFails("scan:\n  min_score: high\n");
        assertThat(e.getMessage()).startsWith("p.yaml:2:").contains("scan.min_score").contains("a number");
    }

    @Test
    void parse_scoreOutOfRange_reportsRule() {
        WardenException e = parseFails("scan:\n  min_score: 1.5\n");
        assertThat(e.getMessage()).contains("min_score must be between 0 and 1");
    }

    @Test
    void parse_badYamlSyntax_isOneLineWithPosition() {
        WardenException e = parseFails("dataset: \"unterminated\nscan:\n  min_score: 0.5\n");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
        assertThat(e.getMessage()).matches("p\\.yaml:\\d+:\\d+: invalid YAML: .*").doesNotContain("\n");
    }

    @Test
    void parse_unsupportedVersion_isRejected() {
        assertThat(parseFails("version: 2\n").getMessage()).contains("unsupported policy version 2");
    }

    @Test
    void parse_customRecognizerWithoutPatterns_isRejected() {
        WardenException e = parseFails("scan:\n  recognizers:\n    - name: x\n      entity: THING\n");
        assertThat(e.getMessage()).contains("needs patterns or deny terms");
    }

    @Test
    void parse_lowerCaseEntity_isRejected() {
        WardenException e = parseFails("scan:\n  recognizers:\n    - name: x\n      entity: thing\n      deny: [a]\n");
        assertThat(e.getMessage()).contains("UPPER_SNAKE_CASE");
    }

    @Test
    void parse_negativeThreshold_isRejected() {
        assertThat(parseFails("gate:\n  max_findings:\n    EMAIL_ADDRESS: -1\n").getMessage()).contains(">= 0");
    }

    @Test
    void parse_scalarDocument_isRejected() {
        assertThat(parseFails("just a string\n").getMessage()).contains("expected a mapping");
    }

    @Test
    void load_missingFile_isInputNotFound() {
        assertThatThrownBy(() -> PolicyLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND));
    }

    @Test
    void load_binaryFile_isInvalidPolicy() throws Exception {
        Path p = dir.resolve("bin.yaml");
        Files.write(p, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x1b, 0});
        assertThatThrownBy(() -> PolicyLoader.load(p)).isInstanceOfSatisfying(WardenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY));
    }

    @Test
    void load_hugeFile_isRefused() throws Exception {
        Path p = dir.resolve("huge.yaml");
        Files.write(p, ("# " + "x".repeat(100) + "\n").repeat(20_000).getBytes(UTF_8));
        assertThatThrownBy(() -> PolicyLoader.load(p)).hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void parse_keyWithNewlineOrHugeName_errorStaysOneShortLine() {
        WardenException e = parseFails("gate: {a\n\ny}\n");
        assertThat(e.getMessage()).contains("unknown key 'a\\ny'").doesNotContain("\n");
        WardenException longKey = parseFails("scan:\n  " + "k".repeat(900) + ": 1\n");
        assertThat(longKey.getMessage()).hasSizeLessThan(400).contains("…");
    }

    @Test
    void globs_matchStarsAnywhere() {
        assertThat(Globs.matches("SECRET_*", "SECRET_AWS_ACCESS_KEY")).isTrue();
        assertThat(Globs.matches("*.email", "user.email")).isTrue();
        assertThat(Globs.matches("a*b*c", "aXbYc")).isTrue();
        assertThat(Globs.matches("a*b", "ab_")).isFalse();
        assertThat(Globs.matches("EMAIL", "EMAIL_ADDRESS")).isFalse();
    }
}
