package io.warden.crypto;

import com.google.crypto.tink.Aead;
import java.util.Map;
import java.util.function.Supplier;

/** The master-key providers this module brings: passphrase (Argon2id) and, for development, none at all. */
public final class MasterKeys {
    /** Provider name of {@link #insecurePlaintext()}. */
    public static final String INSECURE_PLAINTEXT = "insecure-plaintext";

    private static final MasterKey NONE = new MasterKey() {
        @Override
        public String provider() {
            return INSECURE_PLAINTEXT;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }

        @Override
        public Aead aead() {
            throw new UnsupportedOperationException("an insecure plaintext keyring has no master key");
        }

        @Override
        public String toString() {
            return "MasterKey[insecure-plaintext]";
        }
    };

    private MasterKeys() {}

    /**
     * No master key: the keyring file holds its KEK in cleartext, so anyone who can read the file holds every key.
     * For tests and development only; the CLI says "insecure" wherever it is used.
     */
    public static MasterKey insecurePlaintext() {
        return NONE;
    }

    /**
     * A new master key derived from {@code passphrase} (Argon2id with OWASP's cost, a fresh random salt).
     *
     * @throws io.warden.core.WardenException BAD_USAGE when the passphrase is shorter than
     *     {@link Passphrase#MIN_LENGTH}
     */
    public static MasterKey newPassphrase(Passphrase passphrase) {
        return PassphraseMasterKey.create(passphrase);
    }

    /** Provider name of passphrase master keys. */
    public static String passphraseProvider() {
        return PassphraseMasterKey.PROVIDER;
    }

    /** The opener of passphrase-protected keyrings; {@code passphrase} is asked only when a file needs it. */
    public static MasterKeyOpener passphrase(Supplier<Passphrase> passphrase) {
        return PassphraseMasterKey.opener(passphrase);
    }
}
