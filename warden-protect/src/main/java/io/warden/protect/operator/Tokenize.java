package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.DeterministicAead;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Replaces a value with a reversible token: AES-256-SIV deterministic encryption (Tink) of the value, with the
 * field name as associated data, written as {@code tok_} + unpadded base64url of Tink's ciphertext.
 *
 * <p>Deterministic: the same value in the same field under the same keyring gives the same token in every file and
 * run, so tokenized columns still join and count; the same value in another field gives another token. The
 * ciphertext is {@code 0x01 || key id (4 bytes) || SIV (16 bytes) || encrypted value}, so a token names the key that
 * made it and still reveals after {@link Keyring#rotate()}; a token is {@code 4 + ceil(4 (21 + n) / 3)} characters
 * for a value of {@code n} UTF-8 bytes. A value without a field (plain text) uses empty associated data.
 *
 * <p>{@link #TOKEN} finds tokens in free text: {@code tok_A} then one of {@code Q-Z a-f} (what the 0x01 prefix byte
 * and a key id encode to), then base64url characters, 28 at least, not preceded by a letter or digit.
 */
public final class Tokenize implements Operator {
    public static final String NAME = "tokenize";
    /** What every token starts with. */
    public static final String PREFIX = "tok_";
    /** A token candidate in text: the longest run; see {@link #reveal} for runs followed by word characters. */
    public static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9])tok_A[Q-Za-f][A-Za-z0-9_-]{26,}");
    /** Base64url characters of the shortest token (an empty value): 21 bytes. */
    public static final int MIN_BODY_CHARS = 28;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Keyring keyring;
    private final DeterministicAead daead;

    /** @param keyring the keys; required */
    public Tokenize(Keyring keyring) {
        this.keyring = requireNonNull(keyring, "tokenize needs a keyring");
        this.daead = keyring.deterministicAead();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        byte[] ciphertext;
        try {
            ciphertext = daead.encryptDeterministically(value.getBytes(StandardCharsets.UTF_8),
                    Bytes.field(target.field()));
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "tokenize: encryption failed ("
                    + e.getClass().getSimpleName() + ")");
        }
        byte[] body = ENCODER.encode(ciphertext);
        byte[] token = new byte[PREFIX.length() + body.length];
        token[0] = 't';
        token[1] = 'o';
        token[2] = 'k';
        token[3] = '_';
        System.arraycopy(body, 0, token, PREFIX.length(), body.length);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    /**
     * The value behind {@code token}, made for {@code field}.
     *
     * @throws WardenException BAD_KEY if it is not a token of this keyring for this field (another keyring, another
     *     field, or altered); the message names the field, never the token or the value
     */
    public String reveal(String token, String field) {
        String value = tryReveal(token, field);
        if (value == null) throw undecryptable(field);
        return value;
    }

    /** The error for a token that does not decrypt: BAD_KEY, naming the field only. */
    public static WardenException undecryptable(String field) {
        return new WardenException(ErrorCode.BAD_KEY, "a token in field " + (field == null ? "(none)" : "'" + field + "'")
                + " does not decrypt with this keyring (made with another keyring or for another field, or altered)");
    }

    /**
     * The value behind {@code token}, or null when it does not decrypt (no exception: {@code Revealer} tries
     * shorter runs of text).
     */
    public String tryReveal(String token, String field) {
        if (!token.startsWith(PREFIX) || token.length() < PREFIX.length() + MIN_BODY_CHARS) return null;
        byte[] ciphertext;
        try {
            ciphertext = DECODER.decode(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            return new String(daead.decryptDeterministically(ciphertext, Bytes.field(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    public Keyring keyring() {
        return keyring;
    }

    @Override
    public String toString() {
        return "Tokenize[" + keyring + "]";
    }
}
