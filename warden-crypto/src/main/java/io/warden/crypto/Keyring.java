package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.AesSivKey;
import com.google.crypto.tink.daead.AesSivParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.HmacPrfParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.util.SecretBytes;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of Tink keysets, the keys behind Warden's keyed operators: one PRF keyset (HMAC-SHA256 PRF) for
 * hashing, surrogate seeding and key derivation, and one deterministic-AEAD keyset (AES-256-SIV) for tokens.
 *
 * <p>Each keyset has a primary key that protects new data; older keys stay in the set after {@link #rotate()} so
 * that tokens made with them still reveal (a token names its key through Tink's 5-byte output prefix).
 *
 * <p><b>Inputs to {@link #prf()}</b> must be domain-separated so that no two uses can ever feed the PRF the same
 * bytes: {@link #deriveKey} uses inputs that start with a 4-byte counter ({@code 00 00 00 01}, ...), and every
 * other caller starts its input with its own UTF-8 label such as {@code "warden/hash/v1"} followed by a zero byte.
 *
 * <p>Nothing here reveals key material: {@link #toString()} shows key counts and ids only, and every error is a
 * one-line {@link WardenException} without key bytes.
 *
 * <p>This build stores keyrings in cleartext only ({@link #writeInsecurePlaintext}); master-key providers
 * (passphrase, PKCS#11, KMS) that wrap the same keysets come later.
 */
public final class Keyring {
    /** Longest key {@link #deriveKey} gives (bytes). */
    public static final int MAX_DERIVED_KEY_BYTES = 64;

    private static final Parameters PRF_PARAMETERS = PredefinedPrfParameters.HMAC_SHA256_PRF;
    private static final Parameters DAEAD_PARAMETERS = PredefinedDeterministicAeadParameters.AES256_SIV;
    private static final int PRF_OUTPUT_BYTES = 32;

    static {
        try {
            PrfConfig.register();
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError("cannot register Tink's PRF and deterministic AEAD: " + e);
        }
    }

    private final KeysetHandle prfKeyset;
    private final KeysetHandle daeadKeyset;
    private final PrfSet prfSet;
    private final Prf primaryPrf;
    private final DeterministicAead daead;

    private Keyring(KeysetHandle prfKeyset, KeysetHandle daeadKeyset) {
        this.prfKeyset = prfKeyset;
        this.daeadKeyset = daeadKeyset;
        try {
            this.prfSet = prfKeyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            this.primaryPrf = prfSet.getPrfs().get(prfSet.getPrimaryId());
            this.daead = daeadKeyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring: its keysets cannot be used (" + kind(e) + ")");
        }
    }

    /** A new keyring with one fresh random key in each keyset. */
    public static Keyring generate() {
        return new Keyring(generate(PRF_PARAMETERS), generate(DAEAD_PARAMETERS));
    }

    /**
     * A keyring made of two Tink keysets (for master-key providers that decrypt keysets themselves).
     *
     * @throws WardenException BAD_KEY if {@code prf} holds anything but HMAC-SHA256 PRF keys of 32 bytes, or
     *     {@code daead} anything but AES-256-SIV keys with Tink's output prefix
     */
    public static Keyring of(KeysetHandle prf, KeysetHandle daead) {
        requireNonNull(prf, "prf");
        requireNonNull(daead, "daead");
        checkPrfKeyset(prf, "keyring");
        checkDaeadKeyset(daead, "keyring");
        return new Keyring(prf, daead);
    }

    /**
     * Reads a keyring stored in cleartext by {@link #writeInsecurePlaintext}.
     *
     * @throws WardenException BAD_KEY when the file is missing or unreadable, its version or protection is not
     *     supported, or its keysets are not of the right kind; MALFORMED_INPUT when it is not a Warden keyring at all
     *     (not JSON, truncated, binary, another format). Messages are one line and never contain key material.
     */
    public static Keyring readInsecurePlaintext(Path file) {
        return KeyringFile.read(file, null);
    }

    /**
     * Reads a keyring file of either protection; {@code passphrase} is asked only when the file is
     * passphrase-protected (it may return null when none is at hand).
     *
     * @throws WardenException BAD_KEY for a wrong passphrase, a missing one, or an altered file (one line, no key
     *     material); MALFORMED_INPUT for a file that is not a keyring
     */
    public static Keyring read(Path file, java.util.function.Supplier<Passphrase> passphrase) {
        return KeyringFile.read(file, passphrase);
    }

    /** Whether {@code file} is a plaintext keyring (so a caller can warn); false when it is anything else. */
    public static boolean isInsecurePlaintext(Path file) {
        return KeyringFile.isInsecurePlaintext(file);
    }

    /**
     * Writes this keyring with its keysets encrypted under a key derived from {@code passphrase} (Argon2id, OWASP's
     * parameters, random salt stored in the file; AES-256-GCM). Written atomically, mode 600.
     */
    public void writeWithPassphrase(Path file, Passphrase passphrase) {
        if (!passphrase.longEnough()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the passphrase must have at least "
                    + Passphrase.MIN_LENGTH + " characters");
        }
        KeyringFile.write(this, file, passphrase);
    }

    /**
     * Writes this keyring to {@code file} in cleartext — anyone who can read the file holds the keys. For tests and
     * development only, until master-key providers protect keyrings. Written atomically, mode 600 where the file
     * system has POSIX permissions.
     *
     * @throws WardenException OUTPUT_FAILED when the file cannot be written
     */
    public void writeInsecurePlaintext(Path file) {
        KeyringFile.write(this, file);
    }

    /**
     * A keyring with one new primary key added to each keyset; the old keys stay, so what they protected still
     * reveals. Hashes, surrogates and FPE values made after the rotation differ from those made before (they use
     * the primary PRF key).
     */
    public Keyring rotate() {
        return new Keyring(addPrimary(prfKeyset), addPrimary(daeadKeyset));
    }

    /** The primary PRF key as a Tink {@link Prf}: HMAC-SHA256, up to 32 output bytes; see the class note on inputs. */
    public Prf prf() {
        return primaryPrf;
    }

    /** The deterministic AEAD of the whole set: encrypts with the primary key, decrypts with any key in the set. */
    public DeterministicAead deterministicAead() {
        return daead;
    }

    /** Id of the primary PRF key (Tink's key id; not secret). */
    public int prfPrimaryKeyId() {
        return prfSet.getPrimaryId();
    }

    /** Ids of all PRF keys, in keyset order. */
    public List<Integer> prfKeyIds() {
        List<Integer> ids = new ArrayList<>(prfKeyset.size());
        for (int i = 0; i < prfKeyset.size(); i++) ids.add(prfKeyset.getAt(i).getId());
        return List.copyOf(ids);
    }

    /**
     * A key for {@code purpose} derived from the primary PRF key, for primitives that need raw key bytes (FF1's AES
     * key): see {@link #deriveKey(String, int, int)} for the construction.
     */
    public SecretBytes deriveKey(String purpose, int length) {
        return deriveKey(purpose, length, prfPrimaryKeyId());
    }

    /**
     * A key for {@code purpose} derived from the PRF key with id {@code prfKeyId} — the NIST SP 800-108r1 KDF in
     * counter mode with HMAC-SHA256 as PRF: block {@code i} (from 1) is
     * {@code PRF([i]_32 || UTF-8(purpose) || 0x00 || [8·length]_32)}, big-endian 32-bit integers, empty context;
     * the key is the first {@code length} bytes of block 1 || block 2 || ....
     *
     * @param purpose a label naming the use, e.g. {@code "warden/fpe/ff1"}; not empty, no NUL characters
     * @param length key length in bytes, 1 to {@link #MAX_DERIVED_KEY_BYTES}
     * @throws IllegalArgumentException for a bad purpose or length
     * @throws WardenException BAD_KEY if the keyring has no PRF key with that id
     */
    public SecretBytes deriveKey(String purpose, int length, int prfKeyId) {
        requireNonNull(purpose, "purpose");
        if (purpose.isEmpty() || purpose.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("deriveKey: the purpose must be a non-empty label without NUL");
        }
        if (length < 1 || length > MAX_DERIVED_KEY_BYTES) {
            throw new IllegalArgumentException("deriveKey: length must be 1 to " + MAX_DERIVED_KEY_BYTES + " bytes");
        }
        Prf prf = prfById(prfKeyId);
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        byte[] block = null;
        try {
            for (int i = 1, done = 0; done < length; i++, done += PRF_OUTPUT_BYTES) {
                ByteBuffer input = ByteBuffer.allocate(4 + label.length + 1 + 4);
                input.putInt(i).put(label).put((byte) 0).putInt(8 * length);
                block = prf.compute(input.array(), PRF_OUTPUT_BYTES);
                System.arraycopy(block, 0, out, done, Math.min(PRF_OUTPUT_BYTES, length - done));
                Arrays.fill(block, (byte) 0);
            }
            return SecretBytes.copyFrom(out, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring: key derivation failed (" + kind(e) + ")");
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** The PRF keyset (Tink guards its key material behind {@code SecretKeyAccess}). */
    public KeysetHandle prfKeyset() {
        return prfKeyset;
    }

    /** The deterministic-AEAD keyset (Tink guards its key material behind {@code SecretKeyAccess}). */
    public KeysetHandle deterministicAeadKeyset() {
        return daeadKeyset;
    }

    /** Key counts and primary key ids only. */
    @Override
    public String toString() {
        return "Keyring[prf: " + prfKeyset.size() + " key(s), primary " + Integer.toUnsignedString(prfPrimaryKeyId())
                + "; daead: " + daeadKeyset.size() + " key(s), primary "
                + Integer.toUnsignedString(daeadKeyset.getPrimary().getId()) + "]";
    }

    private Prf prfById(int keyId) {
        try {
            Map<Integer, Prf> prfs = prfSet.getPrfs();
            Prf prf = prfs.get(keyId);
            if (prf == null) {
                throw new WardenException(ErrorCode.BAD_KEY,
                        "keyring: no PRF key with id " + Integer.toUnsignedString(keyId));
            }
            return prf;
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring: PRF keys unusable (" + kind(e) + ")");
        }
    }

    static void checkPrfKeyset(KeysetHandle keyset, String where) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = entry(keyset, i, where, "prf");
            boolean ok = entry.getKey() instanceof HmacPrfKey key
                    && key.getParameters().getHashType() == HmacPrfParameters.HashType.SHA256
                    && key.getParameters().getKeySizeBytes() == 32;
            if (!ok) throw new WardenException(ErrorCode.BAD_KEY,
                    where + ": the prf keyset holds a key that is not an HMAC-SHA256 PRF key of 32 bytes");
        }
        checkPrimaryEnabled(keyset, where, "prf");
    }

    static void checkDaeadKeyset(KeysetHandle keyset, String where) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = entry(keyset, i, where, "daead");
            boolean ok = entry.getKey() instanceof AesSivKey key
                    && key.getParameters().getKeySizeBytes() == 64
                    && key.getParameters().getVariant() == AesSivParameters.Variant.TINK;
            if (!ok) throw new WardenException(ErrorCode.BAD_KEY,
                    where + ": the daead keyset holds a key that is not an AES-256-SIV key with Tink's prefix");
        }
        checkPrimaryEnabled(keyset, where, "daead");
    }

    /** Entry {@code i}; Tink parses keys lazily, so a damaged key surfaces here. */
    private static KeysetHandle.Entry entry(KeysetHandle keyset, int i, String where, String name) {
        try {
            return keyset.getAt(i);
        } catch (IllegalStateException e) {
            throw new WardenException(ErrorCode.BAD_KEY, where + ": keyset \"" + name + "\" holds a damaged key");
        }
    }

    private static void checkPrimaryEnabled(KeysetHandle keyset, String where, String name) {
        KeysetHandle.Entry primary;
        try {
            primary = keyset.getPrimary();
        } catch (IllegalStateException e) {
            throw new WardenException(ErrorCode.BAD_KEY, where + ": the " + name + " keyset has no valid primary key");
        }
        if (primary.getStatus() != KeyStatus.ENABLED) {
            throw new WardenException(ErrorCode.BAD_KEY, where + ": the " + name + " keyset's primary key is not enabled");
        }
    }

    private static KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot generate a key (" + kind(e) + ")");
        }
    }

    private static KeysetHandle addPrimary(KeysetHandle keyset) {
        try {
            Parameters parameters = keyset.getPrimary().getKey().getParameters();
            return KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot add a key (" + kind(e) + ")");
        }
    }

    /** The exception's type only: Tink's messages are not ours to vouch for. */
    static String kind(Exception e) {
        return e.getClass().getSimpleName();
    }
}
