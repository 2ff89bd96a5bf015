package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating an analyzer on a span-labelled corpus: per-entity and overall (micro-averaged)
 * counts, precision, recall and F-beta, plus examples of the errors.
 *
 * <p>Immutable. {@link #toTable()} is the console face, {@link #toJson()} the machine face; neither contains text
 * from the corpus unless the evaluation was run with {@link EvalOptions#includeText()}.
 *
 * @param records how many records were evaluated
 * @param overlapThreshold the IoU a match needed
 * @param beta the F-score's beta (2 for F2)
 * @param entities one score per scored entity type, sorted by name
 * @param overall the micro-average: counts summed over {@code entities}
 * @param notProducible (sorted) scored entity types that occur in the gold spans but that no recognizer of the analyzer
 *     declares (after mapping); every such span counts as missed — map or filter them out to score without them
 * @param errors the first {@link EvalOptions#maxErrorExamples()} false positives and negatives, in corpus order
 */
public record EvalReport(
        long records,
        double overlapThreshold,
        double beta,
        List<EntityScore> entities,
        EntityScore overall,
        Set<String> notProducible,
        List<ErrorExample> errors) {

    /** The {@link EntityScore#entity()} name of the micro-average. */
    public static final String OVERALL = "overall";

    public EvalReport {
        entities = List.copyOf(entities);
        requireNonNull(overall, "overall");
        notProducible = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(notProducible));
        errors = List.copyOf(errors);
    }

    /** The score of {@code entity} (after mapping), or {@code null} if it was not scored. */
    public EntityScore entity(String entity) {
        for (EntityScore s : entities) {
            if (s.entity().equals(entity)) return s;
        }
        return null;
    }

    /** False positives and negatives that are counted but not listed in {@link #errors()}. */
    public long errorsOmitted() {
        return overall.falsePositives() + overall.falseNegatives() - errors.size();
    }

    /** The console table: one row per entity, then the overall row and notes. */
    public String toTable() {
        return ReportTable.scores(this);
    }

    /** Up to {@code max} error examples, one per line (with text only if the evaluation included it). */
    public String errorsTable(int max) {
        return ReportTable.errors(this, max);
    }

    /** The report as pretty-printed JSON; undefined scores are {@code null}. */
    public String toJson() {
        return ReportJson.toJson(this);
    }

    /**
     * Writes {@link #toJson()} to {@code path} atomically (a temporary file in the same directory, renamed).
     *
     * @throws io.warden.core.WardenException OUTPUT_FAILED if it cannot be written
     */
    public void writeJson(Path path) {
        ReportJson.write(this, path);
    }

    /** A summary without error text. */
    @Override
    public String toString() {
        return "EvalReport[records=" + records + ", entities=" + entities.size() + ", overall=" + overall + "]";
    }
}
