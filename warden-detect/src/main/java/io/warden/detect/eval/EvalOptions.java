package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * How an {@link Evaluator} matches predictions to gold spans and what it reports.
 *
 * @param overlapThreshold a prediction matches a gold span of the same entity when their code-point ranges
 *     intersect and intersection / union (IoU) is at least this; in [0, 1], where 0 means "any overlap" and 1
 *     means "exact boundaries"
 * @param entityMapping renames entity types before scoring, on both sides (gold and predicted), e.g.
 *     {@code PER -> PERSON}; names not in the map are kept; a name mapped to {@link #OUTSIDE "O"} is dropped
 * @param entities if not empty, only these entity types (names after mapping) are scored; otherwise every
 *     type that occurs in the gold spans or the predictions is
 * @param beta weight of recall in the F-score: F-beta = (1 + beta^2) TP / ((1 + beta^2) TP + beta^2 FN + FP)
 * @param includeText whether error examples carry the span's text and its surroundings (off by default: a
 *     corpus may hold real personal data)
 * @param maxErrorExamples how many false positives and negatives are kept as examples (all are counted)
 */
public record EvalOptions(
        double overlapThreshold,
        Map<String, String> entityMapping,
        Set<String> entities,
        double beta,
        boolean includeText,
        int maxErrorExamples) {

    /** The entity name that means "not an entity": mapping a type to it leaves that type out. */
    public static final String OUTSIDE = "O";
    public static final double DEFAULT_OVERLAP = 0.5;
    public static final double DEFAULT_BETA = 2.0;
    public static final int DEFAULT_MAX_ERROR_EXAMPLES = 200;

    public EvalOptions {
        entityMapping = Map.copyOf(requireNonNull(entityMapping, "entityMapping"));
        entities = Set.copyOf(requireNonNull(entities, "entities"));
        if (!(overlapThreshold >= 0 && overlapThreshold <= 1)) {
            throw new IllegalArgumentException("overlap threshold must be in [0, 1]");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("beta must be > 0");
        if (maxErrorExamples < 0) throw new IllegalArgumentException("maxErrorExamples must be >= 0");
    }

    /** IoU 0.5, no mapping, every entity, F2, no text in error examples, at most 200 examples. */
    public static EvalOptions defaults() {
        return new EvalOptions(DEFAULT_OVERLAP, Map.of(), Set.of(), DEFAULT_BETA, false, DEFAULT_MAX_ERROR_EXAMPLES);
    }

    public EvalOptions withOverlapThreshold(double t) {
        return new EvalOptions(t, entityMapping, entities, beta, includeText, maxErrorExamples);
    }

    public EvalOptions withEntityMapping(Map<String, String> m) {
        return new EvalOptions(overlapThreshold, m, entities, beta, includeText, maxErrorExamples);
    }

    public EvalOptions withEntities(Set<String> e) {
        return new EvalOptions(overlapThreshold, entityMapping, e, beta, includeText, maxErrorExamples);
    }

    public EvalOptions withBeta(double b) {
        return new EvalOptions(overlapThreshold, entityMapping, entities, b, includeText, maxErrorExamples);
    }

    public EvalOptions withIncludeText(boolean include) {
        return new EvalOptions(overlapThreshold, entityMapping, entities, beta, include, maxErrorExamples);
    }

    public EvalOptions withMaxErrorExamples(int max) {
        return new EvalOptions(overlapThreshold, entityMapping, entities, beta, includeText, max);
    }

    /** The name {@code entity} is scored under, or {@code null} if it is left out (mapped to "O" or filtered). */
    public String scoredName(String entity) {
        String mapped = entityMapping.getOrDefault(entity, entity);
        if (mapped.equals(OUTSIDE)) return null;
        if (!entities.isEmpty() && !entities.contains(mapped)) return null;
        return mapped;
    }

    /**
     * Parses {@code GOLD=OURS} pairs, as given to {@code warden eval --map}.
     *
     * @throws IllegalArgumentException on a pair without {@code =} or with an empty side, or a name mapped twice
     */
    public static Map<String, String> parseMapping(Iterable<String> pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("entity mapping must be NAME=NAME, got '" + pair + "'");
            }
            String from = pair.substring(0, eq).strip();
            String to = pair.substring(eq + 1).strip();
            if (from.isEmpty() || to.isEmpty()) {
                throw new IllegalArgumentException("entity mapping must be NAME=NAME, got '" + pair + "'");
            }
            String old = map.put(from, to);
            if (old != null && !old.equals(to)) {
                throw new IllegalArgumentException("entity " + from + " is mapped twice");
            }
        }
        return map;
    }
}
