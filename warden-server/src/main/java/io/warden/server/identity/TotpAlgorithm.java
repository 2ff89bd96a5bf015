package io.warden.server.identity;

/** The HMAC behind a TOTP code (RFC 6238 allows SHA-1, SHA-256 and SHA-512), with the key length RFC 6238 uses. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1", 20),
    SHA256("HmacSHA256", 32),
    SHA512("HmacSHA512", 64);

    private final String jcaName;
    private final int keyBytes;

    TotpAlgorithm(String jcaName, int keyBytes) {
        this.jcaName = jcaName;
        this.keyBytes = keyBytes;
    }

    /** The JDK's name for the HMAC. */
    String jcaName() {
        return jcaName;
    }

    /** The length of a fresh secret: the hash's output length (160 bits for SHA-1, as RFC 4226 recommends). */
    public int keyBytes() {
        return keyBytes;
    }

    /** The name in an {@code otpauth://} URI's {@code algorithm} parameter. */
    public String uriName() {
        return name();
    }
}
