package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the stored form of high-entropy secrets (recovery codes, tokens). */
final class Sha256 {
    private Sha256() {}

    /** The hex SHA-256 of the ASCII text {@code secret}. */
    static String hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new WardenException(ErrorCode.INTERNAL, "the JDK has no SHA-256", e);
        }
    }

    /** Whether two hex digests are equal, in time that depends only on their lengths. */
    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
