package io.warden.protect.dp;

/**
 * Integer-valued noise for differential privacy, sampled exactly: {@link DiscreteLaplace} for pure
 * {@code epsilon}-DP, {@link DiscreteGaussian} for {@code (epsilon, delta)}-DP.
 *
 * <p>Implementations are immutable and thread-safe (given a thread-safe {@link RandomSource}).
 */
public sealed interface Noise permits DiscreteLaplace, DiscreteGaussian {
    /** One sample, drawn with integer arithmetic on the random source's uniform integers only. */
    long sample(RandomSource random);

    /** The distribution's name in a release manifest: {@code discrete-laplace} or {@code discrete-gaussian}. */
    String distribution();
}
