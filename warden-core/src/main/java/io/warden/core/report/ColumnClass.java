package io.warden.core.report;

/**
 * What one column of a table holds, judged from the share of its values in which an entity was found.
 *
 * @param field the column
 * @param entity the dominant entity, or {@code null} when no entity reaches the classification threshold
 * @param share fraction of non-empty values with at least one finding of {@code entity}
 * @param nonEmpty number of non-empty values seen
 * @param entityShares share per entity found in the column (values with that entity / non-empty values)
 */
public record ColumnClass(
        String field, String entity, double share, long nonEmpty, java.util.Map<String, Double> entityShares) {
    public ColumnClass {
        entityShares = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(entityShares));
    }
}
