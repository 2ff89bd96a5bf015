package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An immutable keyring: the Tink keysets behind Warden's keyed operators and sealed datasets, in one envelope.
 *
 * <ul>
 *   <li>a <b>PRF keyset</b> (HMAC-SHA256) for hashing, surrogate seeding and key derivation, and a
 *       <b>deterministic-AEAD keyset</b> (AES-256-SIV) for tokens;
 *   <li>one <b>data key per dataset</b> ({@link DatasetKey}: streaming AEAD, AES-256-GCM-HKDF, 1 MiB segments) for
 *       sealed files;
 *   <li>the <b>key-encryption keyset</b> (KEK, AES-256-GCM) that wraps all of the above in the keyring file, itself
 *       wrapped by a {@link MasterKey} (passphrase, PKCS#11 token, or, for development, nothing).
 * </ul>
 *
 * <p>Each keyset has a primary key that protects new data; older keys stay after {@link #rotate()} so that what they
 * protected still opens (a token names its key through Tink's 5-byte output prefix, a sealed file in its header).
 * The keyring has a random {@link #id()} that sealed files record, so a file from another keyring is named as such.
 *
 * <p><b>Inputs to {@link #prf()}</b> must be domain-separated so that no two uses can ever feed the PRF the same
 * bytes: {@link #deriveKey} uses inputs that start with a 4-byte counter ({@code 00 00 00 01}, ...), and every
 * other caller starts its input with its own UTF-8 label such as {@code "warden/hash/v1"} followed by a zero byte.
 *
 * <p>Nothing here reveals key material: {@link #toString()} shows key counts and ids only, and every error is a
 * one-line {@link WardenException} without key bytes.
 */
public final class Keyring {
    /** Longest key {@link #deriveKey} gives (bytes). */
    public static final int MAX_DERIVED_KEY_BYTES = 64;

    private static final Parameters PRF_PARAMETERS = PredefinedPrfParameters.HMAC_SHA256_PRF;
    private static final Parameters DAEAD_PARAMETERS = PredefinedDeterministicAeadParameters.AES256_SIV;
    private static final int PRF_OUTPUT_BYTES = 32;

    private static final Parameters KEK_PARAMETERS = PredefinedAeadParameters.AES256_GCM;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        try {
            PrfConfig.register();
            DeterministicAeadConfig.register();
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError("cannot register Tink's PRF and deterministic AEAD: " + e);
        }
    }

    private final String id;
    private final KeysetHandle kekKeyset;
    private final KeysetHandle prfKeyset;
    private final KeysetHandle daeadKeyset;
    private final SortedMap<String, DatasetKey> datasets;
    private final PrfSet prfSet;
    private final Prf primaryPrf;
    private final DeterministicAead daead;
    private final Aead kek;

    Keyring(String id, KeysetHandle kekKeyset, KeysetHandle prfKeyset, KeysetHandle daeadKeyset,
            Map<String, DatasetKey> datasets) {
        this.id = checkKeyringId(id);
        this.kekKeyset = kekKeyset;
        this.prfKeyset = prfKeyset;
        this.daeadKeyset = daeadKeyset;
        this.datasets = Collections.unmodifiableSortedMap(new TreeMap<>(datasets));
        this.kek = kekAead(kekKeyset, "keyring");
        try {
            this.prfSet = prfKeyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            this.primaryPrf = prfSet.getPrfs().get(prfSet.getPrimaryId());
            this.daead = daeadKeyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring: its keysets cannot be used (" + kind(e) + ")");
        }
    }

    /**
     * Makes sure Tink's key types are registered (this class's initializer does it) before a keyset is parsed:
     * unregistered, Tink parses keys into opaque legacy objects that no check recognises.
     */
    static void ensureTinkRegistered() {
        // the static initializer has run by the time this returns
    }

    /** A new keyring with a random id, one fresh random key in each keyset, and no dataset keys. */
    public static Keyring generate() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return new Keyring(HexFormat.of().formatHex(id), generate(KEK_PARAMETERS), generate(PRF_PARAMETERS),
                generate(DAEAD_PARAMETERS), Map.of());
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
        Keyring fresh = generate();
        return new Keyring(fresh.id, fresh.kekKeyset, prf, daead, Map.of());
    }

    /**
     * Reads a keyring stored in cleartext by {@link #writeInsecurePlaintext}.
     *
     * @throws WardenException BAD_KEY when the file is missing or unreadable, its version or protection is not
     *     supported, or its keysets are not of the right kind; MALFORMED_INPUT when it is not a Warden keyring at all
     *     (not JSON, truncated, binary, another format). Messages are one line and never contain key material.
     */
    public static Keyring readInsecurePlaintext(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads a keyring file that is in cleartext or passphrase-protected; {@code passphrase} is asked only when the
     * file is passphrase-protected (it may return null when none is at hand).
     *
     * @throws WardenException BAD_KEY for a wrong passphrase, a missing one, or an altered file (one line, no key
     *     material); MALFORMED_INPUT for a file that is not a keyring
     */
    public static Keyring read(Path file, Supplier<Passphrase> passphrase) {
        return read(file, Map.of(MasterKeys.passphraseProvider(), MasterKeys.passphrase(passphrase)));
    }

    /**
     * Reads a keyring file whose master key is opened by the opener registered for its provider (insecure plaintext
     * files need none).
     *
     * @throws WardenException BAD_KEY when the provider has no opener, the master key cannot be had, or the file was
     *     altered; MALFORMED_INPUT for a file that is not a keyring
     */
    public static Keyring read(Path file, Map<String, MasterKeyOpener> openers) {
        return KeyringFile.read(file, openers).keyring();
    }

    /**
     * Creates a keyring file protected by {@code master}, never overwriting: the new keyring is returned.
     *
     * @throws WardenException BAD_USAGE when {@code file} exists; OUTPUT_FAILED when it cannot be written
     */
    public static Keyring create(Path file, MasterKey master) {
        return KeyringFile.create(file, master, k -> { });
    }

    /**
     * Changes the keyring in {@code file}: reads it, applies {@code change}, and writes the result back under the same
     * master key, atomically and under a lock, so that two processes updating one keyring cannot lose a key.
     * Returns the keyring as written.
     */
    public static Keyring update(Path file, Map<String, MasterKeyOpener> openers, UnaryOperator<Keyring> change) {
        return KeyringFile.update(file, openers, change, k -> { }).keyring();
    }

    /** The master-key provider named in {@code file} (such as "insecure-plaintext"), or null if it is not readable. */
    public static String provider(Path file) {
        return KeyringFile.provider(file);
    }

    /** Whether {@code file} is a plaintext keyring (so a caller can warn); false when it is anything else. */
    public static boolean isInsecurePlaintext(Path file) {
        return MasterKeys.INSECURE_PLAINTEXT.equals(provider(file));
    }

    /** Writes this keyring to {@code file} protected by {@code master}: atomically, mode 600. */
    public void write(Path file, MasterKey master) {
        KeyringFile.write(this, file, requireNonNull(master, "master"));
    }

    /**
     * Writes this keyring with its keys wrapped under a key derived from {@code passphrase} (Argon2id, OWASP's
     * parameters, random salt stored in the file; AES-256-GCM). Written atomically, mode 600.
     *
     * @throws WardenException BAD_USAGE when the passphrase is shorter than {@link Passphrase#MIN_LENGTH}
     */
    public void writeWithPassphrase(Path file, Passphrase passphrase) {
        write(file, MasterKeys.newPassphrase(passphrase));
    }

    /**
     * Writes this keyring to {@code file} with its KEK in cleartext — anyone who can read the file holds the keys. For
     * tests and development only. Written atomically, mode 600 where the file system has POSIX permissions.
     *
     * @throws WardenException OUTPUT_FAILED when the file cannot be written
     */
    public void writeInsecurePlaintext(Path file) {
        write(file, MasterKeys.insecurePlaintext());
    }

    /**
     * A keyring with one new primary key added to each keyset; the old keys stay, so what they protected still
     * reveals. Hashes, surrogates and FPE values made after the rotation differ from those made before (they use
     * the primary PRF key).
     */
    public Keyring rotate() {
        // Nothing outside the file is encrypted under the KEK, and the file is rewritten whole: a new KEK replaces
        // the old one instead of joining it.
        return new Keyring(id, generate(KEK_PARAMETERS), addPrimary(prfKeyset), addPrimary(daeadKeyset), datasets);
    }

    /** The random id of this keyring (16 hex digits, not secret), recorded in every file it seals. */
    public String id() {
        return id;
    }

    /** Dataset keys by dataset id, destroyed ones included. */
    public SortedMap<String, DatasetKey> datasets() {
        return datasets;
    }

    /**
     * The key of {@code dataset}.
     *
     * @throws WardenException BAD_KEY when this keyring has no key for it
     */
    public DatasetKey dataset(String dataset) {
        DatasetKey key = datasets.get(dataset);
        if (key == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring " + id + " has no key for dataset "
                    + DatasetKey.checkId(dataset) + " (add one with 'warden keys add-dataset')");
        }
        return key;
    }

    /**
     * This keyring with a new key for {@code dataset}.
     *
     * @throws WardenException BAD_USAGE when the dataset already has a key, or had one that was destroyed (a
     *     dataset id is never reused, so that old sealed files keep saying their key is gone)
     */
    public Keyring addDataset(String dataset, Instant now) {
        DatasetKey.checkId(dataset);
        DatasetKey existing = datasets.get(dataset);
        if (existing != null) {
            throw new WardenException(ErrorCode.BAD_USAGE, "dataset " + dataset + " already has a key"
                    + (existing.destroyed() ? ", destroyed on " + existing.destroyedAt() + "; ids are never reused" : ""));
        }
        return withDataset(DatasetKey.generate(dataset, now));
    }

    /** This keyring with a new version of {@code dataset}'s key, which seals from now on. */
    public Keyring rotateDataset(String dataset, Instant now) {
        return withDataset(dataset(dataset).rotate(now));
    }

    /** This keyring with {@code dataset}'s minimum decryption version set to {@code min}. */
    public Keyring withMinDecryptionVersion(String dataset, int min) {
        return withDataset(dataset(dataset).withMinDecryptionVersion(min));
    }

    /** This keyring with {@code dataset}'s key material gone for good (its metadata stays, to say so). */
    public Keyring destroyDataset(String dataset, Instant now) {
        return withDataset(dataset(dataset).destroy(now));
    }

    private Keyring withDataset(DatasetKey key) {
        Map<String, DatasetKey> next = new TreeMap<>(datasets);
        next.put(key.dataset(), key);
        return new Keyring(id, kekKeyset, prfKeyset, daeadKeyset, next);
    }

    /** The KEK as an AEAD: wraps every other keyset in the keyring file. */
    Aead kek() {
        return kek;
    }

    KeysetHandle kekKeyset() {
        return kekKeyset;
    }

    /** The AEAD of a KEK keyset, after checking that it holds only AES-256-GCM keys and an enabled primary. */
    static Aead kekAead(KeysetHandle kek, String where) {
        for (int i = 0; i < kek.size(); i++) {
            KeysetHandle.Entry entry = entry(kek, i, where, "kek");
            if (!(entry.getKey() instanceof AesGcmKey key) || key.getParameters().getKeySizeBytes() != 32) {
                throw new WardenException(ErrorCode.BAD_KEY, where + ": the kek keyset holds a key that is not AES-256-GCM");
            }
        }
        checkPrimaryEnabled(kek, where, "kek");
        try {
            return kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, where + ": the kek keyset cannot be used (" + kind(e) + ")");
        }
    }

    static String checkKeyringId(String id) {
        if (id == null || !id.matches("[0-9a-f]{16}")) {
            throw new WardenException(ErrorCode.BAD_KEY, "keyring: its id is not 16 hex digits");
        }
        return id;
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
        return "Keyring[" + id + "; prf: " + prfKeyset.size() + " key(s), primary " + Integer.toUnsignedString(prfPrimaryKeyId())
                + "; daead: " + daeadKeyset.size() + " key(s), primary "
                + Integer.toUnsignedString(daeadKeyset.getPrimary().getId()) + "; " + datasets.size() + " dataset key(s)]";
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
