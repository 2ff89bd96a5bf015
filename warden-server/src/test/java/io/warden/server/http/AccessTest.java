package io.warden.server.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final Access access = new Access((user, dataset) -> user.equals("granted") && dataset.equals("d1"),
            Duration.ofMinutes(5));

    private static Principal session(String name, Role role, Instant mfaAt) {
        return new Principal(name, role, Principal.Kind.SESSION, "s1", mfaAt, (p, d) -> true);
    }

    private static void assertDenied(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(WardenException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void check_publicRoute_allowsNoCredential() {
        assertThatCode(() -> access.check(null, Permission.PUBLIC, null, NOW)).doesNotThrowAnyException();
    }

    @Test
    void check_noCredential_isUnauthenticated() {
        assertDenied(() -> access.check(null, Permission.SELF, null, NOW), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void check_roleWithoutPermission_isDenied() {
        assertDenied(() -> access.check(session("granted", Role.ML_ENGINEER, NOW), Permission.VERSION_UPLOAD, "d1",
                NOW), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void check_dataAccessWithoutGrant_isDenied_evenForRolesThatOverseeAll() {
        assertDenied(() -> access.check(session("other", Role.DATA_STEWARD, NOW), Permission.VERSION_DOWNLOAD, "d1",
                NOW), ErrorCode.PERMISSION_DENIED);
        assertDenied(() -> access.check(session("granted", Role.AUDITOR, NOW), Permission.VERSION_DOWNLOAD, "d1", NOW),
                ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void check_metadataOfAnyDataset_isAllowedToAuditors() {
        assertThatCode(() -> access.check(session("nobody", Role.AUDITOR, null), Permission.DATASET_READ, "d9", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void check_sensitiveWithStaleMfa_needsMfa() {
        Principal stale = session("granted", Role.DATA_STEWARD, NOW.minus(Duration.ofMinutes(6)));
        assertDenied(() -> access.check(stale, Permission.VERSION_DOWNLOAD_RAW, "d1", NOW), ErrorCode.MFA_REQUIRED);
        Principal none = session("granted", Role.DATA_STEWARD, null);
        assertDenied(() -> access.check(none, Permission.VERSION_DOWNLOAD_RAW, "d1", NOW), ErrorCode.MFA_REQUIRED);
        Principal fresh = session("granted", Role.DATA_STEWARD, NOW.minus(Duration.ofMinutes(4)));
        assertThatCode(() -> access.check(fresh, Permission.VERSION_DOWNLOAD_RAW, "d1", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void check_sensitiveWithToken_isDenied() {
        Principal token = new Principal("granted", Role.DATA_STEWARD, Principal.Kind.TOKEN, "t1", null,
                (p, d) -> true);
        assertDenied(() -> access.check(token, Permission.VERSION_DOWNLOAD_RAW, "d1", NOW),
                ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void check_tokenScope_narrowsTheRole() {
        Principal token = new Principal("granted", Role.DATA_STEWARD, Principal.Kind.TOKEN, "t1", null,
                (p, d) -> p == Permission.DATASET_READ);
        assertThatCode(() -> access.check(token, Permission.DATASET_READ, "d1", NOW)).doesNotThrowAnyException();
        assertDenied(() -> access.check(token, Permission.VERSION_UPLOAD, "d1", NOW), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void check_perDatasetPermissionWithoutDataset_isDenied() {
        assertDenied(() -> access.check(session("granted", Role.ADMIN, NOW), Permission.DATASET_READ, null, NOW),
                ErrorCode.PERMISSION_DENIED);
    }
}
