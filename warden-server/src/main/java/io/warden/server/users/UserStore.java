package io.warden.server.users;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.db.Database;
import io.warden.server.http.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users, sessions, API tokens and recovery codes in the catalog database. Holds only hashes of passwords, tokens and
 * codes, and the TOTP secret encrypted; every statement is prepared with parameters.
 */
public final class UserStore {
    /** A user row. {@code totpSecret} is the encrypted secret (null before enrollment). */
    public record User(String name, Role role, String passwordHash, String totpSecret, boolean totpEnabled,
            long totpLastStep, int failures, int lockouts, Instant lockedUntil, boolean disabled, Instant createdAt) {
        @Override
        public String toString() {
            return "User[" + name + ", " + role.id() + (totpEnabled ? ", mfa" : "") + (disabled ? ", disabled" : "")
                    + "]";
        }
    }

    /** A session row (the token itself is never stored). */
    public record Session(String tokenHash, String user, Instant createdAt, Instant expiresAt, Instant mfaAt,
            boolean revoked) {}

    /** An API token row. */
    public record Token(String id, String tokenHash, String user, String label, String scopes, Instant createdAt,
            Instant expiresAt, boolean revoked) {}

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public boolean any() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM users")) {
                s.setMaxRows(1);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** @throws WardenException CONFLICT when the name is taken */
    public void create(String name, Role role, String passwordHash, Instant now) {
        db.transaction(c -> {
            if (find(c, name).isPresent()) throw new WardenException(ErrorCode.CONFLICT, "user " + name + " exists");
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (name, role, password_hash, created_at) "
                    + "VALUES (?, ?, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, role.id());
                s.setString(3, passwordHash);
                s.setLong(4, now.toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    public Optional<User> user(String name) {
        return db.read(c -> find(c, name));
    }

    public List<User> users() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(USER_COLUMNS + " ORDER BY name")) {
                List<User> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(user(r));
                }
                return out;
            }
        });
    }

    public boolean delete(String name) {
        return update("DELETE FROM users WHERE name = ?", name) > 0;
    }

    public void setPassword(String name, String passwordHash) {
        update("UPDATE users SET password_hash = ? WHERE name = ?", passwordHash, name);
    }

    /** Records a failed sign-in: new failure count, lockout count and lock end. */
    public void setThrottle(String name, int failures, int lockouts, Instant lockedUntil) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET failures = ?, lockouts = ?, "
                    + "locked_until = ? WHERE name = ?")) {
                s.setInt(1, failures);
                s.setInt(2, lockouts);
                s.setLong(3, lockedUntil == null ? 0 : lockedUntil.toEpochMilli());
                s.setString(4, name);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a user's second factor and recovery codes and ends their sessions (an admin's reset), atomically. */
    public boolean resetMfa(String name) {
        return db.transaction(c -> {
            int n;
            try (var s = c.prepareStatement("UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = 0 "
                    + "WHERE name = ?")) {
                s.setString(1, name);
                n = s.executeUpdate();
            }
            try (var s = c.prepareStatement("DELETE FROM recovery_codes WHERE user_name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("UPDATE sessions SET revoked = 1 WHERE user_name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            return n == 1;
        });
    }

    /** Stores a pending (not yet confirmed) TOTP secret, already encrypted. */
    public void setPendingTotp(String name, String encryptedSecret) {
        update("UPDATE users SET totp_secret = ?, totp_enabled = 0, totp_last_step = 0 WHERE name = ?",
                encryptedSecret, name);
    }

    /**
     * Accepts a TOTP step for {@code name} only if it is newer than the last accepted one, atomically: two requests
     * racing with the same code cannot both succeed. Returns whether this step was accepted.
     */
    public boolean acceptTotpStep(String name, long step, boolean enable) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET totp_last_step = ?"
                    + (enable ? ", totp_enabled = 1" : "") + " WHERE name = ? AND totp_last_step < ?")) {
                s.setLong(1, step);
                s.setString(2, name);
                s.setLong(3, step);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Replaces the user's recovery codes by these hashes. */
    public void setRecoveryCodes(String name, List<String> hashes) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM recovery_codes WHERE user_name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recovery_codes (user_name, code_hash) "
                    + "VALUES (?, ?)")) {
                for (String h : hashes) {
                    s.setString(1, name);
                    s.setString(2, h);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public List<String> recoveryCodes(String name) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT code_hash FROM recovery_codes WHERE user_name = ?")) {
                s.setString(1, name);
                List<String> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(r.getString(1));
                }
                return out;
            }
        });
    }

    /** Uses up one recovery code; returns false when it was already used (by a racing request). */
    public boolean consumeRecoveryCode(String name, String hash) {
        return update("DELETE FROM recovery_codes WHERE user_name = ? AND code_hash = ?", name, hash) == 1;
    }

    public void createSession(Session s) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions (token_hash, user_name, created_at, "
                    + "expires_at, mfa_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, s.tokenHash());
                p.setString(2, s.user());
                p.setLong(3, s.createdAt().toEpochMilli());
                p.setLong(4, s.expiresAt().toEpochMilli());
                p.setLong(5, s.mfaAt() == null ? 0 : s.mfaAt().toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** A credential's row with the role and state of the user it belongs to. */
    public record Owned<T>(T credential, Role role, boolean userDisabled) {}

    /**
     * The session and its user's role and state in one query (a join): what every request signed in with a session
     * looks up. Empty when there is no such session, or its user is gone.
     */
    public Optional<Owned<Session>> sessionWithUser(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT s.token_hash, s.user_name, s.created_at, "
                    + "s.expires_at, s.mfa_at, s.revoked, u.role, u.disabled FROM sessions s "
                    + "JOIN users u ON u.name = s.user_name WHERE s.token_hash = ?")) {
                s.setString(1, tokenHash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    Session session = new Session(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                            Instant.ofEpochMilli(r.getLong(4)), r.getLong(5) == 0 ? null
                            : Instant.ofEpochMilli(r.getLong(5)), r.getInt(6) != 0);
                    return Optional.of(new Owned<>(session, Role.parse(r.getString(7)), r.getInt(8) != 0));
                }
            }
        });
    }

    /** The API token and its user's role and state in one query, as {@link #sessionWithUser}. */
    public Optional<Owned<Token>> tokenWithUser(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.token_hash, t.user_name, t.label, "
                    + "t.scopes, t.created_at, t.expires_at, t.revoked, u.role, u.disabled FROM api_tokens t "
                    + "JOIN users u ON u.name = t.user_name WHERE t.token_hash = ?")) {
                s.setString(1, tokenHash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    Token token = new Token(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)),
                            r.getInt(8) != 0);
                    return Optional.of(new Owned<>(token, Role.parse(r.getString(9)), r.getInt(10) != 0));
                }
            }
        });
    }

    public void sessionMfa(String tokenHash, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE sessions SET mfa_at = ? WHERE token_hash = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, tokenHash);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void revokeSession(String tokenHash) {
        update("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", tokenHash);
    }

    /** Ends every session of a user but the one with {@code keepHash} (null: all of them). */
    public void revokeSessionsExcept(String user, String keepHash) {
        update("UPDATE sessions SET revoked = 1 WHERE user_name = ? AND token_hash <> ?", user,
                keepHash == null ? "" : keepHash);
    }

    public void createToken(Token t) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO api_tokens (id, token_hash, user_name, label, "
                    + "scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, t.id());
                p.setString(2, t.tokenHash());
                p.setString(3, t.user());
                p.setString(4, t.label());
                p.setString(5, t.scopes());
                p.setLong(6, t.createdAt().toEpochMilli());
                p.setLong(7, t.expiresAt().toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    public List<Token> tokensOf(String user) {
        return tokens("user_name = ?", user);
    }

    /** Revokes a token of {@code user}; returns whether it existed. */
    public boolean revokeToken(String user, String id) {
        return update("UPDATE api_tokens SET revoked = 1 WHERE id = ? AND user_name = ?", id, user) == 1;
    }

    private List<Token> tokens(String where, String value) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, token_hash, user_name, label, scopes, "
                    + "created_at, expires_at, revoked FROM api_tokens WHERE " + where + " ORDER BY created_at")) {
                s.setString(1, value);
                List<Token> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Token(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)),
                                r.getInt(8) != 0));
                    }
                }
                return out;
            }
        });
    }

    private int update(String sql, Object... args) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
                return s.executeUpdate();
            }
        });
    }

    private static final String USER_COLUMNS = "SELECT name, role, password_hash, totp_secret, totp_enabled, "
            + "totp_last_step, failures, lockouts, locked_until, disabled, created_at FROM users";

    private static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(USER_COLUMNS + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(user(r)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet r) throws SQLException {
        long locked = r.getLong(9);
        return new User(r.getString(1), Role.parse(r.getString(2)), r.getString(3), r.getString(4), r.getInt(5) != 0,
                r.getLong(6), r.getInt(7), r.getInt(8), locked == 0 ? null : Instant.ofEpochMilli(locked),
                r.getInt(10) != 0, Instant.ofEpochMilli(r.getLong(11)));
    }
}
