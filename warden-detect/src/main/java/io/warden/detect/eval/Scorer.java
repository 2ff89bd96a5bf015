package io.warden.detect.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accumulates matches between gold spans and predictions record by record, and turns them into an
 * {@link EvalReport}.
 *
 * <p>Per record: both sides are renamed by the entity mapping and filtered; then every (gold, prediction) pair
 * of the same entity whose IoU is at least the threshold is a candidate, and candidates are taken greedily by
 * descending IoU (ties: earlier gold span, then earlier prediction), each span used at most once. Taken pairs are
 * true positives, the predictions left over false positives, the gold spans left over false negatives.
 * Not thread-safe.
 */
final class Scorer {
    private static final int CONTEXT = 30;
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::iou).reversed()
            .thenComparingInt(Candidate::gold).thenComparingInt(Candidate::predicted);

    private final EvalOptions options;
    private final Set<String> producible;
    private final TreeMap<String, long[]> counts = new TreeMap<>(); // entity -> {tp, fp, fn}
    private final List<ErrorExample> errors = new ArrayList<>();
    private long records;

    /**
     * @param producible entity names (after mapping) the predictor can produce, or {@code null} if unknown
     */
    Scorer(EvalOptions options, Set<String> producible) {
        this.options = options;
        this.producible = producible == null ? null : Set.copyOf(producible);
        for (String e : options.entities()) counts.put(e, new long[3]);
    }

    /**
     * Scores one record.
     *
     * @param record 0-based record index
     * @param text the record's text (used only for error examples with text)
     * @param gold gold spans, code-point offsets, original names
     * @param predicted predictions, code-point offsets, original names
     */
    void add(long record, String text, List<LabeledSpan> gold, List<LabeledSpan> predicted) {
        records++;
        List<LabeledSpan> g = scored(gold);
        List<LabeledSpan> p = scored(predicted);
        boolean[] goldMatched = new boolean[g.size()];
        boolean[] predMatched = new boolean[p.size()];

        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            LabeledSpan gs = g.get(i);
            for (int j = 0; j < p.size(); j++) {
                LabeledSpan ps = p.get(j);
                if (ps.start() >= gs.end()) break; // p is sorted by start
                if (!ps.entity().equals(gs.entity()) || gs.intersection(ps) == 0) continue;
                double iou = gs.iou(ps);
                if (iou >= options.overlapThreshold()) candidates.add(new Candidate(i, j, iou));
            }
        }
        candidates.sort(BEST_FIRST);
        for (Candidate c : candidates) {
            if (goldMatched[c.gold] || predMatched[c.predicted]) continue;
            goldMatched[c.gold] = true;
            predMatched[c.predicted] = true;
            counts(g.get(c.gold).entity())[0]++;
        }

        List<ErrorExample> recordErrors = new ArrayList<>();
        for (int j = 0; j < p.size(); j++) {
            if (predMatched[j]) continue;
            LabeledSpan ps = p.get(j);
            counts(ps.entity())[1]++;
            recordErrors.add(example(ErrorExample.Kind.FALSE_POSITIVE, record, text, ps, g));
        }
        for (int i = 0; i < g.size(); i++) {
            if (goldMatched[i]) continue;
            LabeledSpan gs = g.get(i);
            counts(gs.entity())[2]++;
            recordErrors.add(example(ErrorExample.Kind.FALSE_NEGATIVE, record, text, gs, p));
        }
        recordErrors.sort(Comparator.comparingInt(ErrorExample::start).thenComparing(ErrorExample::kind));
        for (ErrorExample e : recordErrors) {
            if (errors.size() >= options.maxErrorExamples()) break;
            errors.add(e);
        }
    }

    EvalReport report() {
        double beta = options.beta();
        List<EntityScore> scores = new ArrayList<>(counts.size());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        Set<String> notProducible = new TreeSet<>();
        for (var e : counts.entrySet()) {
            long[] c = e.getValue();
            scores.add(new EntityScore(e.getKey(), c[0], c[1], c[2], beta));
            tp += c[0];
            fp += c[1];
            fn += c[2];
            if (producible != null && !producible.contains(e.getKey()) && c[0] + c[2] > 0) {
                notProducible.add(e.getKey());
            }
        }
        EntityScore overall = new EntityScore(EvalReport.OVERALL, tp, fp, fn, beta);
        return new EvalReport(records, options.overlapThreshold(), beta, scores, overall, notProducible, errors);
    }

    /** Renamed, filtered and sorted by start. */
    private List<LabeledSpan> scored(List<LabeledSpan> spans) {
        List<LabeledSpan> out = new ArrayList<>(spans.size());
        for (LabeledSpan s : spans) {
            String name = options.scoredName(s.entity());
            if (name == null) continue;
            out.add(name.equals(s.entity()) ? s : new LabeledSpan(name, s.start(), s.end()));
            counts(name);
        }
        out.sort(Comparator.comparingInt(LabeledSpan::start).thenComparingInt(LabeledSpan::end));
        return out;
    }

    private long[] counts(String entity) {
        return counts.computeIfAbsent(entity, k -> new long[3]);
    }

    private ErrorExample example(ErrorExample.Kind kind, long record, String text, LabeledSpan span,
            List<LabeledSpan> otherSide) {
        ErrorExample.Reason reason = kind == ErrorExample.Kind.FALSE_POSITIVE
                ? ErrorExample.Reason.SPURIOUS : ErrorExample.Reason.MISSED;
        String otherEntity = null;
        int bestOther = 0;
        for (LabeledSpan o : otherSide) {
            int inter = span.intersection(o);
            if (inter == 0) continue;
            if (o.entity().equals(span.entity())) {
                reason = ErrorExample.Reason.BOUNDARY;
                otherEntity = null;
                break;
            }
            if (inter > bestOther) {
                bestOther = inter;
                reason = ErrorExample.Reason.WRONG_ENTITY;
                otherEntity = o.entity();
            }
        }
        String value = null;
        String context = null;
        if (options.includeText()) {
            int s = text.offsetByCodePoints(0, span.start());
            int e = text.offsetByCodePoints(s, span.length());
            int before = text.offsetByCodePoints(s, -Math.min(CONTEXT, text.codePointCount(0, s)));
            int after = text.offsetByCodePoints(e, Math.min(CONTEXT, text.codePointCount(e, text.length())));
            value = text.substring(s, e);
            context = text.substring(before, s) + "[[" + value + "]]" + text.substring(e, after);
        }
        return new ErrorExample(kind, reason, record, span.entity(), span.start(), span.end(), otherEntity, value,
                context);
    }

    private record Candidate(int gold, int predicted, double iou) {}
}
