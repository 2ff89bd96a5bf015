package io.warden.crypto;

import com.google.crypto.tink.Aead;
import java.util.Map;

/**
 * The root of a keyring's envelope encryption: the key that wraps the keyring's key-encryption keyset (KEK), which
 * in turn wraps every other keyset (tokenization keys and one data key per dataset).
 *
 * <p>A master key is kept by a provider — a passphrase (Argon2id), a PKCS#11 token, or, as an extension point, a cloud
 * KMS through Tink's {@code KmsClient} — and only ever used through an {@link Aead}: the provider never hands out
 * key bytes. The keyring file records {@link #provider()} and {@link #parameters()} (never a secret) so that the
 * same provider can be asked for the same key when the file is read again.
 */
public interface MasterKey {
    /** Provider name stored in the keyring file, such as {@code "passphrase-argon2id"} or {@code "pkcs11"}. */
    String provider();

    /**
     * Non-secret parameters stored next to the provider name (values are {@code String}, {@code Integer} or
     * {@code Long}), enough to find or re-derive the same key: a salt and cost, a token and key label, a KMS key URI.
     */
    Map<String, Object> parameters();

    /** The AEAD that encrypts and decrypts the KEK keyset; associated data binds it to its keyring. */
    Aead aead();
}
