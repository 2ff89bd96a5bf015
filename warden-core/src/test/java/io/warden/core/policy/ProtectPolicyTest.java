package io.warden.core.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import org.junit.jupiter.api.Test;

class ProtectPolicyTest {
    private static Policy parse(String yaml) {
        return PolicyLoader.parse(yaml.getBytes(UTF_8), "p.yaml");
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("expected the policy to be rejected");
    }

    @Test
    void parse_protectSection_readsRulesInOrder() {
        Policy p = parse("""
                protect:
                  keyring: keys/dev.json
                  columns:
                    - fields: [email, "contact.*"]
                      operator: tokenize
                    - fields: [zip]
                      operator: generalize
                      params: {keep_prefix: 3}
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: mask
                      params: {keep: 4, keep_at: end, char: "#"}
                    - entities: ["*"]
                      fields: [notes]
                      operator: replace
                """);
        Protect pr = p.protect();
        assertThat(pr.keyring()).isEqualTo("keys/dev.json");
        assertThat(pr.columnRule("contact.mail").spec().operator()).isEqualTo("tokenize");
        assertThat(pr.columnRule("zip").spec().integer("keep_prefix", 0)).isEqualTo(3);
        assertThat(pr.columnRule("name")).isNull();
        assertThat(pr.entityRule("EMAIL_ADDRESS", "anything").spec().string("keep_at", "start")).isEqualTo("end");
        assertThat(pr.entityRule("PERSON", "notes").spec().operator()).isEqualTo("replace");
        assertThat(pr.entityRule("PERSON", "bio")).isNull();
        assertThat(pr.selfCheck()).isTrue();
    }

    @Test
    void parse_noProtectSection_isEmpty() {
        assertThat(parse("version: 1\n").protect().isEmpty()).isTrue();
    }

    @Test
    void parse_unknownOperator_reportsLineAndTheKnownOnes() {
        String msg = error("protect:\n  columns:\n    - fields: [a]\n      operator: scramble\n");
        assertThat(msg).startsWith("p.yaml:").contains("unknown operator 'scramble'").contains("tokenize");
        assertThat(msg).matches("p\\.yaml:[3-5]:\\d+: .*");
    }

    @Test
    void parse_unknownParameter_namesOperatorAndExpected() {
        String msg = error("protect:\n  columns:\n    - fields: [a]\n      operator: mask\n      params: {kep: 2}\n");
        assertThat(msg).contains("operator mask: unknown parameter 'kep'").contains("keep");
    }

    @Test
    void parse_parameterOfWrongType_isRejected() {
        assertThat(error("protect:\n  columns:\n    - fields: [a]\n      operator: mask\n      params: {keep: two}\n"))
                .contains("parameter 'keep' must be a whole number");
    }

    @Test
    void parse_unknownRuleKey_reportsItsLine() {
        assertThat(error("protect:\n  columns:\n    - fields: [a]\n      operatr: mask\n      operator: mask\n"))
                .startsWith("p.yaml:4:7:").contains("unknown key 'operatr'");
        assertThat(error("protect:\n  columns:\n    - fields: [a]\n      operatr: mask\n"))
                .contains("a rule needs an operator");
    }

    @Test
    void parse_ruleWithoutFields_isRejected() {
        assertThat(error("protect:\n  columns:\n    - operator: redact\n")).contains("a rule needs fields");
    }

    @Test
    void parse_columnOnlyOperatorOnEntities_isRejected() {
        assertThat(error("protect:\n  entities:\n    - entities: [PERSON]\n      operator: shuffle\n"))
                .contains("shuffle works on whole columns only");
    }

    @Test
    void parse_quasiIdentifierWithColumnRule_isContradictory() {
        assertThat(error("""
                protect:
                  columns:
                    - fields: [age]
                      operator: redact
                  privacy:
                    quasi_identifiers: {age: h.csv}
                    k: 5
                """)).contains("quasi-identifier 'age' also has a column rule");
    }

    @Test
    void parse_privacyWithoutModel_orBadValues_isRejected() {
        assertThat(error("protect:\n  privacy:\n    quasi_identifiers: {age: h.csv}\n"))
                .contains("at least one of k, l, t");
        assertThat(error("protect:\n  privacy:\n    quasi_identifiers: {age: h.csv}\n    k: 0\n"))
                .contains("k must be at least 1");
        assertThat(error("protect:\n  privacy:\n    quasi_identifiers: {age: h.csv}\n    l: {l: 2}\n"))
                .contains("need a sensitive column");
        assertThat(error("protect:\n  privacy:\n    quasi_identifiers: {age: h.csv}\n    k: 2\n    max_suppression: 2\n"))
                .contains("max_suppression must be between 0 and 1");
        assertThat(error("protect:\n  privacy:\n    quasi_identifiers: {age: h.csv}\n    k: 2\n    metric: fun\n"))
                .contains("unknown metric 'fun'");
    }

    @Test
    void parse_privacySection_readsModels() {
        Protect.Privacy pv = parse("""
                protect:
                  privacy:
                    quasi_identifiers: {age: a.csv, sex: s.csv}
                    sensitive: salary-class
                    k: 5
                    l: {l: 2, variant: recursive, c: 3}
                    t: {t: 0.2, distance: ordered}
                    max_suppression: 0.04
                """).protect().privacy();
        assertThat(pv.quasiIdentifiers()).containsKeys("age", "sex");
        assertThat(pv.l().c()).isEqualTo(3.0);
        assertThat(pv.t().distance()).isEqualTo("ordered");
        assertThat(pv.metric()).isEqualTo("loss");
    }

    @Test
    void operatorSpec_rejectsUnknownNamesWithoutEchoingLongInput() {
        assertThatThrownBy(() -> new OperatorSpec(null, null)).hasMessageContaining("needs an operator");
    }
}
