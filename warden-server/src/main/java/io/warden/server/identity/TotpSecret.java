package io.warden.server.identity;

import com.google.common.io.BaseEncoding;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The shared key of a TOTP authenticator; {@link #toString()} never shows it. Exchanged as RFC 4648 base32 without
 * padding, the form authenticator apps take.
 *
 * <p>The caller stores {@link #base32()} and should keep it encrypted at rest (it is a key, not a hash: the server
 * needs it to compute codes).
 */
public final class TotpSecret {
    /** RFC 4226 asks for at least 128 bits. */
    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 128;
    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private TotpSecret(byte[] key) {
        this.key = key;
    }

    /** A fresh random secret as long as {@code algorithm}'s output (160 bits for SHA-1). */
    public static TotpSecret generate(TotpAlgorithm algorithm) {
        Inputs.present(algorithm, "the TOTP algorithm");
        byte[] key = new byte[algorithm.keyBytes()];
        RANDOM.nextBytes(key);
        return new TotpSecret(key);
    }

    /**
     * The secret spelled {@code base32} (RFC 4648, either case, no padding, no spaces), of 16 to 128 bytes; otherwise
     * a one-line MALFORMED_INPUT error that does not quote it.
     */
    public static TotpSecret fromBase32(String base32) {
        Inputs.printableAscii(base32, "the TOTP secret", (MAX_BYTES * 8 + 4) / 5);
        String upper = base32.toUpperCase(Locale.ROOT);
        byte[] key;
        try {
            key = BASE32.decode(upper);
        } catch (IllegalArgumentException e) {
            throw Inputs.malformed("the TOTP secret is not unpadded base32");
        }
        if (!BASE32.encode(key).equals(upper)) throw Inputs.malformed("the TOTP secret is not canonical base32");
        if (key.length < MIN_BYTES) throw Inputs.malformed("the TOTP secret is shorter than 128 bits");
        return new TotpSecret(key);
    }

    /** A secret of these bytes (copied): RFC 6238's test seeds. */
    static TotpSecret ofBytes(byte[] key) {
        return new TotpSecret(key.clone());
    }

    /** Reveals the secret as unpadded upper-case base32, for the enrollment URI and for storage. */
    public String base32() {
        return BASE32.encode(key);
    }

    /** A copy of the key bytes; the caller wipes it. */
    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
