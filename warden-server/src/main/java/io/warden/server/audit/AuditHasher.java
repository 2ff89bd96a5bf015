package io.warden.server.audit;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of the sensitive fields of audit events (client addresses, names typed at failed sign-ins): equal
 * values give equal hashes, so an auditor can correlate events, but the log does not hold the values, and without
 * the server's key nobody can test guesses against it.
 */
public final class AuditHasher {
    /** Client addresses remembered with their hash; the map is emptied when it reaches this size. */
    static final int CACHED_ADDRESSES = 4096;

    private final Mac prototype;
    private final ConcurrentHashMap<String, String> addresses = new ConcurrentHashMap<>();

    public AuditHasher(SecretBytes key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.toByteArray(InsecureSecretKeyAccess.get()), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** HMAC-SHA-256 of {@code value}, the first 16 bytes in hex; null stays null. */
    public String hash(String value) {
        if (value == null) return null;
        Mac mac;
        try {
            // a copy of the keyed prototype: no provider look-up and no key set-up per call; the prototype is only read
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be copied", e);
        }
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }

    /**
     * {@link #hash} of a client address, which every request needs and few clients send: remembered, up to
     * {@value #CACHED_ADDRESSES} addresses (then forgotten all at once, so a flood of addresses cannot grow it).
     */
    public String hashAddress(String address) {
        if (address == null) return null;
        String known = addresses.get(address);
        if (known != null) return known;
        String h = hash(address);
        if (addresses.size() >= CACHED_ADDRESSES) addresses.clear();
        addresses.put(address, h);
        return h;
    }

    @Override
    public String toString() {
        return "AuditHasher";
    }
}
