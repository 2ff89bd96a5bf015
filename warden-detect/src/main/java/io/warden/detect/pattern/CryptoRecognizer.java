package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Finds cryptocurrency wallet addresses: Bitcoin (Base58Check and Bech32/Bech32m) and Ethereum.
 *
 * <p>Rules: Bitcoin legacy addresses — Base58Check (Bitcoin Core {@code base58.cpp}): version byte 0x00 (P2PKH,
 * {@code 1…}) or 0x05 (P2SH, {@code 3…}), 20-byte hash, 4-byte checksum = first four bytes of double SHA-256;
 * 26–35 chars. SegWit addresses — BIP-173 (Bech32, witness version 0, 20- or 32-byte program) and BIP-350
 * (Bech32m, versions 1–16, e.g. Taproot), human-readable part {@code bc}. Ethereum — {@code 0x} and 40 hex digits;
 * mixed case must pass the EIP-55 checksum (Keccak-256 from Bouncy Castle). Valid checksums score 1.0; an
 * all-lower or all-upper Ethereum address, which carries no checksum, 0.6; a failed checksum is not reported.
 * The Base58 and Bech32 decoders are written out because no dependency we ship has them (bitcoinj would be ~5 MB
 * for two functions); both follow the reference code in the BIPs.
 */
public final class CryptoRecognizer implements Recognizer {
    static final String ENTITY = "CRYPTO";
    static final double ETH_NO_CHECKSUM = 0.6;

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("wallet", "bitcoin", "btc", "eth", "ethereum", "address", "crypto", "cryptocurrency", "send",
                "pay");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            int len = text.tokenLength(i);
            if (len < 26 || (text.tokenFlags(i) & ScanText.HAS_DIGIT) == 0) continue;
            int start = text.tokenStart(i);
            int end = text.tokenEnd(i);
            char c0 = s.charAt(start);
            double score = 0;
            if ((c0 == '1' || c0 == '3') && len <= 35) {
                score = base58Check(s, start, end) ? 1.0 : 0;
            } else if ((c0 == 'b' || c0 == 'B') && len <= 90 && s.regionMatches(true, start, "bc1", 0, 3)) {
                score = segwit(s, start, end) ? 1.0 : 0;
            } else if (c0 == '0' && len == 42 && s.charAt(start + 1) == 'x' && Chars.allHex(s, start + 2, end)) {
                score = ethereum(s, start + 2, end);
            }
            if (score > 0 && !Chars.charIs(s, start - 1, '_') && !Chars.charIs(s, end, '_')) {
                sink.report(start, end, ENTITY, score);
            }
        }
    }

    /** Base58Check with a P2PKH or P2SH version byte and a valid double-SHA-256 checksum. */
    static boolean base58Check(String s, int from, int to) {
        byte[] b = new byte[25];
        int leadingOnes = 0;
        boolean leading = true;
        for (int i = from; i < to; i++) {
            int v = BASE58.indexOf(s.charAt(i));
            if (v < 0) return false;
            if (leading && v == 0) leadingOnes++;
            else leading = false;
            int carry = v;
            for (int k = b.length - 1; k >= 0; k--) {
                carry += 58 * (b[k] & 0xff);
                b[k] = (byte) carry;
                carry >>>= 8;
            }
            if (carry != 0) return false; // more than 25 bytes
        }
        int leadingZeros = 0;
        while (leadingZeros < b.length && b[leadingZeros] == 0) leadingZeros++;
        if (leadingZeros != leadingOnes) return false; // not the canonical encoding of 25 bytes
        if (b[0] != 0x00 && b[0] != 0x05) return false;
        byte[] hash = sha256(sha256(Arrays.copyOf(b, 21)));
        for (int k = 0; k < 4; k++) {
            if (hash[k] != b[21 + k]) return false;
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A BIP-173/BIP-350 SegWit address with human-readable part "bc". */
    static boolean segwit(String s, int from, int to) {
        boolean lower = false;
        boolean upper = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Chars.isLower(c)) lower = true;
            else if (Chars.isUpper(c)) upper = true;
        }
        if (lower && upper) return false; // BIP-173: mixed case is invalid
        int dataStart = from + 3; // after "bc1"
        int dataLen = to - dataStart;
        if (dataLen < 7) return false;
        int[] data = new int[dataLen];
        for (int i = 0; i < dataLen; i++) {
            int v = BECH32.indexOf(Character.toLowerCase(s.charAt(dataStart + i)));
            if (v < 0) return false;
            data[i] = v;
        }
        // polymod over hrp expansion of "bc", then the data part
        int chk = 1;
        for (char c : new char[] {'b', 'c'}) chk = polymodStep(chk) ^ (c >> 5);
        chk = polymodStep(chk);
        for (char c : new char[] {'b', 'c'}) chk = polymodStep(chk) ^ (c & 31);
        for (int v : data) chk = polymodStep(chk) ^ v;
        int version = data[0];
        if (version > 16) return false;
        int want = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (chk != want) return false;
        int programLen = programBytes(data, 1, dataLen - 6);
        if (programLen < 2 || programLen > 40) return false;
        return version != 0 || programLen == 20 || programLen == 32;
    }

    private static int polymodStep(int pre) {
        int b = pre >>> 25;
        int chk = (pre & 0x1ffffff) << 5;
        if ((b & 1) != 0) chk ^= 0x3b6a57b2;
        if ((b & 2) != 0) chk ^= 0x26508e6d;
        if ((b & 4) != 0) chk ^= 0x1ea119fa;
        if ((b & 8) != 0) chk ^= 0x3d4233dd;
        if ((b & 16) != 0) chk ^= 0x2a1462b3;
        return chk;
    }

    /** Bytes of the 5-to-8-bit converted program in data[from, to), or -1 if the padding is invalid (BIP-173). */
    private static int programBytes(int[] data, int from, int to) {
        int acc = 0;
        int bits = 0;
        int out = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out++;
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) return -1;
        return out;
    }

    /** EIP-55: 1.0 for a valid mixed-case checksum, 0.6 for single-case hex, 0 for a failed checksum. */
    static double ethereum(String s, int from, int to) {
        boolean lower = false;
        boolean upper = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'f') lower = true;
            else if (c >= 'A' && c <= 'F') upper = true;
        }
        if (!(lower && upper)) return ETH_NO_CHECKSUM;
        byte[] ascii = new byte[40];
        for (int i = 0; i < 40; i++) ascii[i] = (byte) Character.toLowerCase(s.charAt(from + i));
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(ascii, 0, ascii.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(from + i);
            if (!Chars.isLetter(c)) continue;
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            if ((nibble >= 8) != Chars.isUpper(c)) return 0;
        }
        return 1.0;
    }
}
