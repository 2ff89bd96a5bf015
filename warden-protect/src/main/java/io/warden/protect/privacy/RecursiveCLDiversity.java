package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Recursive (c,l)-diversity (Machanavajjhala et al. 2007, as ARX implements it): with the class's sensitive-value
 * frequencies sorted in descending order r<sub>1</sub> ≥ r<sub>2</sub> ≥ … ≥ r<sub>m</sub>, a released class has
 * m ≥ l and r<sub>1</sub> &lt; c · (r<sub>l</sub> + r<sub>l+1</sub> + … + r<sub>m</sub>): the most frequent value
 * does not dominate even after the l − 2 next ones are removed.
 *
 * <p>Not monotone with suppression (merging a failing class into a passing one can make it fail), so the search
 * evaluates nodes instead of inferring their verdict when records may be suppressed.
 *
 * @param column the sensitive column
 * @param c the multiplier, greater than 0
 * @param l the number of distinct values needed, at least 1
 */
public record RecursiveCLDiversity(String column, double c, int l) implements PrivacyModel {
    public RecursiveCLDiversity {
        requireNonNull(column, "column");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw PrivacyConfig.invalid("recursive (c,l)-diversity: c must be a number greater than 0");
        }
        if (l < 1) throw PrivacyConfig.invalid("recursive (c,l)-diversity: l must be at least 1, not " + l);
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
