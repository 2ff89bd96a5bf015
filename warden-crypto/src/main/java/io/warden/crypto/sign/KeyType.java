package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.subtle.EllipticCurves;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECParameterSpec;

/**
 * A kind of signing key Warden signs and verifies OMS bundles with, and the hash each signs over.
 *
 * <p>The ECDSA kinds are the ones the reference {@code model_signing} tool accepts (DER-encoded signatures, the
 * hash sized to the curve); Ed25519 is a Warden extension that the reference cannot verify.
 */
public enum KeyType {
    ECDSA_P256("ECDSA P-256", "SHA-256", EllipticCurves.getNistP256Params()),
    ECDSA_P384("ECDSA P-384", "SHA-384", EllipticCurves.getNistP384Params()),
    ECDSA_P521("ECDSA P-521", "SHA-512", EllipticCurves.getNistP521Params()),
    ED25519("Ed25519", "SHA-512", null);

    /** What to say when a key is none of these. */
    static final String SUPPORTED = "ECDSA P-256, P-384, P-521 or Ed25519";

    private final String label;
    private final String hash;
    private final ECParameterSpec curve;

    KeyType(String label, String hash, ECParameterSpec curve) {
        this.label = label;
        this.hash = hash;
        this.curve = curve;
    }

    /** A human name such as {@code ECDSA P-384}. */
    public String label() {
        return label;
    }

    /** The hash the signature is computed over (ECDSA) or inside (Ed25519). */
    public String hash() {
        return hash;
    }

    /** Whether the reference {@code model_signing} tool can verify signatures made with this kind of key. */
    public boolean verifiableByModelSigning() {
        return this != ED25519;
    }

    ECParameterSpec curve() {
        return curve;
    }

    /**
     * The kind of {@code key}; a BAD_KEY error naming {@code source} (a file name, never key bytes) for any other
     * algorithm or curve.
     */
    static KeyType of(PublicKey key, String source) {
        requireNonNull(key, "key");
        if (key instanceof ECPublicKey ec) {
            for (KeyType t : values()) {
                if (t.curve != null && sameCurve(t.curve, ec.getParams())) return t;
            }
            throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported elliptic curve (Warden signs with "
                    + SUPPORTED + ")");
        }
        if (key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) return ED25519;
        throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported key type " + key.getAlgorithm()
                + " (Warden signs with " + SUPPORTED + ")");
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
    }
}
