package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The key-encryption key of a passphrase-protected keyring: Argon2id (RFC 9106, Bouncy Castle) of the passphrase
 * and a random salt gives 32 bytes, used as a Tink AES-256-GCM key that encrypts the keysets.
 *
 * <p>New keyrings use OWASP's first recommended Argon2id setting (m = 19 MiB, t = 2, p = 1). Reading accepts a
 * stored setting at least as costly as OWASP's weakest (m·t ≥ 7 MiB · 5) and within bounds that keep a hostile file
 * from exhausting memory or time ({@link #check}).
 *
 * @param memoryKib Argon2 memory in KiB
 * @param iterations Argon2 passes
 * @param parallelism Argon2 lanes
 * @param salt 16 or more random bytes
 */
record PassphraseKek(int memoryKib, int iterations, int parallelism, byte[] salt) {
    static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    static final int DEFAULT_ITERATIONS = 2;
    static final int DEFAULT_PARALLELISM = 1;
    static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    PassphraseKek {
        requireNonNull(salt, "salt");
        salt = salt.clone();
    }

    /** OWASP's setting with a fresh 16-byte salt. */
    static PassphraseKek fresh() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PassphraseKek(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, salt);
    }

    /**
     * Why these stored parameters are refused, or null when they are acceptable: too weak (below OWASP's weakest
     * recommendation, m·t ≥ 7 MiB · 5), or so large that a hostile file could exhaust memory or time.
     */
    String check() {
        if (salt.length < 16) return "salt shorter than 16 bytes";
        if (memoryKib < 8 * parallelism || parallelism < 1 || iterations < 1) return "invalid Argon2id parameters";
        if ((long) memoryKib * iterations < 7L * 1024 * 5) return "Argon2id parameters weaker than OWASP's minimum";
        if (memoryKib > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM) {
            return "Argon2id parameters beyond this build's limits";
        }
        return null;
    }

    /** The AEAD that encrypts the keysets under {@code passphrase}. */
    Aead aead(Passphrase passphrase) throws GeneralSecurityException {
        byte[] key = derive(passphrase.utf8(), 32);
        try {
            AeadConfig.register();
            AesGcmParameters params = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey k = AesGcmKey.builder().setParameters(params)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            KeysetHandle h = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(k).withRandomId().makePrimary()).build();
            return h.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Argon2id (version 0x13) of {@code password} with these parameters; wipes {@code password}. */
    byte[] derive(byte[] password, int length) {
        try {
            return argon2id(password, salt, null, null, memoryKib, iterations, parallelism, length);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Argon2id through Bouncy Castle; {@code secret} and {@code ad} may be null (RFC 9106's K and X). */
    static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] ad, int memoryKib, int iterations,
            int parallelism, int length) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism);
        if (secret != null) b.withSecret(secret);
        if (ad != null) b.withAdditional(ad);
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(b.build());
        byte[] out = new byte[length];
        gen.generateBytes(password, out);
        return out;
    }

    @Override
    public String toString() {
        return "PassphraseKek[m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
