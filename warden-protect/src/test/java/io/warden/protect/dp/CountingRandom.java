package io.warden.protect.dp;

/** A seeded source that counts how often it was asked for randomness, to show that a refused release drew none. */
final class CountingRandom implements RandomSource {
    private final RandomSource inner;
    private long calls;

    CountingRandom(long seed) {
        this.inner = RandomSource.insecureSeeded(seed);
    }

    @Override
    public long uniform(long bound) {
        calls++;
        return inner.uniform(bound);
    }

    long calls() {
        return calls;
    }
}
