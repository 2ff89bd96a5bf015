package io.warden.detect.pattern;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Recognizer;
import io.warden.detect.Span;
import java.util.List;

/** Runs recognizers through the real {@link Analyzer} (context, threshold, overlaps) for the tests. */
final class Scan {
    private Scan() {}

    static List<Span> spans(Recognizer r, String text) {
        return spans(r, text, null);
    }

    static List<Span> spans(Recognizer r, String text, String field) {
        return new Analyzer(List.of(r), AnalyzerConfig.defaults()).analyze(text, field);
    }

    /** The reported substrings of {@code text}. */
    static List<String> values(Recognizer r, String text) {
        return spans(r, text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    /** The single reported span; fails unless there is exactly one. */
    static Span single(Recognizer r, String text) {
        List<Span> spans = spans(r, text);
        if (spans.size() != 1) throw new AssertionError("expected one span, got " + spans.size());
        return spans.get(0);
    }

    /** The score of the single span covering exactly {@code value} before any threshold or context. */
    static double rawScore(Recognizer r, String text, String value) {
        var a = new Analyzer(List.of(r), AnalyzerConfig.defaults().withMinScore(0).withContextWindow(0));
        int at = text.indexOf(value);
        return a.analyze(text, null).stream()
                .filter(s -> s.start() == at && s.end() == at + value.length())
                .mapToDouble(Span::score)
                .findFirst()
                .orElse(0);
    }

    /** The values reported by all pattern recognizers together, as "ENTITY:value". */
    static List<String> all(String text) {
        return new Analyzer(PatternRecognizers.all(), AnalyzerConfig.defaults()).analyze(text, null).stream()
                .map(s -> s.entity() + ":" + text.substring(s.start(), s.end()))
                .toList();
    }
}
