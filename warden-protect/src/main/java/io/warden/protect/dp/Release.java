package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One differentially private release: the noisy value and everything a manifest needs to state how it was made —
 * nothing secret (no true value, no noise drawn, no record).
 *
 * @param query the caller's label for what was released, as recorded in the budget ledger
 * @param mechanism {@code discrete-laplace} (pure DP) or {@code discrete-gaussian} ({@code (epsilon, delta)}-DP)
 * @param value the released value: a count, a sum, a mean, quantiles in rank order, or counts per category
 * @param cost the {@code (epsilon, delta)} charged to the ledger for the whole release
 * @param bounds the contribution bounds that fix the sensitivities
 * @param parts the noisy aggregates the value was computed from, each with its sensitivity and noise
 * @param <V> the value's type
 */
public record Release<V>(String query, String mechanism, V value, PrivacyCost cost, ContributionBounds bounds,
        List<Part> parts) {
    public Release {
        requireNonNull(query, "query");
        requireNonNull(mechanism, "mechanism");
        requireNonNull(value, "value");
        requireNonNull(cost, "cost");
        requireNonNull(bounds, "bounds");
        parts = List.copyOf(parts);
    }

    /**
     * One noisy aggregate within a release: {@code draws} independent samples of {@code noise}, one per
     * coordinate, added to an integer query of the given sensitivity.
     *
     * @param name {@code count}, {@code sum}, {@code centered-sum} (mean) or {@code histogram}
     * @param sensitivity how much one privacy unit can change the query, in units of the granularity for values:
     *     the L1 norm for Laplace noise, the L2 norm for Gaussian noise
     * @param noise the exact noise distribution added
     * @param draws how many coordinates (histogram buckets) got noise
     */
    public record Part(String name, long sensitivity, Noise noise, int draws) {
        public Part {
            requireNonNull(name, "name");
            requireNonNull(noise, "noise");
        }

        /** The noise scale for display: the Laplace scale {@code b}, or the Gaussian {@code sigma}. */
        public double scale() {
            return switch (noise) {
                case DiscreteLaplace l -> l.scale().doubleValue();
                case DiscreteGaussian g -> g.sigma();
            };
        }
    }
}
