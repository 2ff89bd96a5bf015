package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.PublicKeyVerify;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public key that checks DSSE signatures: ECDSA P-256/P-384/P-521 or Ed25519, verified through Tink.
 *
 * <p>{@link #hint()} is how a Sigstore bundle made with a bare key names it (as {@code model_signing} does): the
 * SHA-256, in hex, of the key's PEM text ({@code -----BEGIN PUBLIC KEY-----}, 64-character lines).
 */
public final class VerificationKey {
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final KeyType type;
    private final byte[] spki;
    private final PublicKeyVerify verify;

    private VerificationKey(KeyType type, byte[] spki, PublicKeyVerify verify) {
        this.type = type;
        this.spki = spki;
        this.verify = verify;
    }

    /** The verification key for {@code key}; BAD_KEY naming {@code source} when Warden does not support its kind. */
    public static VerificationKey of(PublicKey key, String source) {
        requireNonNull(source, "source");
        KeyType type = KeyType.of(key, source);
        byte[] spki = key.getEncoded();
        try {
            PublicKeyVerify v = switch (type) {
                case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> TinkKeys.ecdsaVerify(type, ((ECPublicKey) key).getW());
                case ED25519 -> TinkKeys.ed25519Verify(ed25519Raw(spki, source));
            };
            return new VerificationKey(type, spki, v);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": not a valid " + type.label() + " public key");
        }
    }

    /** The kind of key. */
    public KeyType type() {
        return type;
    }

    /** Whether {@code signature} is this key's signature over {@code message}. */
    public boolean verifies(byte[] signature, byte[] message) {
        try {
            verify.verify(signature, message);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // malformed DER, wrong length, wrong key: all simply "does not verify"
        }
    }

    /** The DER SubjectPublicKeyInfo. */
    public byte[] spki() {
        return spki.clone();
    }

    /** Whether {@code other} is this same public key. */
    public boolean sameKey(PublicKey other) {
        return other != null && Arrays.equals(spki, other.getEncoded());
    }

    /** The PEM text of the key, exactly as Python's {@code cryptography} writes it (64-character lines, final LF). */
    public String pem() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The bundle's key hint: SHA-256 of {@link #pem()} in lowercase hex. */
    public String hint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(pem().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[" + type.label() + ", hint " + hint().substring(0, 12) + "]";
    }

    static byte[] ed25519Raw(byte[] spki, String source) {
        if (spki.length != 44 || !Arrays.equals(spki, 0, 12, ED25519_SPKI_PREFIX, 0, 12)) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": not a valid Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, 12, 44);
    }

    static byte[] ed25519Spki(byte[] raw) {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, 44);
        System.arraycopy(raw, 0, spki, 12, 32);
        return spki;
    }
}
