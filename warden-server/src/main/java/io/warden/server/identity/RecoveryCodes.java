package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Single-use recovery codes for a user who lost the TOTP device: each is 15 random characters of Crockford's base32
 * alphabet (75 bits), grouped {@code XXXXX-XXXXX-XXXXX}, shown once and stored only as a SHA-256 hash.
 *
 * <p>A fast unsalted hash is enough here, unlike for passwords: the codes are uniformly random with 75 bits of entropy,
 * so neither a dictionary nor a precomputed table helps, and trying 2^74 SHA-256 guesses per code is out of reach.
 *
 * <p>Crockford's alphabet has no I, L, O or U; when a code is typed, case, spaces and dashes are ignored and the
 * look-alikes O, I and L are read as 0, 1 and 1.
 */
public final class RecoveryCodes {
    /** How many codes {@link #generate()} makes. */
    public static final int DEFAULT_COUNT = 10;
    static final int LENGTH = 15;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Freshly generated codes: {@code codes} to show the user once, {@code hashes} (same order) to store.
     *
     * @param codes the codes in clear
     * @param hashes their hex SHA-256 hashes
     */
    public record Issued(List<RecoveryCode> codes, List<String> hashes) {
        public Issued {
            codes = List.copyOf(codes);
            hashes = List.copyOf(hashes);
        }
    }

    private RecoveryCodes() {}

    /** {@link #DEFAULT_COUNT} fresh codes. */
    public static Issued generate() {
        return generate(DEFAULT_COUNT);
    }

    /** {@code count} (1 to 100) fresh, distinct codes. */
    public static Issued generate(int count) {
        if (count < 1 || count > 100) throw new WardenException(ErrorCode.BAD_USAGE, "recovery codes come 1 to 100 at a time");
        List<RecoveryCode> codes = new ArrayList<>(count);
        List<String> hashes = new ArrayList<>(count);
        while (codes.size() < count) {
            char[] c = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
            RecoveryCode code = new RecoveryCode(new String(c));
            String hash = code.hash();
            if (hashes.contains(hash)) continue; // 2^-75: never, but a duplicate would be one code consumed twice
            codes.add(code);
            hashes.add(hash);
        }
        return new Issued(codes, hashes);
    }

    /**
     * The stored hash that the typed code {@code entered} matches, which the caller deletes so that the code cannot be
     * used again; empty when none matches. Every stored hash is compared, in constant time. A typed code that is not
     * 15 characters of the alphabet (after dropping spaces and dashes) is MALFORMED_INPUT.
     */
    public static Optional<String> match(String entered, List<String> storedHashes) {
        String hash = Sha256.hex(canonical(entered));
        Inputs.present(storedHashes, "the stored recovery code hashes");
        String matched = null;
        for (String stored : storedHashes) {
            Inputs.present(stored, "a stored recovery code hash");
            if (Sha256.equal(hash, stored.toLowerCase(Locale.ROOT)) & matched == null) matched = stored;
        }
        return Optional.ofNullable(matched);
    }

    /** The canonical spelling of a typed code: upper case, no spaces or dashes, O read as 0, I and L as 1. */
    static String canonical(String entered) {
        Inputs.present(entered, "the recovery code");
        if (entered.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "the recovery code is empty");
        if (entered.length() > 64) throw Inputs.malformed("the recovery code is not 15 characters");
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < entered.length(); i++) {
            char c = entered.charAt(i);
            if (c == ' ' || c == '-') continue;
            c = c < 128 ? Character.toUpperCase(c) : c;
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0) throw Inputs.malformed("the recovery code holds a character it cannot have");
            b.append(c);
        }
        if (b.length() != LENGTH) throw Inputs.malformed("the recovery code is not 15 characters");
        return b.toString();
    }
}
