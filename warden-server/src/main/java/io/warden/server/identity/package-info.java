/**
 * Identity primitives for the server: password hashing (Argon2id, PHC strings), TOTP (RFC 6238), recovery codes, API
 * and session tokens, token scopes and login throttling.
 *
 * <p>A pure library: no HTTP, no database. Every piece of state that must persist (password hashes, the last accepted
 * TOTP step, hashed codes and tokens, throttle state) goes in and out as a plain value or an immutable record for the
 * caller to store. Secrets (passwords, codes, tokens, TOTP keys) live in wrapper types whose {@code toString} hides
 * them; no exception message here contains one. Bad input is a {@link io.warden.core.WardenException}:
 * {@link io.warden.core.ErrorCode#BAD_USAGE} for a missing value or a policy refusal,
 * {@link io.warden.core.ErrorCode#MALFORMED_INPUT} for text that is not in its format.
 */
package io.warden.server.identity;
