package io.warden.core.io;

/**
 * A deterministic, endless stream of mixed text (ASCII, 2-, 3- and 4-byte UTF-8 code points), so a huge test
 * file can be written and later checked chunk by chunk without holding either in memory.
 */
final class PatternText {
    private static final int[] ALPHABET = buildAlphabet();

    private long index;
    private char pendingLow;

    /** The code point at position {@code i}. */
    static int codePointAt(long i) {
        long h = i * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return ALPHABET[(int) Long.remainderUnsigned(h, ALPHABET.length)];
    }

    /** The next UTF-16 char of the stream. */
    char nextChar() {
        if (pendingLow != 0) {
            char c = pendingLow;
            pendingLow = 0;
            return c;
        }
        int cp = codePointAt(index++);
        if (Character.isBmpCodePoint(cp)) {
            return (char) cp;
        }
        pendingLow = Character.lowSurrogate(cp);
        return Character.highSurrogate(cp);
    }

    /** Code points handed out so far (a pending low surrogate belongs to the last one). */
    long codePoints() {
        return index;
    }

    private static int[] buildAlphabet() {
        String letters = "abcdefghijklmnopqrstuvwxyz ";
        int[] a = new int[letters.length() + 3];
        for (int i = 0; i < letters.length(); i++) {
            a[i] = letters.charAt(i);
        }
        a[letters.length()] = 'é';
        a[letters.length() + 1] = '€';
        a[letters.length() + 2] = 0x1F600; // 😀, a surrogate pair in UTF-16
        return a;
    }
}
