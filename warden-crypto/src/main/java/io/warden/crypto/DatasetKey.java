package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The data key of one dataset: a Tink streaming-AEAD keyset (AES-256-GCM-HKDF, 1 MiB segments) whose keys are the
 * dataset key's <em>versions</em> 1, 2, ... in the order {@link #rotate} added them.
 *
 * <p>New data is sealed with the newest version (the keyset's primary); a sealed file names the version it used, so
 * older files still open after a rotation. Versions below the {@linkplain #minDecryptionVersion() minimum decryption
 * version} are disabled in the keyset (as in Vault's transit engine): files sealed with them no longer open until
 * the minimum is lowered again or they are rewrapped. A {@linkplain #destroyed() destroyed} key keeps only its
 * metadata — the key material is gone, and with it every file sealed under it (crypto-shredding).
 *
 * <p>Immutable; {@link #toString()} shows no key material.
 */
public final class DatasetKey {
    /** Dataset ids: a letter or digit, then letters, digits, {@code . _ -}; at most 128 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final AesGcmHkdfStreamingParameters PARAMETERS =
            PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB;

    static {
        Keyring.ensureTinkRegistered();
    }

    /** One version of a dataset key: its number (from 1), Tink key id (not secret) and creation time. */
    public record Version(int number, int keyId, Instant created) {
        public Version {
            requireNonNull(created, "created");
            if (number < 1) throw new IllegalArgumentException("version numbers start at 1");
        }
    }

    private final String dataset;
    private final Instant created;
    private final List<Version> versions;
    private final int minDecryptionVersion;
    private final KeysetHandle keyset; // null once destroyed
    private final Instant destroyed;

    DatasetKey(String dataset, Instant created, List<Version> versions, int minDecryptionVersion, KeysetHandle keyset,
            Instant destroyed) {
        this.dataset = checkId(dataset);
        this.created = requireNonNull(created, "created");
        this.versions = List.copyOf(versions);
        this.minDecryptionVersion = minDecryptionVersion;
        this.keyset = keyset;
        this.destroyed = destroyed;
        if ((keyset == null) == (destroyed == null)) {
            throw new IllegalArgumentException("a dataset key has either key material or a destruction time");
        }
        if (this.versions.isEmpty() || minDecryptionVersion < 1 || minDecryptionVersion > this.versions.size()) {
            throw new IllegalArgumentException("dataset key " + dataset + ": bad versions or minimum version");
        }
        if (keyset != null) checkKeyset();
    }

    /** A new key for {@code dataset} with one version. */
    static DatasetKey generate(String dataset, Instant now) {
        try {
            KeysetHandle keyset = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.generateEntryFromParameters(PARAMETERS).withRandomId().makePrimary())
                    .build();
            return new DatasetKey(dataset, now, List.of(new Version(1, keyset.getAt(0).getId(), now)), 1, keyset, null);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot generate a dataset key (" + Keyring.kind(e) + ")");
        }
    }

    /** Checks {@code id} against {@link #ID} and returns it. */
    public static String checkId(String id) {
        requireNonNull(id, "dataset id");
        if (!ID.matcher(id).matches()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "dataset ids are 1 to 128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        return id;
    }

    /** This key with a new newest version that seals from now on; older versions keep opening what they sealed. */
    DatasetKey rotate(Instant now) {
        requireMaterial();
        try {
            KeysetHandle next = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PARAMETERS).withRandomId().makePrimary())
                    .build();
            List<Version> more = new ArrayList<>(versions);
            more.add(new Version(versions.size() + 1, next.getAt(next.size() - 1).getId(), now));
            return new DatasetKey(dataset, created, more, minDecryptionVersion, next, null);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot add a dataset key version (" + Keyring.kind(e) + ")");
        }
    }

    /**
     * This key with versions below {@code min} disabled and the others enabled.
     *
     * @throws WardenException BAD_USAGE unless {@code 1 <= min <= latest version}
     */
    DatasetKey withMinDecryptionVersion(int min) {
        requireMaterial();
        if (min < 1 || min > versions.size()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "dataset " + dataset + ": the minimum decryption version "
                    + "must be between 1 and the latest version, " + versions.size());
        }
        KeysetHandle.Builder b = KeysetHandle.newBuilder(keyset);
        for (int i = 0; i < b.size(); i++) {
            b.getAt(i).setStatus(i + 1 < min ? KeyStatus.DISABLED : KeyStatus.ENABLED);
        }
        try {
            return new DatasetKey(dataset, created, versions, min, b.build(), null);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot change key states (" + Keyring.kind(e) + ")");
        }
    }

    /** This key without its key material: nothing sealed under it can ever be opened again. */
    DatasetKey destroy(Instant now) {
        requireMaterial();
        return new DatasetKey(dataset, created, versions, minDecryptionVersion, null, now);
    }

    /** The dataset id this key belongs to. */
    public String dataset() {
        return dataset;
    }

    public Instant created() {
        return created;
    }

    /** All versions, oldest first (kept after destruction, for the record). */
    public List<Version> versions() {
        return versions;
    }

    /** Lowest version that still opens sealed files. */
    public int minDecryptionVersion() {
        return minDecryptionVersion;
    }

    /** Whether the key material was destroyed. */
    public boolean destroyed() {
        return keyset == null;
    }

    /** When the key was destroyed, or null. */
    public Instant destroyedAt() {
        return destroyed;
    }

    /** The newest version, the one that seals. */
    public Version primary() {
        return versions.get(versions.size() - 1);
    }

    /** The version with Tink key id {@code keyId}, or null. */
    public Version version(int keyId) {
        for (Version v : versions) if (v.keyId() == keyId) return v;
        return null;
    }

    /**
     * The streaming AEAD of one version (Tink's AES-GCM-HKDF streaming primitive), for sealing (the primary) or
     * opening what that version sealed.
     *
     * @throws WardenException BAD_KEY, saying why in plain words, when the key was destroyed or the version is below
     *     the minimum decryption version
     */
    public AesGcmHkdfStreaming streamingAead(Version version) {
        if (keyset == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "the key of dataset " + dataset + " was destroyed on "
                    + destroyed + ": data sealed under it cannot be opened by anyone");
        }
        if (version.number() < minDecryptionVersion) {
            throw new WardenException(ErrorCode.BAD_KEY, "dataset " + dataset + ": version " + version.number()
                    + " of its key is below the minimum decryption version " + minDecryptionVersion
                    + " (lower it with 'warden keys config' to open this file)");
        }
        try {
            // Tink's own primitive for this key type; its segment API lets sealing drive the format a segment at a time
            return (AesGcmHkdfStreaming) AesGcmHkdfStreaming.create(
                    (AesGcmHkdfStreamingKey) keyset.getAt(version.number() - 1).getKey());
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "dataset " + dataset + ": key version " + version.number()
                    + " is unusable (" + Keyring.kind(e) + ")");
        }
    }

    /** The keyset, for the keyring file (null once destroyed). */
    KeysetHandle keyset() {
        return keyset;
    }

    private void requireMaterial() {
        if (keyset == null) {
            throw new WardenException(ErrorCode.BAD_KEY, "the key of dataset " + dataset + " was destroyed on "
                    + destroyed);
        }
    }

    /** The metadata must describe the keyset exactly: same ids in order, the right keys disabled, the right kind. */
    private void checkKeyset() {
        String where = "dataset " + dataset + ": ";
        if (keyset.size() != versions.size()) {
            throw new WardenException(ErrorCode.BAD_KEY, where + "its versions do not match its keyset (altered?)");
        }
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry e;
            try {
                e = keyset.getAt(i);
            } catch (IllegalStateException ex) {
                throw new WardenException(ErrorCode.BAD_KEY, where + "its keyset holds a damaged key");
            }
            Version v = versions.get(i);
            boolean enabled = e.getStatus() == KeyStatus.ENABLED;
            if (v.number() != i + 1 || v.keyId() != e.getId() || enabled != (i + 1 >= minDecryptionVersion)
                    || (e.getStatus() != KeyStatus.ENABLED && e.getStatus() != KeyStatus.DISABLED)) {
                throw new WardenException(ErrorCode.BAD_KEY, where + "its versions do not match its keyset (altered?)");
            }
            if (!(e.getKey() instanceof AesGcmHkdfStreamingKey k) || !PARAMETERS.equals(k.getParameters())) {
                throw new WardenException(ErrorCode.BAD_KEY, where + "a key is not AES-256-GCM-HKDF with 1 MiB segments");
            }
        }
        if (keyset.getPrimary().getId() != primary().keyId()) {
            throw new WardenException(ErrorCode.BAD_KEY, where + "its primary key is not its newest version (altered?)");
        }
    }

    /** Versions and state only. */
    @Override
    public String toString() {
        return "DatasetKey[" + dataset + ", " + versions.size() + " version(s), min " + minDecryptionVersion
                + (keyset == null ? ", destroyed " + destroyed : "") + "]";
    }
}
