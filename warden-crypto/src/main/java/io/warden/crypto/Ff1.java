package io.warden.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G rev. 1) with AES: encrypts a string of numerals in base
 * {@code radix} to another string of the same length and base.
 *
 * <p>Numeral strings must have at least {@link #minLength(int)} numerals, so that the domain {@code radix^n} holds
 * at least one million values as SP 800-38G rev. 1 requires. FF1 has no integrity: decrypting with the wrong key
 * or tweak gives a wrong string, not an error.
 *
 * <p>Two implementations give identical results. When the half-strings fit in 55 bits ({@code radix^ceil(n/2) <
 * 2^55}: up to 32 decimal digits, 18 alphanumerics) the rounds run on {@code long} arithmetic with the JDK's AES
 * (AES-NI where the CPU has it). The CBC-MAC over P and the tweak's blocks is the same for every value of one
 * length and tweak, so each thread keeps it for the last (length, tweak) it saw: a value then costs the ten round
 * blocks. Longer strings go to Bouncy Castle's {@link FPEFF1Engine}, which works on {@link BigInteger} and its own
 * AES and is about ten times slower. Tests check the fast path against Bouncy Castle on random inputs and both
 * against NIST's sample vectors.
 *
 * <p>Immutable and thread-safe (one AES cipher object and scratch state per thread).
 */
public final class Ff1 {
    /** Smallest domain SP 800-38G rev. 1 allows: radix^length must be at least this. */
    public static final int MIN_DOMAIN = 1_000_000;
    private static final int ROUNDS = 10;
    private static final long FAST_LIMIT = 1L << 55;

    private final SecretKeySpec key;
    private final int radix;
    /** radixPow[k] = radix^k while below {@link #FAST_LIMIT}; the fast path needs radix^v among them. */
    private final long[] radixPow;
    private final int minLength;
    private final ThreadLocal<ThreadState> threadState = ThreadLocal.withInitial(ThreadState::new);

    /**
     * @param key an AES key of 16, 24 or 32 bytes
     * @param radix the base of the numerals, 2 to 256
     */
    public Ff1(SecretBytes key, int radix) {
        requireNonNull(key, "key");
        if (key.size() != 16 && key.size() != 24 && key.size() != 32) {
            throw new IllegalArgumentException("FF1: the AES key must be 16, 24 or 32 bytes, not " + key.size());
        }
        if (radix < 2 || radix > 256) throw new IllegalArgumentException("FF1: radix must be 2 to 256, not " + radix);
        this.radix = radix;
        byte[] raw = key.toByteArray(InsecureSecretKeyAccess.get());
        this.key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
        long[] pows = new long[64];
        int k = 0;
        for (long p = 1; p < FAST_LIMIT; p *= radix) {
            pows[k++] = p;
            if (p > FAST_LIMIT / radix) break;
        }
        this.radixPow = Arrays.copyOf(pows, k);
        this.minLength = minLength(radix);
    }

    /** The smallest numeral-string length FF1 accepts for {@code radix}: radix^length ≥ 1,000,000 (and ≥ 2). */
    public static int minLength(int radix) {
        if (radix < 2) throw new IllegalArgumentException("FF1: radix must be at least 2");
        int n = 1;
        for (long d = radix; d < MIN_DOMAIN; d *= radix) n++;
        return Math.max(2, n);
    }

    public int radix() {
        return radix;
    }

    /**
     * Encrypts {@code numerals} (each 0 to radix-1) under {@code tweak}.
     *
     * @throws IllegalArgumentException if a numeral is out of range or the string is shorter than
     *     {@link #minLength(int)}
     */
    public byte[] encrypt(byte[] numerals, byte[] tweak) {
        return crypt(numerals, tweak, true);
    }

    /** Decrypts what {@link #encrypt} gave for the same tweak. */
    public byte[] decrypt(byte[] numerals, byte[] tweak) {
        return crypt(numerals, tweak, false);
    }

    @Override
    public String toString() {
        return "Ff1[radix=" + radix + "]";
    }

    private byte[] crypt(byte[] x, byte[] tweak, boolean encrypt) {
        requireNonNull(x, "numerals");
        requireNonNull(tweak, "tweak");
        int n = x.length;
        if (n < minLength) {
            throw new IllegalArgumentException("FF1: " + n + " numerals in radix " + radix + " is below the minimum "
                    + minLength);
        }
        for (byte numeral : x) {
            if ((numeral & 0xff) >= radix) {
                throw new IllegalArgumentException("FF1: numeral out of range for radix " + radix);
            }
        }
        int u = n / 2;
        int v = n - u;
        if (v >= radixPow.length) return bouncyCastle(x, tweak, encrypt);
        try {
            return fast(x, tweak, encrypt, u, v);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "FF1: AES failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** SP 800-38G Algorithms 7 and 8 with numeral strings as longs; every name below is the standard's. */
    private byte[] fast(byte[] x, byte[] tweak, boolean encrypt, int u, int v) throws GeneralSecurityException {
        int n = u + v;
        int b = (bitLength(radixPow[v] - 1) + 7) / 8;
        int d = 4 * ((b + 3) / 4) + 4;
        ThreadState ts = threadState.get();
        Cipher cipher = ts.cipher;
        byte[] last = ts.macPrefix(n, u, b, tweak);
        byte[] block = ts.block;
        byte[] r = ts.r;

        long a = num(x, 0, u);
        long bb = num(x, u, n);
        for (int k = 0; k < ROUNDS; k++) {
            int i = encrypt ? k : ROUNDS - 1 - k;
            long m = radixPow[(i & 1) == 0 ? u : v];
            long fed = encrypt ? bb : a; // NUM(B) when encrypting, NUM(A) when decrypting
            System.arraycopy(last, 0, block, 0, 16);
            block[15 - b] ^= (byte) i;
            for (int j = 0; j < b; j++) block[15 - j] ^= (byte) (fed >>> (8 * j));
            cipher.update(block, 0, 16, r, 0);
            long y = numModulo(r, d, m); // NUM(S) mod radix^m; S is the first d bytes of R
            if (encrypt) {
                long c = a + y; // both below m: one subtraction reduces
                if (c >= m) c -= m;
                a = bb;
                bb = c;
            } else {
                long c = bb - y;
                if (c < 0) c += m;
                bb = a;
                a = c;
            }
        }
        byte[] out = new byte[n];
        str(a, out, 0, u);
        str(bb, out, u, n);
        return out;
    }

    /**
     * One thread's AES cipher and scratch blocks, and the CBC-MAC state over P and the constant blocks of Q for the
     * last (length, tweak) seen — the same for every value of a column, so each value costs the ten round blocks.
     */
    private final class ThreadState {
        final Cipher cipher = newAes(key);
        final byte[] block = new byte[16];
        final byte[] r = new byte[16];
        private int cachedLength = -1;
        private byte[] cachedTweak = new byte[0];
        private final byte[] last = new byte[16];

        /** CBC state after P and Q's leading blocks, XORed with Q's last block without [i] and NUM(B). */
        byte[] macPrefix(int n, int u, int b, byte[] tweak) throws GeneralSecurityException {
            if (n == cachedLength && Arrays.equals(tweak, cachedTweak)) return last;
            int t = tweak.length;
            byte[] p = {1, 2, 1, (byte) (radix >>> 16), (byte) (radix >>> 8), (byte) radix, 10, (byte) u,
                (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n,
                (byte) (t >>> 24), (byte) (t >>> 16), (byte) (t >>> 8), (byte) t};
            byte[] state = new byte[16];
            cipher.update(p, 0, 16, state, 0);
            int qLength = t + Math.floorMod(-t - b - 1, 16) + 1 + b;
            byte[] q = new byte[qLength];
            System.arraycopy(tweak, 0, q, 0, t);
            for (int off = 0; off + 16 < qLength; off += 16) {
                for (int j = 0; j < 16; j++) state[j] ^= q[off + j];
                cipher.update(state, 0, 16, state, 0);
            }
            for (int j = 0; j < 16; j++) last[j] = (byte) (state[j] ^ q[qLength - 16 + j]);
            cachedLength = n;
            cachedTweak = tweak.clone();
            return last;
        }
    }

    /**
     * The first {@code d} bytes of {@code r} as a big-endian number, modulo {@code m} (below 2^55): the first 8 bytes
     * with one unsigned remainder, each further byte (d is 8 or 12 here) shifted into a remainder below 2^55.
     */
    static long numModulo(byte[] r, int d, long m) {
        int head = Math.min(d, 8);
        long y = 0;
        for (int j = 0; j < head; j++) y = (y << 8) | (r[j] & 0xff);
        y = Long.remainderUnsigned(y, m);
        for (int j = head; j < d; j++) y = ((y << 8) | (r[j] & 0xff)) % m;
        return y;
    }

    private long num(byte[] x, int from, int to) {
        long acc = 0;
        for (int i = from; i < to; i++) acc = acc * radix + (x[i] & 0xff);
        return acc;
    }

    private void str(long value, byte[] out, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            long q = divideByRadix(value);
            out[i] = (byte) (value - q * radix);
            value = q;
        }
    }

    /** {@code value / radix}, with the alphabets' radices as constants so that the JIT divides by multiplying. */
    private long divideByRadix(long value) {
        return switch (radix) {
            case 10 -> value / 10;
            case 26 -> value / 26;
            case 36 -> value / 36;
            case 52 -> value / 52;
            case 62 -> value / 62;
            default -> value / radix;
        };
    }

    private static int bitLength(long value) {
        return 64 - Long.numberOfLeadingZeros(value);
    }

    private byte[] bouncyCastle(byte[] x, byte[] tweak, boolean encrypt) {
        byte[] raw = key.getEncoded();
        try {
            FPEFF1Engine engine = new FPEFF1Engine();
            engine.init(encrypt, new FPEParameters(new KeyParameter(raw), radix, tweak.clone()));
            byte[] out = new byte[x.length];
            engine.processBlock(x, 0, x.length, out, 0);
            return out;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static Cipher newAes(SecretKeySpec key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "FF1: no AES in this JDK (" + e.getClass().getSimpleName() + ")");
        }
    }
}
