package io.warden.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    /** Reports fixed spans: a real Recognizer written for the test (no mocking). */
    private record Fixed(String name, String entity, double score, Set<String> context, int[][] spans)
            implements Recognizer {
        @Override
        public Set<String> entities() {
            return Set.of(entity);
        }

        @Override
        public void analyze(ScanText text, SpanSink sink) {
            for (int[] s : spans) sink.report(s[0], s[1], entity, score);
        }
    }

    private static Fixed fixed(String entity, double score, int start, int end) {
        return new Fixed(entity.toLowerCase(), entity, score, Set.of(), new int[][] {{start, end}});
    }

    @Test
    void overlap_higherScoreWins_thenLonger_thenEarlierRegistered() {
        Analyzer a = new Analyzer(List.of(fixed("A", 0.6, 0, 10), fixed("B", 0.9, 5, 8), fixed("C", 0.9, 2, 9),
                fixed("D", 0.9, 2, 9)), AnalyzerConfig.defaults());
        assertThat(a.analyze("x".repeat(20), null)).extracting(Span::entity).containsExactly("C");
    }

    @Test
    void nonOverlappingSpans_allKeptInTextOrder() {
        Analyzer a = new Analyzer(List.of(fixed("B", 0.9, 10, 12), fixed("A", 0.6, 0, 3)), AnalyzerConfig.defaults());
        assertThat(a.analyze("x".repeat(20), null)).extracting(Span::entity).containsExactly("A", "B");
    }

    @Test
    void context_nearbyWordLiftsWeakSpanOverThreshold() {
        Fixed weak = new Fixed("w", "US_SSN", 0.2, Set.of("ssn"), new int[][] {{8, 17}});
        Analyzer a = new Analyzer(List.of(weak), AnalyzerConfig.defaults());
        assertThat(a.analyze("my SSN: 123456789", null)).singleElement()
                .satisfies(s -> assertThat(s.score()).isEqualTo(0.55, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(a.analyze("my num: 123456789", null)).isEmpty();
    }

    @Test
    void context_windowLimitsHowFarAWordMayBe() {
        Fixed weak = new Fixed("w", "US_SSN", 0.2, Set.of("ssn"), new int[][] {{20, 29}});
        String text = "ssn a b c d e f g h 123456789";
        assertThat(new Analyzer(List.of(weak), AnalyzerConfig.defaults()).analyze(text, null)).isEmpty();
        assertThat(new Analyzer(List.of(weak), AnalyzerConfig.defaults().withContextWindow(9)).analyze(text, null))
                .hasSize(1);
    }

    @Test
    void context_fieldNameCounts() {
        Fixed weak = new Fixed("w", "US_SSN", 0.2, Set.of("ssn"), new int[][] {{0, 9}});
        Analyzer a = new Analyzer(List.of(weak), AnalyzerConfig.defaults());
        assertThat(a.analyze("123456789", "customer_ssn")).hasSize(1);
        assertThat(a.analyze("123456789", "CustomerSsn")).hasSize(1);
        assertThat(a.analyze("123456789", "lessnumbers")).isEmpty();
    }

    @Test
    void allowList_dropsExactValues() {
        Analyzer a = new Analyzer(List.of(fixed("EMAIL_ADDRESS", 1, 0, 5)),
                AnalyzerConfig.defaults().withAllowList(Set.of("hello")));
        assertThat(a.analyze("hello world", null)).isEmpty();
        assertThat(a.analyze("help! world", null)).hasSize(1);
    }

    @Test
    void recognizerReportingOutsideText_isABug() {
        Analyzer a = new Analyzer(List.of(fixed("A", 1, 0, 50)), AnalyzerConfig.defaults());
        assertThatThrownBy(() -> a.analyze("short", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("short");
    }

    @Test
    void builtIns_haveUniqueNamesAndUpperCaseEntities() {
        List<Recognizer> all = BuiltInRecognizers.all();
        assertThat(all).extracting(Recognizer::name).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(r -> assertThat(r.entities()).allMatch(e -> e.matches("[A-Z][A-Z0-9_]*")));
    }
}
