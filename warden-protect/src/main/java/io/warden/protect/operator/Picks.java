package io.warden.protect.operator;

/**
 * A stream of pseudo-random choices expanded from a 32-byte keyed seed (xoshiro256**): the surrogate generators'
 * only source of randomness, so that a seed always gives the same fake value.
 *
 * <p>The seed is a PRF output, so the stream is unpredictable without the key; xoshiro only stretches it (a fake
 * value needs more choices than 32 bytes give one by one). Not thread-safe: one per value.
 */
final class Picks {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    Picks(byte[] seed) {
        s0 = longAt(seed, 0);
        s1 = longAt(seed, 8);
        s2 = longAt(seed, 16);
        s3 = longAt(seed, 24);
        if ((s0 | s1 | s2 | s3) == 0) s0 = 0x9E3779B97F4A7C15L; // xoshiro's one forbidden state
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** A number in {@code [0, bound)}; bias below bound / 2^32 (Lemire's multiply-shift). */
    int below(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A number in {@code [from, to]}. */
    int between(int from, int to) {
        return from + below(to - from + 1);
    }

    char digit() {
        return (char) ('0' + below(10));
    }

    <T> T pick(T[] choices) {
        return choices[below(choices.length)];
    }

    private static long longAt(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }
}
