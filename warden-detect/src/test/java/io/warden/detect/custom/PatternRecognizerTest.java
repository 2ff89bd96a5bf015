package io.warden.detect.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternRecognizerTest {
    private static CustomRecognizerSpec spec(List<PatternSpec> patterns, List<String> context, List<String> allow,
            List<String> deny, boolean ignoreCase) {
        return new CustomRecognizerSpec("Employee_Id", "EMPLOYEE_ID", patterns, context, allow, deny, ignoreCase);
    }

    private static List<String> found(PatternRecognizer r, String text) {
        List<Span> spans = new Analyzer(List.of(r), AnalyzerConfig.defaults()).analyze(text, null);
        return spans.stream().map(s -> s.entity() + ":" + text.substring(s.start(), s.end()) + "@" + s.score()).toList();
    }

    @Test
    void patternMatches_reportedWithTheirScore() {
        var r = PatternRecognizer.of(spec(List.of(new PatternSpec("EMP-\\d{6}", 0.8)), List.of(), List.of(),
                List.of(), false));
        assertThat(found(r, "ids EMP-123456 and EMP-654321")).containsExactly("EMPLOYEE_ID:EMP-123456@0.8",
                "EMPLOYEE_ID:EMP-654321@0.8");
        assertThat(r.name()).isEqualTo("employee_id");
        assertThat(r.entities()).containsExactly("EMPLOYEE_ID");
    }

    @Test
    void contextWords_raiseWeakMatches() {
        var r = PatternRecognizer.of(spec(List.of(new PatternSpec("\\b\\d{6}\\b", 0.3)), List.of("Employee"),
                List.of(), List.of(), false));
        assertThat(found(r, "order 123456 shipped")).isEmpty();
        assertThat(found(r, "employee 123456 joined")).hasSize(1);
        assertThat(r.context()).containsExactly("employee");
    }

    @Test
    void allowList_neverReported() {
        var r = PatternRecognizer.of(spec(List.of(new PatternSpec("EMP-\\d{6}", 0.9)), List.of(),
                List.of("EMP-000000"), List.of(), false));
        assertThat(found(r, "EMP-000000 and EMP-111111")).containsExactly("EMPLOYEE_ID:EMP-111111@0.9");
    }

    @Test
    void ignoreCase_appliesToPatternsAndAllowList() {
        var r = PatternRecognizer.of(spec(List.of(new PatternSpec("emp-\\d{3}", 0.9)), List.of(),
                List.of("EMP-000"), List.of(), true));
        assertThat(found(r, "Emp-123, emp-000")).containsExactly("EMPLOYEE_ID:Emp-123@0.9");
    }

    @Test
    void denyTerms_wholeWordIgnoringCase_score1() {
        var r = PatternRecognizer.of(spec(List.of(), List.of(), List.of(), List.of("Project Falcon", "falcon"),
                false));
        assertThat(found(r, "About PROJECT FALCON: falcons fly, Falcon lands."))
                .containsExactly("EMPLOYEE_ID:PROJECT FALCON@1.0", "EMPLOYEE_ID:Falcon@1.0");
    }

    @Test
    void invalidRegex_namesRecognizerAndPattern() {
        var bad = spec(List.of(new PatternSpec("ok", 0.5), new PatternSpec("(unclosed", 0.5)), List.of(), List.of(),
                List.of(), false);
        assertThatThrownBy(() -> PatternRecognizer.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Employee_Id").hasMessageContaining("pattern 2");
    }

    @Test
    void specValidation() {
        List<PatternSpec> p = List.of(new PatternSpec("x", 0.5));
        assertThatThrownBy(() -> new CustomRecognizerSpec(" ", "X", p, List.of(), List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new CustomRecognizerSpec("n", "lower_case", p, List.of(), List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity");
        assertThatThrownBy(() -> new CustomRecognizerSpec("n", "X", List.of(), List.of(), List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern or deny");
        assertThatThrownBy(() -> new PatternSpec("x", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatternSpec("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomRecognizerSpec("n", "X", p, List.of("two words"), List.of(), List.of(),
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context");
        assertThatThrownBy(() -> new CustomRecognizerSpec("n", "X", p, List.of(), List.of("acme"), List.of("ACME"),
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed and denied");
    }

    @Test
    void toString_showsNoTerms() {
        var s = spec(List.of(new PatternSpec("secret-\\d+", 0.5)), List.of(), List.of(), List.of("Project Falcon"),
                false);
        assertThat(s.toString()).doesNotContain("Falcon").doesNotContain("secret-");
        assertThat(PatternRecognizer.of(s).toString()).doesNotContain("Falcon");
    }
}
