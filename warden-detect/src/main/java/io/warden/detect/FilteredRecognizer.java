package io.warden.detect;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.function.Predicate;

/** A recognizer restricted to the entities a policy wants reported; spans of other entities are dropped. */
record FilteredRecognizer(Recognizer delegate, Predicate<String> wanted, Set<String> entities) implements Recognizer {
    FilteredRecognizer {
        requireNonNull(delegate, "delegate");
        requireNonNull(wanted, "wanted");
        entities = Set.copyOf(entities);
    }

    static Recognizer of(Recognizer r, Predicate<String> wanted) {
        Set<String> kept = r.entities().stream().filter(wanted).collect(java.util.stream.Collectors.toSet());
        if (kept.equals(r.entities())) return r;
        return new FilteredRecognizer(r, wanted, kept);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<String> context() {
        return delegate.context();
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        delegate.analyze(text, (s, e, entity, score) -> {
            if (wanted.test(entity)) sink.report(s, e, entity, score);
        });
    }
}
