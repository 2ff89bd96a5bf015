package io.warden.detect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a fixed set of recognizers over texts: context enhancement, thresholding, and overlap resolution.
 *
 * <p>Immutable and thread-safe. Overlapping spans are resolved by keeping the higher score, then the longer span,
 * then the recognizer registered first, so an e-mail address is not also reported as a person and a domain.
 */
public final class Analyzer {
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
            .thenComparingInt(Candidate::order)
            .thenComparingInt(Candidate::start);

    private final List<Recognizer> recognizers;
    private final List<String[]> contexts;
    private final AnalyzerConfig config;

    public Analyzer(List<Recognizer> recognizers, AnalyzerConfig config) {
        this.recognizers = List.copyOf(recognizers);
        this.config = requireNonNull(config, "config");
        this.contexts = this.recognizers.stream().map(r -> r.context().toArray(String[]::new)).toList();
    }

    public List<Recognizer> recognizers() {
        return recognizers;
    }

    public AnalyzerConfig config() {
        return config;
    }

    /** Finds spans in {@code text}; {@code field} (may be null) is the column name, used as context. */
    public List<Span> analyze(String text, String field) {
        if (text.isEmpty()) return List.of();
        ScanText st = new ScanText(text, field);
        Collector collector = new Collector(text.length());
        for (int r = 0; r < recognizers.size(); r++) {
            collector.order = r;
            recognizers.get(r).analyze(st, collector);
        }
        List<Candidate> found = collector.found;
        if (found == null) return List.of();
        List<Candidate> kept = new ArrayList<>(found.size());
        for (Candidate c : found) {
            double score = c.score;
            if (score < 1.0 && hasContext(st, c, contexts.get(c.order))) {
                score = Math.min(1.0, Math.max(score + config.contextBoost(), config.minScoreWithContext()));
            }
            if (score < config.minScore()) continue;
            if (!config.allowList().isEmpty() && config.allowList().contains(text.substring(c.start, c.end))) continue;
            kept.add(new Candidate(c.start, c.end, c.entity, score, c.order));
        }
        return resolveOverlaps(kept);
    }

    private List<Span> resolveOverlaps(List<Candidate> cands) {
        if (cands.isEmpty()) return List.of();
        if (cands.size() == 1) return List.of(cands.get(0).toSpan(recognizers));
        cands.sort(BEST_FIRST);
        TreeMap<Integer, Candidate> accepted = new TreeMap<>(); // by start; accepted spans never overlap
        for (Candidate c : cands) {
            var before = accepted.floorEntry(c.end - 1);
            if (before != null && before.getValue().end > c.start) continue;
            accepted.put(c.start, c);
        }
        List<Span> out = new ArrayList<>(accepted.size());
        for (Candidate c : accepted.values()) out.add(c.toSpan(recognizers));
        return out;
    }

    private boolean hasContext(ScanText st, Candidate c, String[] words) {
        if (words.length == 0) return false;
        int window = config.contextWindow();
        int n = st.tokenCount();
        int first = st.tokenAtOrAfter(c.start);
        for (int i = Math.max(0, first - window); i < first; i++) {
            if (matches(st, i, words)) return true;
        }
        int after = st.tokenAtOrAfter(c.end);
        for (int i = after; i < Math.min(n, after + window); i++) {
            if (matches(st, i, words)) return true;
        }
        return st.field() != null && fieldHasContext(st.field(), words);
    }

    private static boolean matches(ScanText st, int token, String[] words) {
        for (String w : words) {
            if (st.tokenEqualsIgnoreCase(token, w)) return true;
        }
        return false;
    }

    /** Column names like {@code customer_email} or {@code PhoneNumber} count as context for their values. */
    static boolean fieldHasContext(String field, String[] words) {
        String lower = field.toLowerCase(java.util.Locale.ROOT);
        for (String w : words) {
            int at = lower.indexOf(w);
            while (at >= 0) {
                boolean leftOk = at == 0 || !Character.isLowerCase(lower.charAt(at - 1))
                        || Character.isUpperCase(field.charAt(at));
                if (leftOk) return true;
                at = lower.indexOf(w, at + 1);
            }
        }
        return false;
    }

    /** Entity names this analyzer may report. */
    public Set<String> entities() {
        var s = new java.util.TreeSet<String>();
        recognizers.forEach(r -> s.addAll(r.entities()));
        return s;
    }

    /** Collects the spans of one text from every recognizer in turn; one per {@link #analyze} call. */
    private final class Collector implements SpanSink {
        private final int length;
        int order;
        List<Candidate> found;

        Collector(int length) {
            this.length = length;
        }

        @Override
        public void report(int start, int end, String entity, double score) {
            if (start < 0 || end > length || end <= start) {
                throw new IllegalStateException(recognizers.get(order).name() + " reported span outside the text");
            }
            if (found == null) found = new ArrayList<>();
            found.add(new Candidate(start, end, entity, score, order));
        }
    }

    private record Candidate(int start, int end, String entity, double score, int order) {
        int length() {
            return end - start;
        }

        Span toSpan(List<Recognizer> recs) {
            return new Span(start, end, entity, score, recs.get(order).name());
        }
    }
}
