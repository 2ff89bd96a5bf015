package io.warden.protect.dp;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A source of uniformly random integers: the only randomness the differential-privacy samplers use.
 *
 * <p>Every sampler in this package is built from {@link #uniform} alone (and {@link #bernoulli}, which is defined
 * through it), so the distributions they produce are exact given a source whose integers are exactly uniform —
 * no floating-point arithmetic touches a random value.
 */
public interface RandomSource {
    /**
     * A uniformly random integer in {@code [0, bound)}.
     *
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    long uniform(long bound);

    /**
     * {@code true} with probability exactly {@code num / den}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= num <= den} and {@code den >= 1}
     */
    default boolean bernoulli(long num, long den) {
        if (den < 1 || num < 0 || num > den) {
            throw new IllegalArgumentException("bernoulli: need 0 <= num <= den and den >= 1, got " + num + "/" + den);
        }
        return uniform(den) < num;
    }

    /** The production source: a {@link SecureRandom} from the platform's default provider; thread-safe. */
    static RandomSource secure() {
        return new GeneratorSource(new SecureRandom());
    }

    /**
     * A reproducible source for tests and benchmarks: {@link SplittableRandom} with a fixed seed.
     *
     * <p>Insecure: anyone who knows or guesses the seed can subtract the noise. Never use it for a real release.
     * Not thread-safe.
     */
    static RandomSource insecureSeeded(long seed) {
        return new GeneratorSource(new SplittableRandom(seed));
    }
}
