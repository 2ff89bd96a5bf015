package io.warden.crypto.sign;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.EcdsaPrivateKey;
import com.google.crypto.tink.signature.EcdsaPublicKey;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.subtle.EcdsaSignJce;
import com.google.crypto.tink.subtle.EcdsaVerifyJce;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBigInteger;
import com.google.crypto.tink.util.SecretBytes;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.spec.ECPoint;

/**
 * Builds Tink's signature primitives from raw key values, so that signing and verifying go through Tink (with its
 * checks: the private value must match the public point, ECDSA signatures are verified after signing).
 *
 * <p>Keys reach Warden as PEM/X.509 (read with Bouncy Castle and the JDK); Tink has no PEM reader for them, so this
 * is the seam between the two.
 */
final class TinkKeys {
    private TinkKeys() {}

    static PublicKeyVerify ecdsaVerify(KeyType type, ECPoint w) throws GeneralSecurityException {
        return EcdsaVerifyJce.create(ecdsaPublic(type, w));
    }

    static PublicKeySign ecdsaSign(KeyType type, ECPoint w, BigInteger s) throws GeneralSecurityException {
        EcdsaPrivateKey key = EcdsaPrivateKey.builder()
                .setPublicKey(ecdsaPublic(type, w))
                .setPrivateValue(SecretBigInteger.fromBigInteger(s, InsecureSecretKeyAccess.get()))
                .build();
        return EcdsaSignJce.create(key);
    }

    static PublicKeyVerify ed25519Verify(byte[] raw) throws GeneralSecurityException {
        return Ed25519Verify.create(Ed25519PublicKey.create(Bytes.copyFrom(raw)));
    }

    static PublicKeySign ed25519Sign(byte[] publicRaw, byte[] seed) throws GeneralSecurityException {
        Ed25519PrivateKey key = Ed25519PrivateKey.create(Ed25519PublicKey.create(Bytes.copyFrom(publicRaw)),
                SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
        return Ed25519Sign.create(key);
    }

    /** The Ed25519 public key (32 bytes) of a 32-byte seed. */
    static byte[] ed25519PublicOf(byte[] seed) throws GeneralSecurityException {
        return Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
    }

    private static EcdsaPublicKey ecdsaPublic(KeyType type, ECPoint w) throws GeneralSecurityException {
        EcdsaParameters.CurveType curve;
        EcdsaParameters.HashType hash;
        switch (type) {
            case ECDSA_P256 -> {
                curve = EcdsaParameters.CurveType.NIST_P256;
                hash = EcdsaParameters.HashType.SHA256;
            }
            case ECDSA_P384 -> {
                curve = EcdsaParameters.CurveType.NIST_P384;
                hash = EcdsaParameters.HashType.SHA384;
            }
            case ECDSA_P521 -> {
                curve = EcdsaParameters.CurveType.NIST_P521;
                hash = EcdsaParameters.HashType.SHA512;
            }
            case ED25519 -> throw new IllegalArgumentException("Ed25519 is not ECDSA");
            default -> throw new IllegalArgumentException(type.name());
        }
        EcdsaParameters params = EcdsaParameters.builder()
                .setCurveType(curve)
                .setHashType(hash)
                .setSignatureEncoding(EcdsaParameters.SignatureEncoding.DER)
                .setVariant(EcdsaParameters.Variant.NO_PREFIX)
                .build();
        return EcdsaPublicKey.builder().setParameters(params).setPublicPoint(w).build();
    }
}
