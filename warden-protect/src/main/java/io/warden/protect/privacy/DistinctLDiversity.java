package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Distinct l-diversity (Machanavajjhala et al. 2007): every released class holds at least {@code l} different values
 * of the sensitive column.
 *
 * @param column the sensitive column
 * @param l the smallest number of distinct sensitive values per class, at least 1
 */
public record DistinctLDiversity(String column, int l) implements PrivacyModel {
    public DistinctLDiversity {
        requireNonNull(column, "column");
        if (l < 1) throw PrivacyConfig.invalid("distinct l-diversity: l must be at least 1, not " + l);
    }

    @Override
    public Optional<String> sensitiveColumn() {
        return Optional.of(column);
    }

    @Override
    public boolean monotoneWithSuppression() {
        return true;
    }
}
