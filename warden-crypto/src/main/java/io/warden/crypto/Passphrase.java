package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A passphrase that protects a keyring. Holds its characters in an array that {@link #clear()} wipes; never shows
 * them in {@link #toString()}.
 */
public final class Passphrase {
    /** Shortest passphrase accepted when a keyring is created. */
    public static final int MIN_LENGTH = 12;

    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** A passphrase from {@code chars} (copied). */
    public static Passphrase of(char[] chars) {
        requireNonNull(chars, "chars");
        if (chars.length == 0) throw new IllegalArgumentException("the passphrase is empty");
        return new Passphrase(chars.clone());
    }

    /** Whether it is long enough to protect a new keyring. */
    public boolean longEnough() {
        return chars.length >= MIN_LENGTH;
    }

    /** The UTF-8 bytes, for the key-derivation function; the caller wipes them. */
    byte[] utf8() {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** A copy of the characters, for secrets read the same way (a PIN); the caller wipes it. */
    public char[] chars() {
        return chars.clone();
    }

    /** Overwrites the characters. */
    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
