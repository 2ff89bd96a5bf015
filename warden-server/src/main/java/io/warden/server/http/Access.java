package io.warden.server.http;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * The access decision, in one place: may {@code principal} use {@code permission} on {@code dataset} now? Deny unless
 * every rule allows: a credential (except for {@link Permission#PUBLIC}), the role, the token's scope, a grant for
 * per-dataset permissions, and a fresh second factor in a session for sensitive ones.
 */
public final class Access {
    private final BiPredicate<String, String> grants;
    private final Duration mfaFreshness;

    /** @param grants {@code (user, dataset) -> granted} */
    public Access(BiPredicate<String, String> grants, Duration mfaFreshness) {
        this.grants = grants;
        this.mfaFreshness = mfaFreshness;
    }

    /** @throws WardenException UNAUTHENTICATED, PERMISSION_DENIED or MFA_REQUIRED when denied */
    public void check(Principal principal, Permission permission, String dataset, Instant now) {
        if (permission == Permission.PUBLIC) return;
        if (principal == null) throw new WardenException(ErrorCode.UNAUTHENTICATED, "sign in first");
        Role role = principal.role();
        if (!role.holds(permission) || !principal.scope().test(permission, dataset)) {
            throw denied(permission);
        }
        if (permission.perDataset()) {
            if (dataset == null) throw denied(permission);
            boolean dataAccess = switch (permission) {
                case VERSION_UPLOAD, VERSION_DOWNLOAD, VERSION_DOWNLOAD_RAW -> true;
                case PUBLIC, SELF, DATASET_LIST, DATASET_CREATE, DATASET_READ, DATASET_DESTROY, KEY_ROTATE,
                        GRANT_MANAGE, DATASET_POLICY, USER_MANAGE, AUDIT_READ, METRICS_READ -> false;
            };
            boolean overseen = role.overseesAllDatasets() && !dataAccess;
            if (!overseen && !grants.test(principal.name(), dataset)) throw denied(permission);
        }
        if (permission.sensitive()) {
            if (principal.kind() != Principal.Kind.SESSION) {
                throw new WardenException(ErrorCode.PERMISSION_DENIED, "API tokens cannot " + describe(permission)
                        + "; sign in as a user with MFA");
            }
            Instant mfa = principal.mfaAt();
            if (mfa == null || mfa.plus(mfaFreshness).isBefore(now)) {
                throw new WardenException(ErrorCode.MFA_REQUIRED, "to " + describe(permission)
                        + ", give a second factor first: POST /api/v1/session/mfa with a TOTP code (enroll one with "
                        + "POST /api/v1/mfa/enroll if you have none)");
            }
        }
    }

    private static WardenException denied(Permission permission) {
        return new WardenException(ErrorCode.PERMISSION_DENIED, "not allowed to " + describe(permission));
    }

    static String describe(Permission p) {
        return p.action();
    }
}
