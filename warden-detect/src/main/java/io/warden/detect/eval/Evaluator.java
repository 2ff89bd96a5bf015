package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

import io.warden.detect.Analyzer;
import io.warden.detect.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures an {@link Analyzer} against a span-labelled corpus: runs it on every record and matches its spans to
 * the gold spans one-to-one, per entity, by overlap.
 *
 * <p>A prediction matches a gold span when both carry the same entity name after {@link
 * EvalOptions#entityMapping() mapping} and their code-point ranges overlap with intersection / union (IoU) at
 * least {@link EvalOptions#overlapThreshold()}. Matching is one-to-one: candidate pairs are taken greedily by
 * descending IoU (ties: earlier gold span, then earlier prediction), each span at most once; matched pairs are
 * true positives, unmatched predictions false positives, unmatched gold spans false negatives.
 * Scored are the entity types that occur (after mapping) in the gold spans or in the predictions, or only those
 * of {@link EvalOptions#entities()} when it is given — like Presidio-research's {@code entities_to_keep}. A gold
 * type the analyzer cannot produce still counts (as missed) and is listed in {@link EvalReport#notProducible()}.
 *
 * <p>Immutable and thread-safe; one evaluation runs on the calling thread.
 */
public final class Evaluator {
    private final Analyzer analyzer;
    private final EvalOptions options;
    private final Set<String> producible;

    public Evaluator(Analyzer analyzer, EvalOptions options) {
        this.analyzer = requireNonNull(analyzer, "analyzer");
        this.options = requireNonNull(options, "options");
        Set<String> names = new HashSet<>();
        for (String e : analyzer.entities()) names.add(options.entityMapping().getOrDefault(e, e));
        this.producible = Set.copyOf(names);
    }

    public EvalOptions options() {
        return options;
    }

    /**
     * Evaluates the corpus file at {@code corpus}, streaming it record by record.
     *
     * @throws io.warden.core.WardenException on an unreadable or malformed corpus (see {@link CorpusReader})
     */
    public EvalReport evaluate(Path corpus) {
        try (CorpusReader reader = CorpusReader.open(corpus)) {
            return evaluate(reader);
        }
    }

    /** Evaluates the records {@code corpus} has not yet returned. */
    public EvalReport evaluate(CorpusReader corpus) {
        Scorer scorer = new Scorer(options, producible);
        long index = 0;
        for (EvalRecord r = corpus.next(); r != null; r = corpus.next()) {
            scorer.add(index++, r.text(), r.spans(), predict(r.text()));
        }
        return scorer.report();
    }

    /** Evaluates records held in memory. */
    public EvalReport evaluate(Iterable<EvalRecord> records) {
        Scorer scorer = new Scorer(options, producible);
        long index = 0;
        for (EvalRecord r : records) scorer.add(index++, r.text(), r.spans(), predict(r.text()));
        return scorer.report();
    }

    /** The analyzer's spans in {@code text}, in code-point offsets, with the analyzer's entity names. */
    public List<LabeledSpan> predict(String text) {
        List<Span> spans = analyzer.analyze(text, null);
        List<LabeledSpan> out = new ArrayList<>(spans.size());
        CodePoints cp = CodePoints.of(text);
        for (Span s : spans) {
            int start = cp.index(s.start());
            int end = Math.max(start + 1, cp.index(s.end()));
            out.add(new LabeledSpan(s.entity(), start, end));
        }
        return out;
    }
}
