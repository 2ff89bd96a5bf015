package io.warden.detect.secret;

/**
 * Shannon entropy of a string's characters, the usual test for "looks random" in secret scanners.
 *
 * <p>A string of n characters can carry at most log2(n) bits per character, so short values cannot reach a
 * fixed threshold: {@link #threshold(int)} relaxes 3.5 bits per character to log2(n) − 0.5 below 16 characters.
 */
public final class Entropy {
    /** The bits per character a long random-looking value must reach. */
    public static final double BITS_PER_CHAR = 3.5;

    private Entropy() {}

    /** Shannon entropy in bits per character of {@code s[start, end)}; 0 for an empty range. */
    public static double bitsPerChar(CharSequence s, int start, int end) {
        int n = end - start;
        if (n <= 0) return 0;
        int[] counts = new int[256];
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            counts[c < 256 ? c : 128 + (c & 127)]++; // non-Latin-1 chars share buckets: a slight underestimate
        }
        double h = 0;
        for (int c : counts) {
            if (c == 0) continue;
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    /** Entropy a value of {@code length} chars must reach: {@code min(3.5, log2(length) - 0.5)}. */
    public static double threshold(int length) {
        if (length <= 1) return 0;
        return Math.min(BITS_PER_CHAR, Math.log(length) / Math.log(2) - 0.5);
    }
}
