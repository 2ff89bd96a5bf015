package io.warden.server.audit;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of the sensitive fields of audit events (client addresses, names typed at failed sign-ins): equal
 * values give equal hashes, so an auditor can correlate events, but the log does not hold the values, and without
 * the server's key nobody can test guesses against it.
 */
public final class AuditHasher {
    private final SecretKeySpec key;

    public AuditHasher(SecretBytes key) {
        this.key = new SecretKeySpec(key.toByteArray(InsecureSecretKeyAccess.get()), "HmacSHA256");
    }

    /** HMAC-SHA-256 of {@code value}, the first 16 bytes in hex; null stays null. */
    public String hash(String value) {
        if (value == null) return null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "AuditHasher";
    }
}
