package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

/**
 * Match counts for one entity type (or all of them, micro-averaged) and the scores derived from them.
 *
 * <p>Precision = TP / (TP + FP), recall = TP / (TP + FN), F-beta = (1 + beta^2) TP / ((1 + beta^2) TP + beta^2 FN
 * + FP), which equals the usual (1 + beta^2) P R / (beta^2 P + R) and stays defined when nothing was predicted.
 * A score with a zero denominator is {@code NaN} ("undefined"): precision with no predictions, recall with no
 * gold spans, F-beta with neither.
 *
 * @param entity entity type, or {@code "overall"} for the micro-average
 * @param truePositives predictions matched one-to-one to a gold span
 * @param falsePositives predictions matched to no gold span
 * @param falseNegatives gold spans matched by no prediction
 * @param beta weight of recall in the F-score (2 for F2)
 */
public record EntityScore(String entity, long truePositives, long falsePositives, long falseNegatives, double beta) {
    public EntityScore {
        requireNonNull(entity, "entity");
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Gold spans of this entity: TP + FN. */
    public long gold() {
        return truePositives + falseNegatives;
    }

    /** Predicted spans of this entity: TP + FP. */
    public long predicted() {
        return truePositives + falsePositives;
    }

    /** TP / (TP + FP), or NaN when nothing was predicted. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN), or NaN when there is nothing to find. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The F-beta score, or NaN when there were neither gold spans nor predictions. */
    public double fScore() {
        double b2 = beta * beta;
        double denominator = (1 + b2) * truePositives + b2 * falseNegatives + falsePositives;
        return denominator == 0 ? Double.NaN : (1 + b2) * truePositives / denominator;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
