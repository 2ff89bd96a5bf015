package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Ff1;
import io.warden.crypto.Keyring;
import java.util.Arrays;
import java.util.Locale;

/**
 * Format-preserving encryption: the characters of an alphabet (digits, letters) are encrypted with FF1 (NIST SP
 * 800-38G) as one numeral string, so the value keeps its length, its alphabet and the place of every other character
 * ({@code 4111 1111-1111 1111} stays four groups of digits). Reversible with {@link #reveal}.
 *
 * <p>Key: {@code keyring.deriveKey("warden/fpe/ff1", 32)}, an AES-256 key (see {@link Keyring#deriveKey}). Tweak:
 * the UTF-8 field name (empty without one), so equal values in different fields encrypt differently. Numerals are
 * the positions of the characters in the alphabet's string (see {@link Alphabet}).
 *
 * <p><b>Short values.</b> FF1 needs a domain of at least a million values: {@link #minLength()} alphabet characters
 * (6 digits, 5 lower- or uppercase letters, 4 letters or alphanumerics). A value with fewer is masked instead: each
 * alphabet character becomes {@code *} (irreversible; {@link #reveal} returns such a value unchanged).
 *
 * <p><b>Card numbers.</b> Plain FPE of a card number gives a valid Luhn check digit only one time in ten. With
 * {@code luhn} (digits only) the last digit is treated as the check digit: the others are encrypted and the check
 * digit is recomputed, keeping the original's offset from a valid one (so a valid number stays valid and the
 * mapping stays reversible).
 *
 * <p>FF1 has no integrity and the output carries no key id: revealing with another key gives wrong digits, not an
 * error, and values protected before a {@link Keyring#rotate()} need the PRF key id they were made with
 * ({@link #Fpe(Keyring, Alphabet, boolean, int)}).
 */
public final class Fpe implements Operator {
    public static final String NAME = "fpe";
    /** The purpose label of the derived FF1 key. */
    public static final String KEY_PURPOSE = "warden/fpe/ff1";
    private static final char MASK = '*';

    /** Which characters are encrypted; the string's order gives each character its numeral. */
    public enum Alphabet {
        DIGITS("0123456789"),
        LOWER("abcdefghijklmnopqrstuvwxyz"),
        UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ALPHA("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        ALNUM("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

        private final String chars;
        private final byte[] numeralOf = new byte[128];

        Alphabet(String chars) {
            this.chars = chars;
            Arrays.fill(numeralOf, (byte) -1);
            for (int i = 0; i < chars.length(); i++) numeralOf[chars.charAt(i)] = (byte) i;
        }

        /** The alphabet's characters in numeral order. */
        public String chars() {
            return chars;
        }

        int radix() {
            return chars.length();
        }

        /** Numeral of {@code c}, or -1 when {@code c} is not in the alphabet. */
        int numeral(char c) {
            return c < 128 ? numeralOf[c] : -1;
        }

        /** The alphabet named {@code name} in a policy: digits, lower, upper, alpha or alnum (any case). */
        public static Alphabet named(String name) {
            requireNonNull(name, "alphabet");
            for (Alphabet a : values()) if (a.name().equalsIgnoreCase(name.strip())) return a;
            throw new IllegalArgumentException("fpe: unknown alphabet '" + name
                    + "' (use digits, lower, upper, alpha or alnum)");
        }
    }

    private final Alphabet alphabet;
    private final boolean luhn;
    private final int prfKeyId;
    private final Ff1 ff1;
    private final int minNumerals;

    /** FPE with the primary PRF key's FF1 key. */
    public Fpe(Keyring keyring, Alphabet alphabet, boolean luhn) {
        this(keyring, alphabet, luhn, requireNonNull(keyring, "fpe needs a keyring").prfPrimaryKeyId());
    }

    /**
     * FPE with the FF1 key derived from the PRF key {@code prfKeyId} — for revealing values protected before a
     * rotation.
     *
     * @param keyring the keys; required
     * @param alphabet the characters to encrypt
     * @param luhn keep card numbers' Luhn validity (digits only)
     * @param prfKeyId a PRF key id of the keyring ({@link Keyring#prfKeyIds()})
     */
    public Fpe(Keyring keyring, Alphabet alphabet, boolean luhn, int prfKeyId) {
        requireNonNull(keyring, "fpe needs a keyring");
        this.alphabet = requireNonNull(alphabet, "alphabet");
        if (luhn && alphabet != Alphabet.DIGITS) {
            throw new IllegalArgumentException("fpe: luhn needs the digits alphabet, not "
                    + alphabet.name().toLowerCase(Locale.ROOT));
        }
        this.luhn = luhn;
        this.prfKeyId = prfKeyId;
        this.ff1 = new Ff1(keyring.deriveKey(KEY_PURPOSE, 32, prfKeyId), alphabet.radix());
        this.minNumerals = Ff1.minLength(alphabet.radix());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Alphabet characters a value needs to be encrypted rather than masked (plus the check digit with luhn). */
    public int minLength() {
        return minNumerals + (luhn ? 1 : 0);
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public boolean luhn() {
        return luhn;
    }

    @Override
    public String apply(String value, Target target) {
        return crypt(value, target.field(), true);
    }

    /**
     * The value {@link #apply} encrypted in {@code field}. A value without alphabet characters (a masked short
     * value) is returned as it is.
     *
     * @throws WardenException MALFORMED_INPUT if the value has alphabet characters but fewer than FF1 allows, so it
     *     cannot have come from this operator
     */
    public String reveal(String value, String field) {
        return crypt(value, field, false);
    }

    private String crypt(String value, String field, boolean encrypt) {
        char[] chars = value.toCharArray();
        int[] positions = new int[chars.length];
        int count = 0;
        for (int i = 0; i < chars.length; i++) {
            if (alphabet.numeral(chars[i]) >= 0) positions[count++] = i;
        }
        int payload = luhn ? count - 1 : count;
        if (payload < minNumerals) {
            if (encrypt) {
                for (int k = 0; k < count; k++) chars[positions[k]] = MASK;
                return new String(chars);
            }
            if (count == 0) return value;
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "fpe: a value in field "
                    + (field == null ? "(none)" : "'" + field + "'") + " has " + count
                    + " characters to decrypt, fewer than FF1's minimum " + minLength());
        }
        byte[] numerals = new byte[payload];
        for (int k = 0; k < payload; k++) numerals[k] = (byte) alphabet.numeral(chars[positions[k]]);
        byte[] tweak = Bytes.field(field);
        byte[] out = encrypt ? ff1.encrypt(numerals, tweak) : ff1.decrypt(numerals, tweak);
        for (int k = 0; k < payload; k++) chars[positions[k]] = alphabet.chars.charAt(out[k]);
        if (luhn) {
            // check digit = Luhn(payload) + offset, where offset is the input's distance from a valid number
            int checkAt = positions[count - 1];
            int offset = Math.floorMod((chars[checkAt] - '0') - luhnDigit(numerals), 10);
            chars[checkAt] = (char) ('0' + (luhnDigit(out) + offset) % 10);
        }
        return new String(chars);
    }

    /** The Luhn check digit that makes {@code digits} followed by it a valid number. */
    static int luhnDigit(byte[] digits) {
        int sum = 0;
        boolean dbl = true; // the rightmost payload digit is doubled
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = digits[i];
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return "Fpe[alphabet=" + alphabet.name().toLowerCase(Locale.ROOT) + ", luhn=" + luhn + ", prfKey="
                + Integer.toUnsignedString(prfKeyId) + "]";
    }
}
