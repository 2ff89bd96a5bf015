package io.warden.detect.names;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Recognizer;
import io.warden.detect.Span;
import java.util.List;

/** Test helper: runs recognizers through a real {@link Analyzer} and shows spans as "ENTITY:text". */
final class Spans {
    private Spans() {}

    static List<String> found(Recognizer r, String text) {
        return found(List.of(r), text, null);
    }

    static List<String> found(List<Recognizer> rs, String text, String field) {
        List<Span> spans = new Analyzer(rs, AnalyzerConfig.defaults()).analyze(text, field);
        return spans.stream().map(s -> s.entity() + ":" + text.substring(s.start(), s.end())).toList();
    }

    static double score(Recognizer r, String text, String covered) {
        for (Span s : new Analyzer(List.of(r), AnalyzerConfig.defaults().withMinScore(0)).analyze(text, null)) {
            if (text.substring(s.start(), s.end()).equals(covered)) return s.score();
        }
        return 0;
    }
}
