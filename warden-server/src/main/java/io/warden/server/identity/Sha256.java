package io.warden.server.identity;

import io.warden.core.io.FileDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** SHA-256 as lower-case hex, the stored form of high-entropy secrets (recovery codes, tokens). */
final class Sha256 {
    private Sha256() {}

    /** The hex SHA-256 of the ASCII text {@code secret}. */
    static String hex(String secret) {
        return FileDigest.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether two hex digests are equal, in time that depends only on their lengths. */
    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
