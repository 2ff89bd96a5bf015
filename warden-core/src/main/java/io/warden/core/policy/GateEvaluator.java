package io.warden.core.policy;

import static java.util.Objects.requireNonNull;

import io.warden.core.finding.Finding;
import io.warden.core.report.GateResult;
import io.warden.core.report.GateResult.Violation;
import io.warden.core.report.ReidRisk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a policy's {@link Policy.Gate} to a stream of findings and decides pass or fail.
 *
 * <p>Deny by default: with no gate section every finding counts and none is tolerated. Not thread-safe; feed it
 * from one thread.
 */
public final class GateEvaluator {
    /** Entity name used in violations for re-identification risk. */
    public static final String REID_RISK = "REIDENTIFICATION_RISK";

    private final Policy.Gate gate;
    private final double minScore;
    private final Map<String, Map<String, Long>> counted = new HashMap<>(); // entity -> field -> count

    public GateEvaluator(Policy policy) {
        requireNonNull(policy, "policy");
        this.gate = policy.gate();
        this.minScore = gate.minScore() != null ? gate.minScore() : policy.scan().minScore();
    }

    /** Counts {@code f} if the gate cares about it. */
    public void accept(Finding f) {
        if (f.score() < minScore || !gate.counts(f.entity(), f.field())) return;
        counted.computeIfAbsent(f.entity(), e -> new HashMap<>()).merge(f.field(), 1L, Long::sum);
    }

    /** The verdict over everything accepted so far, plus the risk rule when {@code risk} is known. */
    public GateResult result(ReidRisk risk) {
        List<Violation> out = new ArrayList<>();
        new TreeMap<>(counted).forEach((entity, byField) -> {
            long total = byField.values().stream().mapToLong(Long::longValue).sum();
            long allowed = gate.maxFindings().getOrDefault(entity, 0L);
            if (total > allowed) {
                new TreeMap<>(byField).forEach((field, n) -> out.add(new Violation(entity, field, n, allowed)));
            }
        });
        if (gate.maxRisk() != null && risk != null && risk.maxRisk() > gate.maxRisk()) {
            long atRisk = Math.round(risk.recordsAtRiskShare() * risk.records());
            out.add(new Violation(REID_RISK, String.join(",", risk.quasiIdentifiers()), Math.max(1, atRisk), 0));
        }
        return new GateResult(out.isEmpty(), out);
    }
}
