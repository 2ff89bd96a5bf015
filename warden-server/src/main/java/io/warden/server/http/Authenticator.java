package io.warden.server.http;

import java.time.Instant;

/** Turns a bearer credential (a session or API token) into the principal it stands for. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @throws io.warden.core.WardenException UNAUTHENTICATED when the credential is malformed, unknown, expired or
     *     revoked (one message for all, so the answer tells an attacker nothing)
     */
    Principal authenticate(String bearer, Instant now);
}
