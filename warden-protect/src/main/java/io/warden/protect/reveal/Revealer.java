package io.warden.protect.reveal;

import static java.util.Objects.requireNonNull;

import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.crypto.Keyring;
import io.warden.protect.operator.Fpe;
import io.warden.protect.operator.Tokenize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reverses what the reversible operators did: replaces every token ({@code tok_...}) anywhere in a value with the
 * value it stands for, and decrypts the columns a policy protected with {@link Fpe}.
 *
 * <p>A token is decrypted with the field it sits in as associated data, exactly as {@link Tokenize} made it.
 * All or nothing: when one token of a value (or record) does not decrypt — made with another keyring or for another
 * field, or altered — the call throws {@code WardenException(BAD_KEY)} with a one-line message that names the field
 * (and record) but no token or value, and returns nothing; a caller writing a file discards it.
 *
 * <p>FPE can only be revealed for whole cells of the fields given here: FPE output does not mark itself, so FPE
 * applied to spans inside free text cannot be found again (tokenize such spans instead). Hashes and surrogates are
 * one-way and stay as they are.
 *
 * <p>Give it whole field values: a token split between two {@linkplain Record.Chunk chunks} of a long text is not
 * recognised in either. Immutable and thread-safe.
 */
public final class Revealer {
    private final Tokenize tokens;
    private final Map<String, Fpe> fpeFields;

    /**
     * @param keyring the keyring the data was protected with (or a rotation of it)
     * @param fpeFields the {@link Fpe} operator each FPE-protected field was protected with, by field name (may be
     *     empty)
     */
    public Revealer(Keyring keyring, Map<String, Fpe> fpeFields) {
        this.tokens = new Tokenize(requireNonNull(keyring, "reveal needs a keyring"));
        this.fpeFields = Map.copyOf(requireNonNull(fpeFields, "fpeFields"));
    }

    /** A revealer for tokens only. */
    public static Revealer tokensOnly(Keyring keyring) {
        return new Revealer(keyring, Map.of());
    }

    /**
     * The original of {@code value} from {@code field}: FPE decrypted if the field is an FPE field, otherwise every
     * token in it replaced by its value; text around tokens is kept as it is.
     *
     * @throws WardenException BAD_KEY if a token does not decrypt; MALFORMED_INPUT if an FPE value is too short to
     *     be FPE output
     */
    public String reveal(String field, String value) {
        requireNonNull(value, "value");
        Fpe fpe = field == null ? null : fpeFields.get(field);
        if (fpe != null) return fpe.reveal(value, field);
        return revealTokens(value, field);
    }

    /**
     * The record with every field revealed (missing values stay missing); all fields or none.
     *
     * @throws WardenException as {@link #reveal(String, String)}, its message prefixed with {@code record N: }
     */
    public Record reveal(Record record) {
        List<String> names = record.names();
        List<String> values = record.values();
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            try {
                out.add(v == null ? null : reveal(names.get(i), v));
            } catch (WardenException e) {
                throw new WardenException(e.code(), "record " + record.index() + ": " + e.getMessage());
            }
        }
        return new Record(record.index(), names, out, record.chunk());
    }

    /** Whether {@code text} holds something that looks like a token (no decryption). */
    public static boolean mayHoldTokens(String text) {
        return text.contains(Tokenize.PREFIX) && Tokenize.TOKEN.matcher(text).find();
    }

    /** The most characters of a word glued to a token ({@code tok_..._suffix}) that reveal looks past. */
    static final int MAX_GLUED = 64;

    private String revealTokens(String text, String field) {
        if (!text.contains(Tokenize.PREFIX)) return text;
        Matcher m = Tokenize.TOKEN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            // The match is the longest base64url run; a token followed by '_', '-' or a word is shorter than it.
            // SIV authenticates, so only the true length decrypts. At most MAX_GLUED shorter lengths are tried, so a
            // hostile megabyte-long run costs a bounded number of decryptions, not one per character.
            String value = null;
            int minEnd = Math.max(start + Tokenize.PREFIX.length() + Tokenize.MIN_BODY_CHARS, end - MAX_GLUED);
            for (; end >= minEnd; end--) {
                if ((end - start - Tokenize.PREFIX.length()) % 4 == 1) continue; // no base64 text has this length
                value = tokens.tryReveal(text.substring(start, end), field);
                if (value != null) break;
            }
            if (value == null) throw Tokenize.undecryptable(field);
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, start).append(value);
            copied = end;
            from = end;
        }
        if (out == null) return text;
        return out.append(text, copied, text.length()).toString();
    }

    @Override
    public String toString() {
        return "Revealer[" + tokens.keyring() + ", fpe fields=" + fpeFields.keySet() + "]";
    }
}
