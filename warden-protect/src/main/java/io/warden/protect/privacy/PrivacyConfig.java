package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to anonymize and how: the quasi-identifiers with their hierarchies, the privacy models every released class
 * must meet, how many records may be suppressed, and the utility metric the search minimizes.
 *
 * <p>Validated when built; contradictory rules are {@link ErrorCode#INVALID_POLICY}: no quasi-identifier or no model,
 * a column twice among the quasi-identifiers, a sensitive column that is also a quasi-identifier, the same kind of
 * model twice for the same column, a suppression limit outside [0, 1], or a lattice too large to search exactly.
 *
 * @param quasiIdentifiers the quasi-identifiers, in the order results list them
 * @param models the privacy models; a class is released only if it meets all of them
 * @param suppressionLimit the largest share of records that may be suppressed, in [0, 1] (ARX: at most
 *     ⌊limit · n⌋ records)
 * @param metric the utility metric to minimize
 */
public record PrivacyConfig(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
                            double suppressionLimit, UtilityMetric metric) {
    /** The most lattice nodes an exact search takes on (ARX switches to a heuristic above 100 000). */
    public static final long MAX_LATTICE_NODES = 1_000_000;

    public PrivacyConfig {
        quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers"));
        models = List.copyOf(requireNonNull(models, "models"));
        requireNonNull(metric, "metric");
        if (quasiIdentifiers.isEmpty()) throw invalid("no quasi-identifier is given");
        if (models.isEmpty()) throw invalid("no privacy model is given");
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw invalid("the suppression limit must be in [0, 1], not " + suppressionLimit);
        }
        Set<String> qis = new HashSet<>();
        long nodes = 1;
        for (QuasiIdentifier qi : quasiIdentifiers) {
            if (!qis.add(qi.column())) throw invalid("quasi-identifier '" + qi.column() + "' is listed twice");
            nodes *= qi.hierarchy().levels();
            if (nodes > MAX_LATTICE_NODES) {
                throw invalid("the generalization lattice has more than " + MAX_LATTICE_NODES + " nodes; use fewer "
                        + "quasi-identifiers or hierarchies with fewer levels");
            }
        }
        Set<String> kinds = new HashSet<>();
        for (PrivacyModel model : models) {
            String column = model.sensitiveColumn().orElse("");
            if (qis.contains(column)) {
                throw invalid("column '" + column + "' is both a quasi-identifier and a sensitive column");
            }
            if (!kinds.add(model.getClass().getSimpleName() + "/" + column)) {
                throw invalid(model.getClass().getSimpleName() + " is given twice"
                        + (column.isEmpty() ? "" : " for column '" + column + "'"));
            }
        }
    }

    /** The sensitive columns the models read, each once, in the order the models name them. */
    public List<String> sensitiveColumns() {
        return models.stream().flatMap(m -> m.sensitiveColumn().stream()).distinct().toList();
    }

    /** The number of nodes of the generalization lattice: the product of the hierarchies' level counts. */
    public long latticeSize() {
        long nodes = 1;
        for (QuasiIdentifier qi : quasiIdentifiers) nodes *= qi.hierarchy().levels();
        return nodes;
    }

    /** An {@link ErrorCode#INVALID_POLICY} exception: the configuration is wrong in itself. */
    static WardenException invalid(String message) {
        return new WardenException(ErrorCode.INVALID_POLICY, message);
    }
}
