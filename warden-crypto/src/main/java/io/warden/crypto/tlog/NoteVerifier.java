package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.subtle.Ed25519Verify;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 public key that checks signed-note signatures, named and identified as C2SP {@code signed-note}
 * specifies.
 *
 * <p>Its text form (a "verifier key", as Go's {@code golang.org/x/mod/sumdb/note} writes it) is
 * {@code <name>+<8 hex digits of key ID>+<base64(0x01 || 32-byte public key)>}, e.g.
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. Signatures are checked by Tink.
 */
public final class NoteVerifier {
    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final Ed25519Verify verify;

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = NoteFormat.keyId(name, this.publicKey);
        this.verify = new Ed25519Verify(this.publicKey);
    }

    /** The verifier named {@code name} for the 32-byte Ed25519 {@code publicKey}. */
    public static NoteVerifier of(String name, byte[] publicKey) {
        if (!NoteFormat.isValidName(name)) throw new IllegalArgumentException("not a key name: " + name);
        requireNonNull(publicKey, "publicKey");
        if (publicKey.length != NoteFormat.ED25519_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return new NoteVerifier(name, publicKey);
    }

    /**
     * Reads a verifier key text.
     *
     * @throws WardenException BAD_KEY when it is malformed, of another algorithm, or its key ID does not match
     */
    public static NoteVerifier parse(String vkey) {
        requireNonNull(vkey, "vkey");
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !NoteFormat.isValidName(parts[0])) throw bad("it is not <name>+<key id>+<key>");
        Integer id = NoteFormat.parseHex(parts[1]);
        byte[] key = NoteFormat.base64(parts[2]);
        if (id == null || key == null) throw bad("it is not <name>+<key id>+<key>");
        if (key[0] != NoteFormat.ED25519) throw bad("its algorithm " + (key[0] & 0xff) + " is not Ed25519 (1)");
        if (key.length != 1 + NoteFormat.ED25519_KEY_BYTES) throw bad("an Ed25519 key has 32 bytes");
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (v.keyId != id) throw bad("its key ID does not match the name and key");
        return v;
    }

    /** The key's name (for a log, its origin). */
    public String name() {
        return name;
    }

    /** The 32-bit key ID that signature lines carry. */
    public int keyId() {
        return keyId;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The verifier key text, {@code <name>+<key id>+<key>}. */
    public String vkey() {
        byte[] key = new byte[1 + publicKey.length];
        key[0] = NoteFormat.ED25519;
        System.arraycopy(publicKey, 0, key, 1, publicKey.length);
        return name + "+" + NoteFormat.hex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code signature} (64 bytes, without the key ID) is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            verify.verify(signature, message);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + vkey() + "]";
    }

    private static WardenException bad(String why) {
        return new WardenException(ErrorCode.BAD_KEY, "not a note verifier key: " + why);
    }
}
