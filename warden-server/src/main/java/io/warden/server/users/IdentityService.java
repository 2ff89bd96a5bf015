package io.warden.server.users;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.server.catalog.Names;
import io.warden.server.http.Authenticator;
import io.warden.server.http.Metrics;
import io.warden.server.http.Permission;
import io.warden.server.http.Principal;
import io.warden.server.http.Role;
import io.warden.server.identity.LoginThrottle;
import io.warden.server.identity.OtpAuthUri;
import io.warden.server.identity.Password;
import io.warden.server.identity.PasswordHasher;
import io.warden.server.identity.PasswordPolicy;
import io.warden.server.identity.RecoveryCode;
import io.warden.server.identity.RecoveryCodes;
import io.warden.server.identity.ScopeAction;
import io.warden.server.identity.ThrottleDecision;
import io.warden.server.identity.ThrottleState;
import io.warden.server.identity.Token;
import io.warden.server.identity.TokenKind;
import io.warden.server.identity.TokenScope;
import io.warden.server.identity.Totp;
import io.warden.server.identity.TotpAlgorithm;
import io.warden.server.identity.TotpSecret;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Who may sign in and as what: the first admin's bootstrap, password sign-in with TOTP or a recovery code, backoff
 * and lockout, sessions, MFA enrollment and step-up, users, and API tokens — over {@link UserStore}, with the
 * primitives of {@code io.warden.server.identity}.
 *
 * <p>Wrong user names and wrong passwords get the same answer and cost the same time. Argon2id runs at most
 * {@link #CONCURRENT_HASHES} at a time (19 MiB each): a flood of sign-ins queues instead of exhausting memory.
 */
public final class IdentityService implements Authenticator {
    public static final String ISSUER = "Warden";
    static final int CONCURRENT_HASHES = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG = "wrong user name or password";

    /** A new session. */
    public record Session(Token token, Instant expiresAt, boolean mfa, boolean mfaEnrolled) {}

    /** A started MFA enrollment: the URI to scan (it holds the secret) and the secret for manual entry. */
    public record Enrollment(String otpauthUri, String secret) {
        @Override
        public String toString() {
            return "Enrollment[hidden]";
        }
    }

    /** A new API token, shown once. */
    public record IssuedToken(String id, Token token, TokenScope scope) {}

    private final UserStore store;
    private final Supplier<Keyring> keyring;
    private final Metrics metrics;
    private final Duration sessionTtl;
    private final PasswordHasher hasher = PasswordHasher.owasp();
    private final LoginThrottle throttle = LoginThrottle.DEFAULT;
    private final AddressThrottle addresses = new AddressThrottle(new LoginThrottle(20, Duration.ofMinutes(1),
            Duration.ofMinutes(30)));
    private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);
    private volatile String bootstrapHash;

    public IdentityService(UserStore store, Supplier<Keyring> keyring, Metrics metrics, Duration sessionTtl) {
        this.store = requireNonNull(store, "store");
        this.keyring = requireNonNull(keyring, "keyring");
        this.metrics = requireNonNull(metrics, "metrics");
        this.sessionTtl = requireNonNull(sessionTtl, "sessionTtl");
    }

    /**
     * When there is no user yet: a new one-time bootstrap credential (only its hash is kept, in memory; a restart
     * makes another). Empty once a user exists.
     */
    public Optional<Token> startBootstrap() {
        if (store.any()) return Optional.empty();
        Token t = Token.generate(TokenKind.API);
        bootstrapHash = t.hash();
        return Optional.of(t);
    }

    /** Creates the first admin with the bootstrap credential, which is then spent. */
    public synchronized void bootstrap(String credential, String user, String password, Instant now) {
        String expected = bootstrapHash;
        Token given = parseQuietly(credential, TokenKind.API);
        if (expected == null || given == null || store.any()
                || !MessageDigest.isEqual(expected.getBytes(), given.hash().getBytes())) {
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "the bootstrap credential is wrong or was used");
        }
        createUser(user, Role.ADMIN, password, now);
        bootstrapHash = null;
    }

    /** Signs in; a user enrolled in MFA must give a TOTP code or a recovery code. */
    public Session login(String user, String password, String code, String recoveryCode, String client, Instant now) {
        if (addresses.check(client, now) instanceof ThrottleDecision.Locked l) throw locked(l.until());
        Optional<UserStore.User> found = validName(user) ? store.user(user) : Optional.empty();
        Password pw = Password.of(password);
        if (found.isEmpty() || found.get().disabled()) {
            hash(() -> hasher.verifyUnknownUser(pw));
            fail(null, client, now);
            throw new WardenException(ErrorCode.UNAUTHENTICATED, WRONG);
        }
        UserStore.User u = found.get();
        ThrottleState state = new ThrottleState(u.failures(), u.lockouts(),
                u.lockedUntil() == null ? Instant.EPOCH : u.lockedUntil());
        if (throttle.check(state, now) instanceof ThrottleDecision.Locked l) {
            fail(null, client, now);
            throw locked(l.until());
        }
        if (!hash(() -> hasher.verify(pw, u.passwordHash()))) {
            fail(u, client, now);
            throw new WardenException(ErrorCode.UNAUTHENTICATED, WRONG);
        }
        boolean mfa = false;
        if (u.totpEnabled()) {
            if (isBlank(code) && isBlank(recoveryCode)) {
                throw new WardenException(ErrorCode.MFA_REQUIRED, "this account signs in with a TOTP code "
                        + "(or a recovery code) as well");
            }
            if (!secondFactor(u, code, recoveryCode, now)) {
                fail(u, client, now);
                throw new WardenException(ErrorCode.UNAUTHENTICATED, "wrong, expired or already used code");
            }
            mfa = true;
        }
        if (u.failures() != 0 || u.lockouts() != 0) store.setThrottle(u.name(), 0, 0, null);
        if (hasher.needsRehash(u.passwordHash())) store.setPassword(u.name(), hash(() -> hasher.hash(pw)));
        Token token = Token.generate(TokenKind.SESSION);
        Instant expires = now.plus(sessionTtl);
        store.createSession(new UserStore.Session(token.hash(), u.name(), now, expires, mfa ? now : null, false));
        return new Session(token, expires, mfa, u.totpEnabled());
    }

    @Override
    public Principal authenticate(String bearer, Instant now) {
        Token token = parseQuietly(bearer, null);
        if (token == null) throw unknown();
        return switch (token.kind()) {
            // the credential and its user in one query: the user must exist and not be disabled
            case SESSION -> {
                var found = store.sessionWithUser(token.hash()).orElseThrow(IdentityService::unknown);
                UserStore.Session s = found.credential();
                if (s.revoked() || !now.isBefore(s.expiresAt()) || found.userDisabled()) throw unknown();
                yield new Principal(s.user(), found.role(), Principal.Kind.SESSION,
                        "s:" + s.tokenHash().substring(0, 16), s.mfaAt(), (p, d) -> true);
            }
            case API -> {
                var found = store.tokenWithUser(token.hash()).orElseThrow(IdentityService::unknown);
                UserStore.Token t = found.credential();
                if (t.revoked() || !now.isBefore(t.expiresAt()) || found.userDisabled()) throw unknown();
                TokenScope scope = TokenScope.parse(t.scopes());
                yield new Principal(t.user(), found.role(), Principal.Kind.TOKEN, "t:" + t.id(), null,
                        scopeCheck(scope, now));
            }
        };
    }

    /** Ends the principal's session. */
    public void logout(Principal p, String bearer) {
        Token token = parseQuietly(bearer, TokenKind.SESSION);
        if (token != null) store.revokeSession(token.hash());
    }

    /** Step-up: a TOTP or recovery code marks the session as having given a second factor now. */
    public void stepUp(Principal p, String bearer, String code, String recoveryCode, Instant now) {
        UserStore.User u = liveUser(p.name());
        Token token = parseQuietly(bearer, TokenKind.SESSION);
        if (token == null) throw new WardenException(ErrorCode.PERMISSION_DENIED, "only sessions take a second factor");
        if (!u.totpEnabled()) {
            throw new WardenException(ErrorCode.CONFLICT, "enroll a second factor first (POST /api/v1/mfa/enroll)");
        }
        if (!secondFactor(u, code, recoveryCode, now)) {
            metrics.failedLogin();
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "wrong, expired or already used code");
        }
        store.sessionMfa(token.hash(), now);
    }

    /** Starts (or restarts, before confirmation) TOTP enrollment. */
    public Enrollment enroll(Principal p) {
        UserStore.User u = liveUser(p.name());
        if (u.totpEnabled()) {
            throw new WardenException(ErrorCode.CONFLICT, "a second factor is enrolled already");
        }
        TotpSecret secret = TotpSecret.generate(TotpAlgorithm.SHA1);
        store.setPendingTotp(u.name(), new TotpSecrets(keyring.get()).seal(u.name(), secret));
        return new Enrollment(OtpAuthUri.of(Totp.DEFAULT, secret, ISSUER, u.name()), secret.base32());
    }

    /** Confirms enrollment with a first code; returns the recovery codes, in clear, this once. */
    public List<String> confirmEnrollment(Principal p, String bearer, String code, Instant now) {
        UserStore.User u = liveUser(p.name());
        if (u.totpEnabled()) throw new WardenException(ErrorCode.CONFLICT, "a second factor is enrolled already");
        if (u.totpSecret() == null) throw new WardenException(ErrorCode.CONFLICT, "start with POST /api/v1/mfa/enroll");
        TotpSecret secret = new TotpSecrets(keyring.get()).open(u.name(), u.totpSecret());
        OptionalLong step = isBlank(code) ? OptionalLong.empty()
                : Totp.DEFAULT.verify(secret, code, now, u.totpLastStep());
        if (step.isEmpty() || !store.acceptTotpStep(u.name(), step.getAsLong(), true)) {
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "wrong, expired or already used code");
        }
        RecoveryCodes.Issued issued = RecoveryCodes.generate();
        store.setRecoveryCodes(u.name(), issued.hashes());
        Token token = parseQuietly(bearer, TokenKind.SESSION);
        if (token != null) store.sessionMfa(token.hash(), now);
        return issued.codes().stream().map(RecoveryCode::reveal).toList();
    }

    /**
     * Changes the principal's password after checking the current one; every other session of the user ends (a
     * stolen session does not outlive the change).
     */
    public void changePassword(Principal p, String bearer, String current, String next) {
        UserStore.User u = liveUser(p.name());
        Password old = Password.of(current);
        if (!hash(() -> hasher.verify(old, u.passwordHash()))) {
            metrics.failedLogin();
            throw new WardenException(ErrorCode.UNAUTHENTICATED, "the current password is wrong");
        }
        Password pw = Password.of(next);
        PasswordPolicy.DEFAULT.check(pw);
        store.setPassword(u.name(), hash(() -> hasher.hash(pw)));
        Token mine = parseQuietly(bearer, TokenKind.SESSION);
        store.revokeSessionsExcept(u.name(), mine == null ? null : mine.hash());
    }

    public void createUser(String name, Role role, String password, Instant now) {
        Names.user(name);
        Password pw = Password.of(password);
        PasswordPolicy.DEFAULT.check(pw);
        store.create(name, role, hash(() -> hasher.hash(pw)), now);
    }

    /** An admin's reset of a user who lost their second factor: it is removed, with its recovery codes and sessions. */
    public boolean resetMfa(String name) {
        return store.resetMfa(Names.user(name));
    }

    public boolean deleteUser(String name) {
        return store.delete(Names.user(name));
    }

    public List<UserStore.User> users() {
        return store.users();
    }

    public boolean exists(String name) {
        return store.user(name).isPresent();
    }

    /** Issues an API token for {@code owner}, narrowed to {@code scope}; shown once, stored hashed. */
    public IssuedToken createToken(Principal owner, String label, TokenScope scope, Instant now) {
        if (label == null || label.isBlank() || label.length() > 128 || label.chars().anyMatch(Character::isISOControl)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a token label is 1-128 printable characters");
        }
        if (scope.expired(now)) throw new WardenException(ErrorCode.BAD_USAGE, "the token would expire at once");
        if (scope.expiresAt().isAfter(now.plus(Duration.ofDays(366)))) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a token lives at most one year");
        }
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Token token = Token.generate(TokenKind.API);
        String tokenId = HexFormat.of().formatHex(id);
        store.createToken(new UserStore.Token(tokenId, token.hash(), owner.name(), label, scope.format(), now,
                scope.expiresAt(), false));
        return new IssuedToken(tokenId, token, scope);
    }

    public List<UserStore.Token> tokens(Principal owner) {
        return store.tokensOf(owner.name());
    }

    public boolean revokeToken(Principal owner, String id) {
        return store.revokeToken(owner.name(), id);
    }

    /** Which token action a permission is: tokens act only within their scope's actions and datasets. */
    static ScopeAction action(Permission p) {
        return switch (p) {
            case DATASET_LIST, DATASET_READ, AUDIT_READ, METRICS_READ -> ScopeAction.READ;
            case VERSION_UPLOAD -> ScopeAction.UPLOAD;
            case VERSION_DOWNLOAD, VERSION_DOWNLOAD_RAW -> ScopeAction.RELEASE;
            case DATASET_DESTROY -> ScopeAction.DELETE;
            case PUBLIC, SELF, DATASET_CREATE, KEY_ROTATE, GRANT_MANAGE, DATASET_POLICY, USER_MANAGE -> null;
        };
    }

    private static BiPredicate<Permission, String> scopeCheck(TokenScope scope, Instant now) {
        return (permission, dataset) -> {
            if (permission == Permission.PUBLIC || permission == Permission.SELF) return true;
            ScopeAction action = action(permission);
            if (action == null || scope.expired(now) || !scope.actions().contains(action)) return false;
            return dataset == null || scope.permits(dataset, action, now);
        };
    }

    private boolean secondFactor(UserStore.User u, String code, String recoveryCode, Instant now) {
        if (!isBlank(code)) {
            if (u.totpSecret() == null) return false;
            TotpSecret secret = new TotpSecrets(keyring.get()).open(u.name(), u.totpSecret());
            OptionalLong step = Totp.DEFAULT.verify(secret, code, now, u.totpLastStep());
            return step.isPresent() && store.acceptTotpStep(u.name(), step.getAsLong(), false);
        }
        Optional<String> hash = RecoveryCodes.match(recoveryCode, store.recoveryCodes(u.name()));
        return hash.isPresent() && store.consumeRecoveryCode(u.name(), hash.get());
    }

    private void fail(UserStore.User u, String client, Instant now) {
        metrics.failedLogin();
        addresses.failure(client, now);
        if (u != null) {
            ThrottleState s = throttle.onFailure(new ThrottleState(u.failures(), u.lockouts(),
                    u.lockedUntil() == null ? Instant.EPOCH : u.lockedUntil()), now);
            store.setThrottle(u.name(), s.consecutiveFailures(), s.lockouts(),
                    s.lockedUntil().equals(Instant.EPOCH) ? null : s.lockedUntil());
        }
    }

    private UserStore.User liveUser(String name) {
        UserStore.User u = store.user(name).orElseThrow(IdentityService::unknown);
        if (u.disabled()) throw unknown();
        return u;
    }

    private <T> T hash(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    private static boolean validName(String user) {
        try {
            Names.user(user);
            return true;
        } catch (WardenException e) {
            return false;
        }
    }

    private static Token parseQuietly(String text, TokenKind expected) {
        if (text == null || text.isEmpty()) return null;
        try {
            return expected == null ? Token.parse(text) : Token.parse(text, expected);
        } catch (WardenException e) {
            return null;
        }
    }

    private static WardenException locked(Instant until) {
        return new WardenException(ErrorCode.TOO_MANY_ATTEMPTS, "too many failed attempts; try again after " + until);
    }

    private static WardenException unknown() {
        return new WardenException(ErrorCode.UNAUTHENTICATED, "the credential is unknown, expired or revoked");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
