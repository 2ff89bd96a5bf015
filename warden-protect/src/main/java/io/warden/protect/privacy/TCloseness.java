package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * t-closeness (Li, Li and Venkatasubramanian 2007): in every released class, the distribution of the sensitive
 * column is within Earth Mover's Distance {@code t} of its distribution in the whole table.
 *
 * <p>Two ground distances, as in the paper: {@link Distance#EQUAL} (any two values are at distance 1; the EMD is
 * half the L1 distance of the distributions) and {@link Distance#ORDERED} (values in a total order v<sub>1</sub> &lt;
 * … &lt; v<sub>m</sub> are at distance |i − j| / (m − 1); the EMD is (1 / (m − 1)) · Σ<sub>i</sub> |Σ<sub>j≤i</sub>
 * (p<sub>j</sub> − q<sub>j</sub>)|). The order is {@code order} when given (it must list every value of the column),
 * otherwise numeric when every value is a number, otherwise the strings' natural order. Here m counts the values
 * present in the table.
 *
 * <p>Not monotone with suppression; monotone under generalization without it (the EMD is convex).
 *
 * @param column the sensitive column
 * @param t the largest distance allowed, in [0, 1]
 * @param distance the ground distance
 * @param order the order of the values for {@link Distance#ORDERED}; empty for the default order
 */
public record TCloseness(String column, double t, Distance distance, List<String> order) implements PrivacyModel {
    /** The ground distance between two sensitive values. */
    public enum Distance { EQUAL, ORDERED }

    public TCloseness {
        requireNonNull(column, "column");
        requireNonNull(distance, "distance");
        if (!(t >= 0 && t <= 1)) throw PrivacyConfig.invalid("t-closeness: t must be in [0, 1]");
        order = List.copyOf(order == null ? List.of() : order);
        if (!order.isEmpty() && distance == Distance.EQUAL) {
            throw PrivacyConfig.invalid("t-closeness: an order only applies to the ordered distance");
        }
        if (order.stream().distinct().count() != order.size()) {
            throw PrivacyConfig.invalid("t-closeness: the order lists a value twice");
        }
    }

    /** t-closeness with the equal ground distance. */
    public static TCloseness equalDistance(String column, double t) {
        return new TCloseness(column, t, Distance.EQUAL, List.of());
    }

    /** t-closeness with the ordered ground distance in the default order (numeric, else natural). */
    public static TCloseness orderedDistance(String column, double t) {
        return new TCloseness(column, t, Distance.ORDERED, List.of());
    }

    /** t-closeness with the ordered ground distance in the given order of the column's values. */
    public static TCloseness orderedDistance(String column, double t, List<String> order) {
        return new TCloseness(column, t, Distance.ORDERED, order);
    }

    @Override
    public Optional<String> sensitiveColumn() {
        return Optional.of(column);
    }

    @Override
    public boolean monotoneWithSuppression() {
        return false;
    }
}
