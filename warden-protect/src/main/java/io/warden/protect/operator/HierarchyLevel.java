package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.protect.privacy.Hierarchy;

/**
 * Generalizes a value to its ancestor at a fixed level of a user hierarchy in ARX's CSV format
 * ({@code generalize} with {@code hierarchy} and {@code level}): with the Adult age hierarchy at level 2, {@code 37}
 * becomes {@code 30-39}... as the file says. A value the hierarchy does not hold is an error naming the column,
 * not the value: a hierarchy that misses values of the data is a policy to fix, not something to guess around.
 *
 * @param hierarchy the hierarchy
 * @param level the level, 0 (the value itself) to the hierarchy's top
 */
public record HierarchyLevel(Hierarchy hierarchy, int level) implements Generalize {
    public HierarchyLevel {
        requireNonNull(hierarchy, "hierarchy");
        if (level < 0 || level >= hierarchy.levels()) {
            throw new IllegalArgumentException("generalize: level must be between 0 and " + (hierarchy.levels() - 1)
                    + " for this hierarchy");
        }
    }

    @Override
    public String apply(String value, Target target) {
        if (!hierarchy.contains(value)) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "generalize: a value of field '" + target.field()
                    + "' is not in its hierarchy");
        }
        return hierarchy.generalize(value, level);
    }

    @Override
    public String toString() {
        return "HierarchyLevel[level=" + level + "]";
    }
}
