package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A bearer token in clear: a {@link TokenKind} prefix ({@code wdn_} or {@code wds_}), 256 random bits as 43 base62
 * characters, and a 6-character base62 CRC32 of everything before it — 53 characters in all, like GitHub's
 * {@code ghp_} tokens. {@link #toString()} never shows it; the server stores only {@link #hash()}.
 *
 * <p>The prefix lets secret scanners find leaked tokens; the checksum lets {@link #parse} refuse a mistyped or made-up
 * token without a database look-up. The checksum is not a secret and proves nothing about authenticity.
 */
public final class Token {
    /** Length of every token. */
    public static final int LENGTH = 4 + 43 + 6;
    private static final int RANDOM_BYTES = 32;
    private static final int BODY = 43;
    private static final int CHECKSUM = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);
    /**
     * The largest body, 2^256 - 1 in base62. The alphabet is in ASCII order, so for bodies of this fixed width the
     * numeric order is the string order: a body is in range when it does not sort after this one (no big-number
     * arithmetic on every request).
     */
    private static final String MAX_BODY = base62(BigInteger.ONE.shiftLeft(8 * RANDOM_BYTES).subtract(BigInteger.ONE),
            BODY);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenKind kind;
    private final String text;

    private Token(TokenKind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** A fresh random token of {@code kind}. */
    public static Token generate(TokenKind kind) {
        Inputs.present(kind, "the token kind");
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String head = kind.prefix() + base62(new BigInteger(1, random), BODY);
        return new Token(kind, head + checksum(head));
    }

    /**
     * The token spelled {@code text}: exactly {@link #LENGTH} characters, a known prefix, base62 and a matching
     * checksum; otherwise a one-line MALFORMED_INPUT error that does not quote it (BAD_USAGE when null or empty).
     */
    public static Token parse(String text) {
        Inputs.present(text, "the token");
        if (text.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "the token is empty");
        if (text.length() != LENGTH) throw Inputs.malformed("the token is not " + LENGTH + " characters long");
        TokenKind kind = null;
        for (TokenKind k : TokenKind.values()) {
            if (text.startsWith(k.prefix())) kind = k;
        }
        if (kind == null) throw Inputs.malformed("the token does not start with a Warden token prefix");
        for (int i = 4; i < LENGTH; i++) {
            if (BASE62.indexOf(text.charAt(i)) < 0) throw Inputs.malformed("the token holds characters outside base62");
        }
        String head = text.substring(0, 4 + BODY);
        if (!checksum(head).equals(text.substring(4 + BODY))) throw Inputs.malformed("the token's checksum does not match");
        if (text.substring(4, 4 + BODY).compareTo(MAX_BODY) > 0) {
            throw Inputs.malformed("the token's random part is out of range");
        }
        return new Token(kind, text);
    }

    /** {@link #parse(String)}, also refusing a token of another kind (MALFORMED_INPUT). */
    public static Token parse(String text, TokenKind expected) {
        Inputs.present(expected, "the token kind");
        Token t = parse(text);
        if (t.kind != expected) {
            throw Inputs.malformed("the token is not a " + expected.name().toLowerCase(Locale.ROOT) + " token");
        }
        return t;
    }

    public TokenKind kind() {
        return kind;
    }

    /** Reveals the token, to hand it to its owner once. */
    public String reveal() {
        return text;
    }

    /**
     * The stored form, and the key to look the token up by: hex SHA-256 of the whole token. A fast hash suffices for
     * 256 random bits, and no salt is needed since no two tokens share a value.
     */
    public String hash() {
        return Sha256.hex(text);
    }

    @Override
    public String toString() {
        return "Token[" + kind + ", hidden]";
    }

    private static String checksum(String head) {
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM];
        for (int i = CHECKSUM - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /** {@code value} in base62, left-padded with '0' to {@code width} characters. */
    private static String base62(BigInteger value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(SIXTY_TWO);
            out[i] = BASE62.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(out);
    }
}
