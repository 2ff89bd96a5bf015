package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/**
 * Uniform integers from a generator's 64-bit words by masking and rejection.
 *
 * <p>A word is cut to the bit length of {@code bound - 1} and drawn again while it is {@code >= bound}, so every
 * value in range is equally likely (no modulo bias) given uniform words, and fewer than two words are used on
 * average.
 */
record GeneratorSource(RandomGenerator generator) implements RandomSource {
    GeneratorSource {
        requireNonNull(generator, "generator");
    }

    @Override
    public long uniform(long bound) {
        if (bound < 1) throw new IllegalArgumentException("uniform: bound must be >= 1, got " + bound);
        if (bound == 1) return 0;
        long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1);
        while (true) {
            long r = generator.nextLong() & mask;
            if (r < bound) return r;
        }
    }

    @Override
    public String toString() {
        return "RandomSource[" + generator.getClass().getSimpleName() + "]";
    }
}
