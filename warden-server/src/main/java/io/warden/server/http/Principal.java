package io.warden.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * Who is asking: a user signed in with a session, or a service holding an API token. Holds no secret.
 *
 * @param name the user name (a token acts as the user it belongs to, narrowed by its scope)
 * @param role that user's role
 * @param kind how the principal signed in
 * @param credentialId the session's or token's id for the audit log (never the token itself)
 * @param mfaAt when a second factor was last given in this session, or null
 * @param scope what a token may do beyond its user's role ({@code (permission, dataset) -> allowed}); always true for
 *     sessions
 */
public record Principal(String name, Role role, Kind kind, String credentialId, Instant mfaAt,
        BiPredicate<Permission, String> scope) {
    public enum Kind { SESSION, TOKEN }

    public Principal {
        requireNonNull(name, "name");
        requireNonNull(role, "role");
        requireNonNull(kind, "kind");
        requireNonNull(credentialId, "credentialId");
        requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "Principal[" + name + ", " + role.id() + ", " + kind + " " + credentialId + "]";
    }
}
