package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A password as a user typed it, held as the UTF-8 bytes of its NFKC form; {@link #toString()} never shows it.
 *
 * <p>NFKC (as NIST SP 800-63B asks) makes the same password typed as composed or decomposed Unicode hash alike. Any
 * password of 1 to {@link #MAX_LENGTH} characters without control characters is accepted here, so that a login never
 * fails on a rule the password was set under; {@link PasswordPolicy} judges new passwords.
 */
public final class Password {
    /** Longest password accepted, in code points: bounds the hashing work a request can ask for. */
    public static final int MAX_LENGTH = 1024;

    private final byte[] utf8;
    private final int length;
    private final boolean blank;

    private Password(byte[] utf8, int length, boolean blank) {
        this.utf8 = utf8;
        this.length = length;
        this.blank = blank;
    }

    /**
     * A password from {@code text}: BAD_USAGE when null or empty, MALFORMED_INPUT when longer than
     * {@link #MAX_LENGTH} code points or holding control characters or lone surrogates.
     */
    public static Password of(String text) {
        Inputs.present(text, "the password");
        if (text.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "the password is empty");
        if (text.length() > 2 * MAX_LENGTH || text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw Inputs.malformed("the password is longer than " + MAX_LENGTH + " characters");
        }
        if (Inputs.hasControlOrLoneSurrogate(text)) {
            throw Inputs.malformed("the password contains control characters or invalid Unicode");
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(nfkc));
        byte[] bytes = Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
        Arrays.fill(b.array(), (byte) 0);
        boolean blank = text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        return new Password(bytes, text.codePointCount(0, text.length()), blank);
    }

    /** Its length in code points, as typed (before normalisation). */
    public int length() {
        return length;
    }

    /** A copy of the UTF-8 bytes of the NFKC form, for the hash function; the caller wipes it. */
    byte[] utf8() {
        return utf8.clone();
    }

    /** Whether it is made of white space only. */
    boolean blank() {
        return blank;
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
