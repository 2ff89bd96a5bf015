package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Duration;
import java.time.Instant;

/**
 * A lockout rule for failed logins: after {@code maxFailures} consecutive failures the account is locked for
 * {@code firstLock}, each further lock lasts twice the one before up to {@code maxLock}, and a success forgets it all.
 *
 * <p>Stateless: the caller keeps one {@link ThrottleState} per account, and may keep a second throttle, with its own
 * rule, per source address. The caller asks {@link #check} before verifying credentials and refuses a locked attempt
 * without verifying them; attempts during a lock therefore never reach {@link #onFailure}, which also ignores them.
 *
 * @param maxFailures failures that trigger a lock (5 by default)
 * @param firstLock length of the first lock (1 minute by default)
 * @param maxLock cap on a lock's length (1 hour by default)
 */
public record LoginThrottle(int maxFailures, Duration firstLock, Duration maxLock) {
    /** 5 failures; locks of 1, 2, 4, ... minutes up to 1 hour. */
    public static final LoginThrottle DEFAULT = new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofHours(1));

    public LoginThrottle {
        Inputs.present(firstLock, "the first lock's length");
        Inputs.present(maxLock, "the longest lock's length");
        if (maxFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0
                || maxLock.compareTo(Duration.ofDays(365)) > 0) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a login throttle needs at least one failure and locks of "
                    + "0 < first <= max <= 365 days");
        }
    }

    /** Whether an attempt at {@code now} may be checked. */
    public ThrottleDecision check(ThrottleState state, Instant now) {
        Inputs.present(state, "the throttle state");
        Inputs.present(now, "the time");
        return now.isBefore(state.lockedUntil()) ? new ThrottleDecision.Locked(state.lockedUntil())
                : new ThrottleDecision.Allowed();
    }

    /**
     * The state after a failed attempt at {@code now}: one more failure, or, at {@code maxFailures}, a new lock from
     * {@code now} with the failure count reset. An attempt during a lock leaves the state unchanged.
     */
    public ThrottleState onFailure(ThrottleState state, Instant now) {
        if (check(state, now) instanceof ThrottleDecision.Locked) return state;
        int failures = state.consecutiveFailures() + 1;
        if (failures < maxFailures) return new ThrottleState(failures, state.lockouts(), state.lockedUntil());
        int lockouts = state.lockouts() == Integer.MAX_VALUE ? state.lockouts() : state.lockouts() + 1;
        return new ThrottleState(0, lockouts, now.plus(lockLength(lockouts)));
    }

    /** The state after a successful login: as if there had never been a failure. */
    public ThrottleState onSuccess() {
        return ThrottleState.INITIAL;
    }

    /** The length of the {@code n}-th lock (1-based): firstLock · 2^(n-1), at most maxLock. */
    Duration lockLength(int n) {
        Duration length = firstLock; // stops doubling at the cap: at most 64 rounds from 1 ns, and never overflows
        for (int i = 1; i < n && length.compareTo(maxLock) < 0; i++) length = length.multipliedBy(2);
        return length.compareTo(maxLock) > 0 ? maxLock : length;
    }
}
