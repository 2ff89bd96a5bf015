package io.warden.crypto.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The shared rules of C2SP signed notes: key names, key IDs, strict base64. */
final class NoteFormat {
    /** The signature type byte of Ed25519 in key IDs and key texts. */
    static final byte ED25519 = 0x01;
    static final int ED25519_KEY_BYTES = 32;

    private NoteFormat() {}

    /** Whether {@code name} is a key name: non-empty, with neither Unicode spaces, control characters nor '+'. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty()) return false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+' || c < 0x20 || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isSurrogate(name.charAt(i)) && !Character.isSupplementaryCodePoint(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The key ID: the first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
    static int keyId(String name, byte[] publicKey) {
        MessageDigest d = MerkleHashes.newDigest();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        byte[] h = d.digest(publicKey);
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    /** The bytes of {@code text} in canonical, padded standard base64 (RFC 4648 §4), or null when it is not that. */
    static byte[] base64(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) return null;
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(b).equals(text) ? b : null;
    }

    /** The key ID as 8 lowercase hex digits. */
    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    /** The key ID written as 8 hex digits, or null. */
    static Integer parseHex(String text) {
        if (text.length() != 8) return null;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return null;
        }
        return Integer.parseUnsignedInt(text, 16);
    }
}
