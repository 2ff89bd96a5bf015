package io.warden.detect.eval;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A test recognizer that reports every occurrence of fixed strings as fixed entities, with score 1. */
final class LiteralRecognizer implements Recognizer {
    private final Map<String, String> entityByLiteral;

    LiteralRecognizer(Map<String, String> entityByLiteral) {
        this.entityByLiteral = new LinkedHashMap<>(entityByLiteral);
    }

    @Override
    public String name() {
        return "literal";
    }

    @Override
    public Set<String> entities() {
        return Set.copyOf(entityByLiteral.values());
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        entityByLiteral.forEach((literal, entity) -> {
            for (int at = s.indexOf(literal); at >= 0; at = s.indexOf(literal, at + literal.length())) {
                sink.report(at, at + literal.length(), entity, 1.0);
            }
        });
    }
}
