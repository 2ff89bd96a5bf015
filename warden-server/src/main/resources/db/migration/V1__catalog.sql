-- Warden's catalog. One schema for SQLite and PostgreSQL: no vendor types; booleans are 0/1 integers and times are
-- epoch milliseconds (BIGINT), so the same queries run on both.

CREATE TABLE users (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    role            VARCHAR(32)  NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    -- the TOTP secret, encrypted with the server keyring's AEAD (associated data: the user name); null until enrolled
    totp_secret     VARCHAR(512),
    totp_enabled    INTEGER      NOT NULL DEFAULT 0,
    totp_last_step  BIGINT       NOT NULL DEFAULT 0,
    failures        INTEGER      NOT NULL DEFAULT 0,
    lockouts        INTEGER      NOT NULL DEFAULT 0,
    locked_until    BIGINT       NOT NULL DEFAULT 0,
    disabled        INTEGER      NOT NULL DEFAULT 0,
    created_at      BIGINT       NOT NULL
);

CREATE TABLE recovery_codes (
    user_name  VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_name, code_hash)
);

-- Login sessions and API tokens are stored as SHA-256 of the token, never the token.
CREATE TABLE sessions (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_name   VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    mfa_at      BIGINT      NOT NULL DEFAULT 0,
    revoked     INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
    id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64)   NOT NULL UNIQUE,
    user_name   VARCHAR(64)   NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    label       VARCHAR(128)  NOT NULL,
    scopes      VARCHAR(2048) NOT NULL,
    created_at  BIGINT        NOT NULL,
    expires_at  BIGINT        NOT NULL,
    revoked     INTEGER       NOT NULL DEFAULT 0
);

CREATE TABLE datasets (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    description     VARCHAR(1024) NOT NULL DEFAULT '',
    policy          TEXT,
    retention_days  INTEGER,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      BIGINT       NOT NULL,
    destroyed_at    BIGINT       NOT NULL DEFAULT 0
);

-- A user's role applies to a dataset only through a grant (admins and auditors excepted, see Role).
CREATE TABLE grants (
    user_name  VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    dataset    VARCHAR(64) NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
    granted_by VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (user_name, dataset)
);

CREATE TABLE versions (
    dataset      VARCHAR(64)  NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
    version      INTEGER      NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    blob         VARCHAR(128) NOT NULL,
    key_version  INTEGER      NOT NULL,
    manifest     TEXT,
    signature    TEXT,
    scan_report  TEXT,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (dataset, version)
);
