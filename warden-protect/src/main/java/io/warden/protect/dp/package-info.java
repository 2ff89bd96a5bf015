/**
 * Differential privacy: counts, sums, means, quantiles and histograms released with exactly sampled integer
 * noise, charged to a per-dataset privacy budget.
 *
 * <p>Entry points: {@link io.warden.protect.dp.BudgetLedger} (the budget of one dataset, in a JSON file),
 * {@link io.warden.protect.dp.DpAggregator} (the releases, each a {@link io.warden.protect.dp.Release}),
 * {@link io.warden.protect.dp.PrivacyCost} (epsilon and delta; delta = 0 chooses discrete Laplace noise, delta > 0
 * discrete Gaussian noise) and {@link io.warden.protect.dp.ContributionBounds}. The samplers
 * ({@link io.warden.protect.dp.DiscreteLaplace}, {@link io.warden.protect.dp.DiscreteGaussian},
 * {@link io.warden.protect.dp.BernoulliExp}) use only uniform random integers from a
 * {@link io.warden.protect.dp.RandomSource}: no floating-point value is ever drawn. See
 * {@code docs/differential-privacy.md}.
 *
 * <p>A policy's {@code dp} section is run by {@link io.warden.protect.dp.DpJob} (what {@code warden dp} calls):
 * {@link io.warden.protect.dp.DpPlan} checks its queries and the budget, {@link io.warden.protect.dp.DpColumns} reads
 * the columns they need, {@link io.warden.protect.dp.DpReport} is the release file. See {@code docs/dp.md}.
 */
package io.warden.protect.dp;
