package io.warden.crypto.pkcs11;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.MasterKey;
import io.warden.crypto.MasterKeyOpener;
import io.warden.crypto.pkcs11.Pkcs11Module.KeyObject;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A master key that is an AES-256 key inside a PKCS#11 token (an HSM, or SoftHSM2 for development), used through
 * the JDK's SunPKCS11 provider: every encryption and decryption runs on the token, and the key is sensitive and
 * non-extractable, so its bytes never reach this process.
 *
 * <p>{@link #aead()} is AES-256-GCM on the token: a random 12-byte IV, then the ciphertext and its 16-byte tag.
 * {@link #parameters()} records the token and key labels; the library path and PIN are per machine and are given
 * again, as a {@link Pkcs11Login}, when the keyring is opened.
 *
 * <p>The JVM needs {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}: SunPKCS11
 * cannot find a token by label or read a key's attributes through its public API (see {@link Pkcs11Module}).
 */
public final class Pkcs11MasterKey implements MasterKey {
    /** The provider name recorded in keyring files. */
    public static final String PROVIDER = "pkcs11";
    /** Longest key label accepted. */
    public static final int MAX_KEY_LABEL = 64;

    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private final String tokenLabel;
    private final String keyLabel;
    private final Provider provider;
    private final SecretKey key;
    private final Aead aead;

    private Pkcs11MasterKey(String tokenLabel, String keyLabel, Provider provider, SecretKey key) {
        this.tokenLabel = tokenLabel;
        this.keyLabel = keyLabel;
        this.provider = provider;
        this.key = key;
        this.aead = new TokenAead(provider, key);
    }

    /**
     * Generates a new AES-256 key on the token {@code login} names, as a private, sensitive, non-extractable token
     * object labelled {@code keyLabel}, and returns it as a master key.
     *
     * @throws WardenException {@link ErrorCode#BAD_USAGE} if the token already holds an object with that label, the
     *     label is invalid, or the library is missing or not a PKCS#11 module; {@link ErrorCode#BAD_KEY} if there is
     *     no such token or the PIN is wrong
     */
    public static Pkcs11MasterKey create(Pkcs11Login login, String keyLabel) {
        requireNonNull(login, "login");
        requireNonNull(keyLabel, "keyLabel");
        Pkcs11Login.checkLabel("key", keyLabel, MAX_KEY_LABEL);
        Pkcs11Token token = Pkcs11Token.of(login);
        char[] pin = login.pin();
        try {
            token.login(pin);
            synchronized (token) {
                if (!token.objectsLabelled(keyLabel).isEmpty()) throw labelTaken(token, keyLabel);
                KeyStore ks = token.keyStore(pin);
                // KeyStore.setEntry would replace (destroy) an existing entry: checked twice, under the token's lock.
                if (ks.containsAlias(keyLabel)) throw labelTaken(token, keyLabel);
                KeyGenerator gen = KeyGenerator.getInstance("AES", token.provider());
                gen.init(256);
                ks.setEntry(keyLabel, new KeyStore.SecretKeyEntry(gen.generateKey()), null);
            }
            return openLoggedIn(token, keyLabel, pin);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot create key \"" + keyLabel + "\" on PKCS#11 token \""
                    + token.label() + "\" (" + Pkcs11Module.ckr(e) + ")");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * The opener of keyrings whose master key is on a PKCS#11 token: it reads {@code token_label} and
     * {@code key_label} from the file and logs in with the module at {@code library} and the PIN {@code pin} gives
     * (asked only when a file needs it; the array is wiped after use).
     */
    public static MasterKeyOpener opener(Supplier<Path> library, Supplier<char[]> pin) {
        return parameters -> {
            if (!(parameters.get("token_label") instanceof String token)
                    || !(parameters.get("key_label") instanceof String key)) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "not a Warden keyring (master.token_label or "
                        + "master.key_label is missing)");
            }
            char[] p = pin.get();
            try {
                Pkcs11Login login = Pkcs11Login.of(library.get(), token, p);
                try {
                    return open(login, key);
                } finally {
                    login.clear();
                }
            } finally {
                Arrays.fill(p, '\0');
            }
        };
    }

    /**
     * The key labelled {@code keyLabel} on the token {@code login} names. Refuses a key that is not AES-256, is
     * extractable or not sensitive, cannot both encrypt and decrypt, or shares its label with another object.
     *
     * @throws WardenException {@link ErrorCode#BAD_KEY} if there is no such token or key, the PIN is wrong, or the
     *     key is refused; {@link ErrorCode#BAD_USAGE} if the library is missing or not a PKCS#11 module
     */
    public static Pkcs11MasterKey open(Pkcs11Login login, String keyLabel) {
        requireNonNull(login, "login");
        requireNonNull(keyLabel, "keyLabel");
        Pkcs11Login.checkLabel("key", keyLabel, MAX_KEY_LABEL);
        Pkcs11Token token = Pkcs11Token.of(login);
        char[] pin = login.pin();
        try {
            token.login(pin);
            return openLoggedIn(token, keyLabel, pin);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot open key \"" + keyLabel + "\" on PKCS#11 token \""
                    + token.label() + "\" (" + Pkcs11Module.ckr(e) + ")");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static Pkcs11MasterKey openLoggedIn(Pkcs11Token token, String keyLabel, char[] pin)
            throws GeneralSecurityException {
        String where = "key \"" + keyLabel + "\" on PKCS#11 token \"" + token.label() + "\"";
        List<KeyObject> objects = token.objectsLabelled(keyLabel);
        if (objects.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_KEY, "no " + where);
        }
        if (objects.size() > 1) {
            throw new WardenException(ErrorCode.BAD_KEY, where + ": " + objects.size()
                    + " objects share this label; it must name one key");
        }
        KeyObject o = objects.get(0);
        if (!o.isAes256()) throw new WardenException(ErrorCode.BAD_KEY, where + " is not an AES-256 secret key");
        if (o.extractable() || !o.sensitive()) {
            throw new WardenException(ErrorCode.BAD_KEY, where + " is " + (o.extractable() ? "extractable" : "not "
                    + "sensitive") + "; Warden uses only keys whose bytes cannot leave the token");
        }
        if (!o.canEncryptAndDecrypt()) {
            throw new WardenException(ErrorCode.BAD_KEY, where + " is not allowed to encrypt and decrypt");
        }
        Key k = token.keyStore(pin).getKey(keyLabel, null);
        if (!(k instanceof SecretKey secret) || !"AES".equals(k.getAlgorithm()) || k.getFormat() != null) {
            throw new WardenException(ErrorCode.BAD_KEY, where + " is not usable as a non-extractable AES key");
        }
        return new Pkcs11MasterKey(token.label(), keyLabel, token.provider(), secret);
    }

    private static WardenException labelTaken(Pkcs11Token token, String keyLabel) {
        return new WardenException(ErrorCode.BAD_USAGE, "PKCS#11 token \"" + token.label()
                + "\" already holds an object labelled \"" + keyLabel + "\"; choose another key label");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** {@code token_label} and {@code key_label}. */
    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("token_label", tokenLabel);
        p.put("key_label", keyLabel);
        return Collections.unmodifiableMap(p);
    }

    @Override
    public Aead aead() {
        return aead;
    }

    /** The key object, for tests that check it cannot be exported. */
    SecretKey key() {
        return key;
    }

    /** The provider bound to the token, for tests. */
    Provider sunPkcs11() {
        return provider;
    }

    @Override
    public String toString() {
        return "Pkcs11MasterKey[token=\"" + tokenLabel + "\", key=\"" + keyLabel + "\"]";
    }

    /** AES-256-GCM on the token: IV (12 bytes) || ciphertext || tag (16 bytes). */
    static final class TokenAead implements Aead {
        private static final SecureRandom RANDOM = new SecureRandom();
        private final Provider provider;
        private final SecretKey key;

        TokenAead(Provider provider, SecretKey key) {
            this.provider = provider;
            this.key = key;
        }

        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
            requireNonNull(plaintext, "plaintext");
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            try {
                Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
                byte[] out = new byte[IV_BYTES + c.getOutputSize(plaintext.length)];
                System.arraycopy(iv, 0, out, 0, IV_BYTES);
                int n = c.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
                return n == out.length - IV_BYTES ? out : Arrays.copyOf(out, IV_BYTES + n);
            } catch (ProviderException e) {
                throw new GeneralSecurityException("encryption on the PKCS#11 token failed (" + Pkcs11Module.ckr(e)
                        + ")");
            }
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            requireNonNull(ciphertext, "ciphertext");
            if (ciphertext.length < IV_BYTES + TAG_BYTES) throw new GeneralSecurityException("ciphertext too short");
            try {
                Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(ciphertext, IV_BYTES), associatedData);
                return c.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
            } catch (GeneralSecurityException | ProviderException e) {
                // a wrong tag, associated data or key: one message, as Tink does
                throw new GeneralSecurityException("decryption failed");
            }
        }

        private Cipher cipher(int mode, byte[] iv, byte[] associatedData) throws GeneralSecurityException {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", provider);
            c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            if (associatedData != null && associatedData.length > 0) c.updateAAD(associatedData);
            return c;
        }
    }
}
