package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Dp;
import io.warden.protect.dp.Release.Part;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The queries of a policy's {@code dp} section made ready to run — each with its {@link PrivacyCost}, its
 * {@link ContributionBounds} and the noise it will get — and the check that a whole run fits the budget left.
 *
 * <p>Building a plan checks every parameter the way {@link DpAggregator} will (costs, bounds, noise calibration),
 * so a query that cannot be released fails here, before the first query of the run has spent anything.
 */
public final class DpPlan {
    private final Dp dp;
    private final List<Step> steps;
    private final BigDecimal epsilon;
    private final BigDecimal delta;

    private DpPlan(Dp dp, List<Step> steps) {
        this.dp = dp;
        this.steps = List.copyOf(steps);
        this.epsilon = steps.stream().map(s -> s.cost().exactEpsilon()).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.delta = steps.stream().map(s -> s.cost().exactDelta()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The plan for {@code dp}'s queries.
     *
     * @throws WardenException INVALID_POLICY when there is no query, or a query's parameters cannot be released
     *     (e.g. a noise scale beyond the samplers' range)
     */
    public static DpPlan of(Dp dp) {
        requireNonNull(dp, "dp");
        if (dp.isEmpty()) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "the policy has no dp queries: nothing to release");
        }
        List<Step> steps = new ArrayList<>();
        for (Dp.Query q : dp.queries()) {
            try {
                PrivacyCost cost = new PrivacyCost(q.epsilon(), q.delta());
                int m = dp.maxContributions();
                ContributionBounds bounds = q.type().numeric()
                        ? ContributionBounds.values(m, q.lower(), q.upper(), q.granularity())
                        : ContributionBounds.records(m);
                steps.add(new Step(q, cost, bounds, parts(q, bounds, cost)));
            } catch (IllegalArgumentException e) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "dp query '" + q.name() + "' cannot be released: "
                        + e.getMessage());
            }
        }
        return new DpPlan(dp, steps);
    }

    /** The queries in policy order. */
    public List<Step> steps() {
        return steps;
    }

    /** The columns the queries read, in order of first use (the privacy unit's only if a query reads it). */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        for (Step s : steps) {
            if (s.query().column() != null) columns.add(s.query().column());
        }
        return columns;
    }

    /** The column naming the privacy unit, or null. */
    public String privacyUnit() {
        return dp.privacyUnit();
    }

    /** The epsilon a run spends: the sum of the queries' (exact decimals, as the ledger adds them). */
    public BigDecimal epsilon() {
        return epsilon;
    }

    /** The delta a run spends. */
    public BigDecimal delta() {
        return delta;
    }

    /**
     * Fails unless the whole run fits in what {@code ledger} has left, so that a run is refused before its first
     * spend rather than stopped half-way with part of the budget gone.
     *
     * <p>This is a check, not a reservation: a release by someone else between this check and the spends can still
     * make a later spend fail (the ledger refuses it; nothing is overspent).
     *
     * @throws WardenException BUDGET_EXHAUSTED, saying what the run asks and what remains
     */
    public void requireFits(BudgetLedger.Snapshot ledger) {
        requireNonNull(ledger, "ledger");
        BigDecimal eps = ledger.remainingEpsilon();
        BigDecimal del = ledger.remainingDelta();
        if (epsilon.compareTo(eps) > 0 || delta.compareTo(del) > 0) {
            throw new WardenException(ErrorCode.BUDGET_EXHAUSTED, "privacy budget of dataset '" + ledger.dataset()
                    + "' exhausted: the policy's " + steps.size() + (steps.size() == 1 ? " query asks" : " queries ask")
                    + " epsilon " + plain(epsilon) + ", delta " + plain(delta) + " but only epsilon " + plain(eps)
                    + ", delta " + plain(del) + " remain; nothing was spent");
        }
    }

    /**
     * One query ready to run.
     *
     * @param query the policy's query
     * @param cost what it spends
     * @param bounds its contribution bounds (and value range for numeric queries)
     * @param parts its noisy aggregates with their sensitivities and noise, as the release will report them
     */
    public record Step(Dp.Query query, PrivacyCost cost, ContributionBounds bounds, List<Part> parts) {
        public Step {
            requireNonNull(query, "query");
            requireNonNull(cost, "cost");
            requireNonNull(bounds, "bounds");
            parts = List.copyOf(parts);
        }

        /** The label recorded in the ledger: the query's name and what it computes, e.g. {@code mean_age: mean(age)}. */
        public String label() {
            Dp.Query q = query;
            return q.name() + ": " + q.type().label() + (q.column() == null ? "" : "(" + q.column() + ")");
        }
    }

    /** The parts {@link DpAggregator} releases for {@code q}: the same sensitivities and calibration it uses. */
    static List<Part> parts(Dp.Query q, ContributionBounds bounds, PrivacyCost cost) {
        long m = bounds.maxContributions();
        return switch (q.type()) {
            case COUNT -> List.of(part("count", m, cost, 1, 1));
            case SUM -> {
                ContributionBounds.ValueRange r = bounds.values();
                yield List.of(part("sum", m * Math.max(Math.abs(r.lowerUnits()), Math.abs(r.upperUnits())), cost, 1,
                        1));
            }
            case MEAN -> {
                ContributionBounds.ValueRange r = bounds.values();
                yield List.of(part("centered-sum", m * (r.upperUnits() - r.lowerUnits()), cost, 2, 1),
                        part("count", m, cost, 2, 1));
            }
            case QUANTILES -> {
                ContributionBounds.ValueRange r = bounds.values();
                yield List.of(part("histogram", m, cost, 1, Math.toIntExact(r.upperUnits() - r.lowerUnits() + 1)));
            }
            case HISTOGRAM -> List.of(part("histogram", m, cost, 1, q.categories().size()));
        };
    }

    private static Part part(String name, long sensitivity, PrivacyCost cost, int parts, int draws) {
        return new Part(name, sensitivity, Calibration.noise(cost, parts, sensitivity), draws);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
