package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;

/**
 * The cost of an Argon2id password hash: memory in KiB, passes, lanes. Only values Argon2 defines and this build can
 * afford are representable (at most {@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS}, {@link #MAX_PARALLELISM}), so a
 * stored hash that claims more is refused before any work is done.
 *
 * @param memoryKib memory in KiB (m), at least 8 per lane
 * @param iterations passes over memory (t)
 * @param parallelism lanes (p)
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {
    /** OWASP's first recommended setting: m = 19 MiB, t = 2, p = 1. */
    public static final Argon2Params OWASP = new Argon2Params(19 * 1024, 2, 1);

    /** 256 MiB: a stored hash asking for more (a corrupt or hostile row) must not make a login exhaust memory. */
    public static final int MAX_MEMORY_KIB = 256 * 1024;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 16;

    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "Argon2id parameters out of range (m 8p to "
                    + MAX_MEMORY_KIB + " KiB, t 1 to " + MAX_ITERATIONS + ", p 1 to " + MAX_PARALLELISM + ")");
        }
    }

    /**
     * Whether this costs at least OWASP's weakest recommendation: m ≥ 7 MiB and m·t ≥ 7 MiB · 5, which covers each
     * row of OWASP's table (47 MiB × 1, 19 MiB × 2, 12 MiB × 3, 9 MiB × 4, 7 MiB × 5).
     */
    public boolean meetsOwaspMinimum() {
        return memoryKib >= 7 * 1024 && (long) memoryKib * iterations >= 7L * 1024 * 5;
    }

    /** Whether this is weaker than {@code other} in memory or in passes (lanes add no cost for an attacker). */
    boolean weakerThan(Argon2Params other) {
        return memoryKib < other.memoryKib || iterations < other.iterations;
    }
}
