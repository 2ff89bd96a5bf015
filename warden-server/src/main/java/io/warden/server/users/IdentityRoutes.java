package io.warden.server.users;

import static io.warden.server.http.Permission.PUBLIC;
import static io.warden.server.http.Permission.SELF;
import static io.warden.server.http.Permission.USER_MANAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.catalog.Names;
import io.warden.server.http.Call;
import io.warden.server.http.Role;
import io.warden.server.http.Route;
import io.warden.server.identity.ScopeAction;
import io.warden.server.identity.TokenScope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The identity routes: bootstrap, sessions and MFA, users, API tokens. */
public final class IdentityRoutes {
    /** Sign-in: alert rules count its failures. */
    public static final String LOGIN = "/api/v1/session";

    private final IdentityService identity;
    private final io.warden.server.audit.AuditHasher hasher;

    public IdentityRoutes(IdentityService identity, io.warden.server.audit.AuditHasher hasher) {
        this.identity = identity;
        this.hasher = hasher;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/bootstrap", PUBLIC, "Create the first admin with the one-time credential the "
                        + "server printed at its first start", this::bootstrap),
                Route.post(LOGIN, PUBLIC, "Sign in: user, password and, once enrolled, a TOTP or recovery code",
                        this::login),
                Route.get(LOGIN, SELF, "Who am I", this::whoami),
                Route.delete(LOGIN, SELF, "Sign out", c -> {
                    identity.logout(c.principal(), bearer(c));
                    c.json(Map.of("signed_out", true));
                }),
                Route.post(LOGIN + "/password", SELF, "Change your password: current, new; your other sessions end",
                        c -> {
                            ObjectNode body = c.body();
                            identity.changePassword(c.principal(), bearer(c), Call.text(body, "current"),
                                    Call.text(body, "new"));
                            c.json(Map.of("changed", true));
                        }),
                Route.post(LOGIN + "/mfa", SELF, "Give a second factor now (step-up for sensitive actions)",
                        this::stepUp),
                Route.post("/api/v1/mfa/enroll", SELF, "Start TOTP enrollment: returns an otpauth:// URI",
                        this::enroll),
                Route.post("/api/v1/mfa/confirm", SELF, "Confirm TOTP enrollment with a first code: returns "
                        + "recovery codes, once", this::confirm),
                Route.get("/api/v1/users", USER_MANAGE, "List users", this::users),
                Route.post("/api/v1/users", USER_MANAGE, "Create a user: name, role, password", this::createUser),
                Route.delete("/api/v1/users/{user}", USER_MANAGE, "Delete a user", this::deleteUser),
                Route.delete("/api/v1/users/{user}/mfa", USER_MANAGE, "Reset a user's lost second factor: TOTP, "
                        + "recovery codes and sessions go; the user enrolls again", this::resetMfa),
                Route.get("/api/v1/tokens", SELF, "Your API tokens (never the tokens themselves)", this::tokens),
                Route.post("/api/v1/tokens", SELF, "Issue an API token: label, datasets, actions, days; shown once",
                        this::createToken),
                Route.delete("/api/v1/tokens/{id}", SELF, "Revoke one of your API tokens", this::revokeToken));
    }

    private void bootstrap(Call c) {
        ObjectNode body = c.body();
        String user = Call.text(body, "user");
        c.auditPrincipal(user);
        identity.bootstrap(Call.text(body, "credential"), user, Call.text(body, "password"), c.now());
        c.audit("created_admin", user);
        c.json(201, Map.of("user", user, "role", Role.ADMIN.id()));
    }

    private void login(Call c) {
        ObjectNode body = c.body();
        String user = Call.text(body, "user");
        // the name may be a mistyped password: the audit log keeps it HMAC'd until the sign-in succeeds
        c.auditPrincipal("hmac:" + hasher.hash(user));
        IdentityService.Session s = identity.login(user, Call.text(body, "password"), Call.text(body, "code", null),
                Call.text(body, "recovery_code", null), c.ctx().ip(), c.now());
        c.auditPrincipal(user);
        c.audit("mfa", s.mfa());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", s.token().reveal());
        out.put("expires_at", s.expiresAt().toString());
        out.put("mfa", s.mfa());
        out.put("mfa_enrolled", s.mfaEnrolled());
        c.json(201, out);
    }

    private void whoami(Call c) {
        var p = c.principal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", p.name());
        out.put("role", p.role().id());
        out.put("credential", p.credentialId());
        if (p.mfaAt() != null) out.put("mfa_at", p.mfaAt().toString());
        c.json(out);
    }

    private void stepUp(Call c) {
        ObjectNode body = c.body();
        identity.stepUp(c.principal(), bearer(c), Call.text(body, "code", null), Call.text(body, "recovery_code", null),
                c.now());
        c.json(Map.of("mfa_at", c.now().toString()));
    }

    private void enroll(Call c) {
        IdentityService.Enrollment e = identity.enroll(c.principal());
        c.json(201, Map.of("otpauth_uri", e.otpauthUri(), "secret", e.secret()));
    }

    private void confirm(Call c) {
        List<String> codes = identity.confirmEnrollment(c.principal(), bearer(c), Call.text(c.body(), "code"), c.now());
        c.json(Map.of("recovery_codes", codes));
    }

    private void users(Call c) {
        c.json(Map.of("users", identity.users().stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.name());
            m.put("role", u.role().id());
            m.put("mfa", u.totpEnabled());
            m.put("locked_until", u.lockedUntil() == null ? null : u.lockedUntil().toString());
            return m;
        }).toList()));
    }

    private void createUser(Call c) {
        ObjectNode body = c.body();
        String name = Names.user(Call.text(body, "name"));
        Role role = Role.parse(Call.text(body, "role"));
        identity.createUser(name, role, Call.text(body, "password"), c.now());
        c.audit("user", name).audit("role", role.id());
        c.json(201, Map.of("name", name, "role", role.id()));
    }

    private void deleteUser(Call c) {
        String name = Names.user(c.path("user"));
        if (name.equals(c.principal().name())) {
            throw new WardenException(ErrorCode.CONFLICT, "you cannot delete yourself");
        }
        if (!identity.deleteUser(name)) throw new WardenException(ErrorCode.NOT_FOUND, "no user " + name);
        c.audit("user", name);
        c.json(Map.of("deleted", name));
    }

    private void resetMfa(Call c) {
        String name = Names.user(c.path("user"));
        if (name.equals(c.principal().name())) {
            throw new WardenException(ErrorCode.CONFLICT, "another admin resets your second factor, not you");
        }
        if (!identity.resetMfa(name)) throw new WardenException(ErrorCode.NOT_FOUND, "no user " + name);
        c.audit("user", name);
        c.json(Map.of("mfa_reset", name));
    }

    private void tokens(Call c) {
        c.json(Map.of("tokens", identity.tokens(c.principal()).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("label", t.label());
            m.put("scope", t.scopes());
            m.put("created_at", t.createdAt().toString());
            m.put("expires_at", t.expiresAt().toString());
            m.put("revoked", t.revoked());
            return m;
        }).toList()));
    }

    private void createToken(Call c) {
        ObjectNode body = c.body();
        Set<String> datasets = new LinkedHashSet<>(strings(body, "datasets"));
        Set<ScopeAction> actions = EnumSet.noneOf(ScopeAction.class);
        for (String a : strings(body, "actions")) actions.add(action(a));
        JsonNode days = body.get("days");
        if (days != null && !days.canConvertToInt()) throw new WardenException(ErrorCode.BAD_USAGE, "days is a number");
        int d = days == null ? 30 : days.asInt();
        if (d < 1 || d > 366) throw new WardenException(ErrorCode.BAD_USAGE, "days is 1 to 366");
        TokenScope scope = new TokenScope(datasets, actions, c.now().plus(Duration.ofDays(d)));
        IdentityService.IssuedToken t = identity.createToken(c.principal(), Call.text(body, "label"), scope, c.now());
        c.audit("token", t.id()).audit("scope", scope.format());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("token", t.token().reveal());
        out.put("scope", scope.format());
        out.put("expires_at", scope.expiresAt().toString());
        c.json(201, out);
    }

    private void revokeToken(Call c) {
        String id = c.path("id");
        if (!id.matches("[0-9a-f]{16}") || !identity.revokeToken(c.principal(), id)) {
            throw new WardenException(ErrorCode.NOT_FOUND, "you have no token " + (id.matches("[0-9a-f]{16}") ? id : ""));
        }
        c.audit("token", id);
        c.json(Map.of("revoked", id));
    }

    private static ScopeAction action(String label) {
        for (ScopeAction a : ScopeAction.values()) {
            if (a.label().equals(label)) return a;
        }
        throw new WardenException(ErrorCode.BAD_USAGE, "unknown token action; actions are read, upload, scan, "
                + "protect, release, delete");
    }

    private static List<String> strings(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "'" + field + "' is a non-empty list of strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new WardenException(ErrorCode.BAD_USAGE, "'" + field + "' holds strings only");
            out.add(e.asText());
        }
        return out;
    }

    private static String bearer(Call c) {
        String h = c.ctx().header("Authorization");
        return h == null || h.length() < 7 ? null : h.substring(7).trim();
    }
}
