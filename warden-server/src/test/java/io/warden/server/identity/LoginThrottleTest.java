package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final LoginThrottle THROTTLE = LoginThrottle.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private static ThrottleState fail(ThrottleState s, Instant at, int times) {
        for (int i = 0; i < times; i++) s = THROTTLE.onFailure(s, at);
        return s;
    }

    @Test
    void check_allowsUntilTheFifthConsecutiveFailureThenLocksForOneMinute() {
        ThrottleState s = fail(ThrottleState.INITIAL, T0, 4);
        assertThat(s.consecutiveFailures()).isEqualTo(4);
        assertThat(THROTTLE.check(s, T0)).isEqualTo(new ThrottleDecision.Allowed());
        s = THROTTLE.onFailure(s, T0);
        assertThat(THROTTLE.check(s, T0)).isEqualTo(new ThrottleDecision.Locked(T0.plusSeconds(60)));
        assertThat(THROTTLE.check(s, T0.plusSeconds(59))).isInstanceOf(ThrottleDecision.Locked.class);
        assertThat(THROTTLE.check(s, T0.plusSeconds(60))).isEqualTo(new ThrottleDecision.Allowed());
    }

    @Test
    void onFailure_eachFurtherLockDoublesUpToTheCap() {
        ThrottleState s = ThrottleState.INITIAL;
        Instant t = T0;
        long[] expectedMinutes = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long minutes : expectedMinutes) {
            s = fail(s, t, 5);
            assertThat(Duration.between(t, s.lockedUntil())).isEqualTo(Duration.ofMinutes(minutes));
            t = s.lockedUntil();
        }
        assertThat(s.lockouts()).isEqualTo(8);
    }

    @Test
    void onFailure_duringALock_changesNothing() {
        ThrottleState locked = fail(ThrottleState.INITIAL, T0, 5);
        assertThat(THROTTLE.onFailure(locked, T0.plusSeconds(30))).isEqualTo(locked);
    }

    @Test
    void onSuccess_resetsFailuresAndLockCount() {
        ThrottleState s = fail(ThrottleState.INITIAL, T0, 5);
        s = fail(s, s.lockedUntil(), 5);
        assertThat(s.lockouts()).isEqualTo(2);
        s = THROTTLE.onSuccess();
        assertThat(s).isEqualTo(ThrottleState.INITIAL);
        s = fail(s, T0.plusSeconds(3600), 5);
        assertThat(s.lockedUntil()).isEqualTo(T0.plusSeconds(3600 + 60));
    }

    @Test
    void aSecondInstancePerSourceAddress_hasItsOwnRule() {
        LoginThrottle perAddress = new LoginThrottle(20, Duration.ofMinutes(5), Duration.ofDays(1));
        ThrottleState s = ThrottleState.INITIAL;
        for (int i = 0; i < 19; i++) s = perAddress.onFailure(s, T0);
        assertThat(perAddress.check(s, T0)).isEqualTo(new ThrottleDecision.Allowed());
        s = perAddress.onFailure(s, T0);
        assertThat(perAddress.check(s, T0)).isEqualTo(new ThrottleDecision.Locked(T0.plusSeconds(300)));
    }

    @Test
    void lockLength_neverOverflowsForHugeLockCounts() {
        LoginThrottle tiny = new LoginThrottle(1, Duration.ofNanos(1), Duration.ofDays(365));
        assertThat(tiny.lockLength(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(365));
        ThrottleState many = new ThrottleState(0, Integer.MAX_VALUE, Instant.EPOCH);
        assertThat(THROTTLE.onFailure(THROTTLE.onFailure(many, T0), T0).lockouts()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void badRulesAndStates_areRefused() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1), Duration.ofHours(1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new LoginThrottle(5, Duration.ofHours(2), Duration.ofHours(1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new LoginThrottle(5, Duration.ZERO, Duration.ofHours(1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new ThrottleState(-1, 0, Instant.EPOCH))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new ThrottleState(0, 0, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> THROTTLE.check(null, T0)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> THROTTLE.check(ThrottleState.INITIAL, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }
}
