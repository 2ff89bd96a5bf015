package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Replaces a value with a keyed hash: lowercase hex of HMAC-SHA256 under the keyring's primary PRF key — a stable
 * pseudonym that cannot be reversed, nor recomputed without the key (an unkeyed hash of a phone number or name is
 * reversed by trying all candidates).
 *
 * <p>The PRF input is {@code UTF-8("warden/hash/v1") || 0x00 || UTF-8(scope) || 0x00 || UTF-8(value)}. The field
 * is deliberately not part of it, so equal values hash equally across columns and files and hashed columns still
 * join; give a {@code scope} (e.g. a project or release name) to make hashes of one scope unlinkable to another's.
 * The label keeps these inputs apart from every other use of the PRF key (key derivation, surrogate seeds).
 * A rotated keyring gives different hashes.
 *
 * <p>Output: the first {@code length} hex digits of the 64 (256 bits); at least 16 (64 bits).
 */
public final class Hash implements Operator {
    public static final String NAME = "hash";
    /** Fewest hex digits kept: 64 bits, so that distinct values in a large column rarely share a hash. */
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 64;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Keyring keyring;
    private final String scope;
    private final int length;
    private final byte[] prefix;

    /** Full-length hashes in the default (empty) scope. */
    public Hash(Keyring keyring) {
        this(keyring, "", MAX_LENGTH);
    }

    /**
     * @param keyring the keys; required (there is no unkeyed hash)
     * @param scope separates pseudonym spaces; empty for the default; no NUL characters
     * @param length hex digits kept, {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     */
    public Hash(Keyring keyring, String scope, int length) {
        this.keyring = requireNonNull(keyring, "hash needs a keyring");
        this.scope = scope == null ? "" : scope;
        if (this.scope.indexOf('\0') >= 0) throw new IllegalArgumentException("hash: scope must not contain NUL");
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("hash: length must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " hex digits, not " + length);
        }
        this.length = length;
        this.prefix = ("warden/hash/v1\0" + this.scope + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        byte[] mac;
        try {
            mac = keyring.prf().compute(Bytes.concat(prefix, value), 32);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "hash: the PRF failed (" + e.getClass().getSimpleName() + ")");
        }
        byte[] hex = new byte[length];
        for (int i = 0; i < length; i++) {
            int b = mac[i >> 1];
            hex[i] = HEX[(i & 1) == 0 ? (b >> 4) & 0xf : b & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    public String scope() {
        return scope;
    }

    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return "Hash[scope=" + scope + ", length=" + length + "]";
    }
}
