package io.warden.core.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.warden.core.finding.Finding;
import io.warden.core.report.GateResult;
import io.warden.core.report.ReidRisk;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    private static Finding f(String entity, String field, double score) {
        return new Finding(0, field, 0, 3, entity, score, "t", null);
    }

    private static GateEvaluator gate(String yaml) {
        return new GateEvaluator(PolicyLoader.parse(yaml.getBytes(UTF_8), "p"));
    }

    @Test
    void noGateSection_anyFindingFails() {
        GateEvaluator g = gate("");
        g.accept(f("EMAIL_ADDRESS", "notes", 0.9));
        GateResult r = g.result(null);
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).containsExactly(new GateResult.Violation("EMAIL_ADDRESS", "notes", 1, 0));
    }

    @Test
    void noFindings_passes() {
        assertThat(gate("").result(null).passed()).isTrue();
    }

    @Test
    void allowedField_doesNotCount() {
        GateEvaluator g = gate("gate:\n  allow:\n    - entities: [EMAIL_ADDRESS]\n      fields: [email, '*.email']\n");
        g.accept(f("EMAIL_ADDRESS", "email", 1));
        g.accept(f("EMAIL_ADDRESS", "user.email", 1));
        assertThat(g.result(null).passed()).isTrue();
        g.accept(f("EMAIL_ADDRESS", "notes", 1));
        assertThat(g.result(null).passed()).isFalse();
    }

    @Test
    void threshold_toleratesUpToMax_thenReportsEveryField() {
        GateEvaluator g = gate("gate:\n  max_findings:\n    PHONE_NUMBER: 2\n");
        g.accept(f("PHONE_NUMBER", "a", 1));
        g.accept(f("PHONE_NUMBER", "b", 1));
        assertThat(g.result(null).passed()).isTrue();
        g.accept(f("PHONE_NUMBER", "b", 1));
        assertThat(g.result(null).violations()).containsExactly(
                new GateResult.Violation("PHONE_NUMBER", "a", 1, 2), new GateResult.Violation("PHONE_NUMBER", "b", 2, 2));
    }

    @Test
    void failOn_limitsWhichEntitiesCount() {
        GateEvaluator g = gate("gate:\n  fail_on: ['SECRET_*', US_SSN]\n");
        g.accept(f("EMAIL_ADDRESS", "x", 1));
        assertThat(g.result(null).passed()).isTrue();
        g.accept(f("SECRET_AWS_ACCESS_KEY", "x", 1));
        assertThat(g.result(null).passed()).isFalse();
    }

    @Test
    void lowScores_belowGateMinScore_doNotCount() {
        GateEvaluator g = gate("gate:\n  min_score: 0.8\n");
        g.accept(f("PERSON", "x", 0.79));
        assertThat(g.result(null).passed()).isTrue();
        g.accept(f("PERSON", "x", 0.8));
        assertThat(g.result(null).passed()).isFalse();
    }

    @Test
    void maxRisk_failsWhenSmallestClassTooSmall() {
        GateEvaluator g = gate("gate:\n  max_risk: 0.2\n");
        var hist = new TreeMap<Long, Long>(java.util.Map.of(1L, 2L, 10L, 1L));
        ReidRisk risky = new ReidRisk(List.of("age"), 12, 3, 2, 2 / 12.0, 1.0, 3 / 12.0, 2 / 12.0, 0.2, hist);
        GateResult r = g.result(risky);
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).containsExactly(new GateResult.Violation(GateEvaluator.REID_RISK, "age", 2, 0));
        ReidRisk safe = new ReidRisk(List.of("age"), 10, 1, 0, 0, 0.1, 0.1, 0, 0.2,
                new TreeMap<>(java.util.Map.of(10L, 1L)));
        assertThat(g.result(safe).passed()).isTrue();
    }
}
