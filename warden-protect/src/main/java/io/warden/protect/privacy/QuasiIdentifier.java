package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

/**
 * A quasi-identifier: a column that could single people out when combined with others, and the hierarchy its values
 * are generalized along.
 *
 * @param column the column's name in the table
 * @param hierarchy its generalization hierarchy, which must list every value the column holds
 */
public record QuasiIdentifier(String column, Hierarchy hierarchy) {
    public QuasiIdentifier {
        requireNonNull(column, "column");
        requireNonNull(hierarchy, "hierarchy");
    }
}
