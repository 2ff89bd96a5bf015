package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.subtle.Ed25519Sign;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 private key that signs notes (checkpoints), with its name; the matching {@link NoteVerifier} is
 * {@link #verifier()}.
 *
 * <p>Its text form is Go's signer key, {@code PRIVATE+KEY+<name>+<8 hex digits of key ID>+<base64(0x01 || 32-byte
 * seed)>}; it only ever goes to a file readable by its owner alone ({@link #writeTo}). The key never appears in
 * {@link #toString()} or in exception messages. Signatures are made by Tink.
 */
public final class NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final byte[] seed;
    private final Ed25519Sign sign;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) throws GeneralSecurityException {
        this.seed = seed.clone();
        this.sign = new Ed25519Sign(this.seed);
        this.verifier = NoteVerifier.of(name, Ed25519Sign.KeyPair.newKeyPairFromSeed(this.seed).getPublicKey());
    }

    /** A new random key named {@code name} (for a log, its origin, e.g. {@code audit.example.com/warden}). */
    public static NoteSigner generate(String name) {
        if (!NoteFormat.isValidName(name)) throw new IllegalArgumentException("not a key name: " + name);
        try {
            byte[] seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
            try {
                return new NoteSigner(name, seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot generate an Ed25519 key: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads a signer key text.
     *
     * @throws WardenException BAD_KEY when it is malformed, of another algorithm, or its key ID does not match
     */
    public static NoteSigner parse(String skey) {
        requireNonNull(skey, "skey");
        String[] parts = skey.split("\\+", 5);
        if (!skey.startsWith(PREFIX) || parts.length != 5 || !NoteFormat.isValidName(parts[2])) {
            throw bad("it is not PRIVATE+KEY+<name>+<key id>+<key>");
        }
        Integer id = NoteFormat.parseHex(parts[3]);
        byte[] key = NoteFormat.base64(parts[4]);
        if (id == null || key == null) throw bad("it is not PRIVATE+KEY+<name>+<key id>+<key>");
        try {
            if (key[0] != NoteFormat.ED25519) throw bad("its algorithm " + (key[0] & 0xff) + " is not Ed25519 (1)");
            if (key.length != 1 + NoteFormat.ED25519_KEY_BYTES) throw bad("an Ed25519 key has a 32-byte seed");
            NoteSigner s = new NoteSigner(parts[2], Arrays.copyOfRange(key, 1, key.length));
            if (s.keyId() != id) throw bad("its key ID does not match the name and key");
            return s;
        } catch (GeneralSecurityException e) {
            throw bad("Tink refused the seed (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Reads the signer key text in {@code file} (one line; a final newline is allowed). */
    public static NoteSigner read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "note signer key " + file + " does not exist");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read note signer key " + file + ": "
                    + LogFiles.reason(e));
        }
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return parse(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (WardenException e) {
            throw new WardenException(e.code(), file + ": " + e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Writes the signer key text and a newline to {@code file}, atomically and readable by its owner only. */
    public void writeTo(Path file) {
        byte[] key = new byte[1 + seed.length];
        key[0] = NoteFormat.ED25519;
        System.arraycopy(seed, 0, key, 1, seed.length);
        byte[] text = (PREFIX + name() + "+" + NoteFormat.hex(keyId()) + "+" + Base64.getEncoder().encodeToString(key)
                + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.writeOwnerOnly(file, text);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(text, (byte) 0);
        }
    }

    /** The key's name. */
    public String name() {
        return verifier.name();
    }

    /** The 32-bit key ID. */
    public int keyId() {
        return verifier.keyId();
    }

    /** The public half. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message) {
        try {
            return sign.sign(message);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "Ed25519 signing failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name() + "+" + NoteFormat.hex(keyId()) + "]";
    }

    /** BAD_KEY with a reason that never quotes the key. */
    private static WardenException bad(String why) {
        return new WardenException(ErrorCode.BAD_KEY, "not a note signer key: " + why);
    }
}
