package io.warden.protect.privacy;

/**
 * How much a generalization costs the data's usefulness; the search finds the node where it is lowest.
 *
 * <p>Each is ARX's metric of the same name with ARX's defaults (attribute weights equal, generalization/suppression
 * factor 0.5, which counts a suppressed record like a fully generalized one), so results compare one-to-one. With n
 * records, D quasi-identifiers, and a suppressed record's quasi-identifiers all replaced by {@code *}:
 */
public enum UtilityMetric {
    /**
     * Generalized information loss, ARX's "Loss" ({@code Metric.createLossMetric()}, Iyengar 2002). For
     * quasi-identifier j whose hierarchy has N<sub>j</sub> original values, a record whose value became v costs
     * share(v) = (original values under v) / N<sub>j</sub>, and a suppressed record costs 1. With S<sub>j</sub> the sum
     * over all records, L<sub>j</sub> = (S<sub>j</sub> − n / N<sub>j</sub>) / (n − n / N<sub>j</sub>) (0 when nothing is
     * generalized, 1 when everything is; 0 when N<sub>j</sub> = 1), rounded down to 10 decimals, and the value is the
     * geometric mean Π<sub>j</sub> (1 + L<sub>j</sub>)<sup>1/D</sup> − 1. In [0, 1].
     */
    LOSS,
    /**
     * Precision, ARX's "Precision" ({@code Metric.createPrecisionMetric()}, Sweeney 2002): with h<sub>j</sub> the
     * highest level of quasi-identifier j and l<sub>j</sub> the chosen one, P<sub>j</sub> = (released records ·
     * l<sub>j</sub> / h<sub>j</sub> + suppressed records) / n, and the value is the arithmetic mean over j. In [0, 1].
     */
    PRECISION,
    /**
     * The discernibility metric, ARX's non-monotonic "Discernibility" ({@code Metric.createDiscernabilityMetric()},
     * Bayardo and Agrawal 2005): Σ |E|<sup>2</sup> over released classes E, plus n for every suppressed record.
     */
    DISCERNIBILITY,
    /**
     * The average equivalence class size, ARX's "AECS" ({@code Metric.createAECSMetric()}, LeFevre et al. 2006): n
     * divided by the number of released classes, plus one class for all suppressed records if there are any.
     */
    AVERAGE_CLASS_SIZE
}
