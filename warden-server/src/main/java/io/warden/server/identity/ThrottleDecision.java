package io.warden.server.identity;

import java.time.Instant;

/** Whether a login attempt may go ahead: {@link Allowed}, or {@link Locked} until an instant. */
public sealed interface ThrottleDecision {
    /** The attempt may be checked. */
    record Allowed() implements ThrottleDecision {}

    /** The attempt must be refused without checking the credentials, until {@code until}. */
    record Locked(Instant until) implements ThrottleDecision {}
}
