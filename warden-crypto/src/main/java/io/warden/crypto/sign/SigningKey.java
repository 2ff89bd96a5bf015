package io.warden.crypto.sign;

import com.google.crypto.tink.PublicKeySign;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.GeneralSecurityException;

/**
 * A private key that makes DSSE signatures (through Tink), paired with its {@link VerificationKey}.
 *
 * <p>Holds the key only inside Tink's primitive; {@link #toString()} shows the kind and the public key's hint.
 * Read one with {@link PemFiles#readPrivateKey}.
 */
public final class SigningKey {
    private final PublicKeySign sign;
    private final VerificationKey publicKey;

    SigningKey(PublicKeySign sign, VerificationKey publicKey) {
        this.sign = sign;
        this.publicKey = publicKey;
    }

    /** The kind of key. */
    public KeyType type() {
        return publicKey.type();
    }

    /** The matching public key. */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /** The signature over {@code message}: DER-encoded ECDSA with the curve's hash, or 64-byte Ed25519. */
    public byte[] sign(byte[] message) {
        try {
            return sign.sign(message);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "signing with the " + type().label() + " key failed: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + type().label() + ", public key hint " + publicKey.hint().substring(0, 12) + "]";
    }
}
