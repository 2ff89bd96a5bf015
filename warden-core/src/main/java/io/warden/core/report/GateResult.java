package io.warden.core.report;

import java.util.List;

/**
 * The verdict of a policy's gate over a scan: pass, or the violations that failed it.
 *
 * @param passed true when no rule was violated
 * @param violations what failed, one line per entity/field
 */
public record GateResult(boolean passed, List<Violation> violations) {
    public GateResult {
        violations = List.copyOf(violations);
    }

    /**
     * Findings of {@code entity} in {@code field} that the policy does not allow.
     *
     * @param entity entity type
     * @param field the field, or {@code "*"} when the rule counts across fields
     * @param count findings counted
     * @param allowed how many the policy tolerates (its threshold)
     */
    public record Violation(String entity, String field, long count, long allowed) {}
}
