package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Instant;

/**
 * What a {@link LoginThrottle} remembers about one account (or one source address), for the caller to store: failures
 * since the last success or lock, locks since the last success, and when the current lock ends ({@link Instant#EPOCH}
 * when never locked).
 *
 * @param consecutiveFailures failed attempts since the last success or the last lock
 * @param lockouts locks since the last success; each doubles the next lock's length
 * @param lockedUntil end of the current or last lock
 */
public record ThrottleState(int consecutiveFailures, int lockouts, Instant lockedUntil) {
    /** An account with no failures. */
    public static final ThrottleState INITIAL = new ThrottleState(0, 0, Instant.EPOCH);

    public ThrottleState {
        Inputs.present(lockedUntil, "the lock's end");
        if (consecutiveFailures < 0 || lockouts < 0) {
            throw new WardenException(ErrorCode.BAD_USAGE, "throttle counts cannot be negative");
        }
    }
}
