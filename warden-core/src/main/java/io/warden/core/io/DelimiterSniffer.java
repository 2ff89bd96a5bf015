package io.warden.core.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses a CSV file's delimiter from its first bytes: the candidate ({@code , ; TAB |}) whose count per line,
 * outside quotes, is the most consistent and not zero.
 *
 * <p>For each candidate the most common per-line count (the mode) is found, and its consistency is the share of
 * lines having exactly that count. Candidates whose mode is zero are out. Among the rest, those within
 * {@value #NEAR_TIE} of the best consistency are near-ties, and the one giving the most columns wins (a text
 * column with one comma per row must not beat a consistent {@code ;} with eight per row); remaining ties go to the
 * earlier candidate in the order above. If nothing qualifies, the file is read as single-column {@code ,} CSV.
 */
final class DelimiterSniffer {
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    static final double NEAR_TIE = 0.05;
    private static final char DEFAULT = ',';

    private DelimiterSniffer() {}

    /**
     * Picks the delimiter for {@code sample}, the first bytes of the file.
     *
     * @param complete whether the sample is the whole file (otherwise its last, possibly cut, line is ignored)
     */
    static char sniff(byte[] sample, boolean complete) {
        int[][] counts = countPerLine(sample, complete);
        char best = DEFAULT;
        double bestConsistency = -1;
        int bestMode = 0;
        double[] consistency = new double[CANDIDATES.length];
        int[] modes = new int[CANDIDATES.length];
        for (int c = 0; c < CANDIDATES.length; c++) {
            int[] perLine = counts[c];
            if (perLine.length == 0) {
                return DEFAULT;
            }
            modes[c] = mode(perLine);
            int agree = 0;
            for (int n : perLine) {
                if (n == modes[c]) {
                    agree++;
                }
            }
            consistency[c] = modes[c] == 0 ? -1 : (double) agree / perLine.length;
            bestConsistency = Math.max(bestConsistency, consistency[c]);
        }
        if (bestConsistency <= 0) {
            return DEFAULT;
        }
        for (int c = 0; c < CANDIDATES.length; c++) {
            if (consistency[c] >= bestConsistency - NEAR_TIE && modes[c] > bestMode) {
                best = CANDIDATES[c];
                bestMode = modes[c];
            }
        }
        return best;
    }

    /** For each candidate, its count on each non-empty line (quoted newlines do not end a line). */
    private static int[][] countPerLine(byte[] sample, boolean complete) {
        int[][] counts = new int[CANDIDATES.length][16];
        int lines = 0;
        int[] current = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean lineHasContent = false;
        for (byte b : sample) {
            if (b == '"') {
                quoted = !quoted;
                lineHasContent = true;
            } else if (quoted) {
                continue;
            } else if (b == '\n' || b == '\r') {
                if (lineHasContent) {
                    counts = store(counts, lines++, current);
                }
                current = new int[CANDIDATES.length];
                lineHasContent = false;
            } else {
                lineHasContent = true;
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (b == CANDIDATES[c]) {
                        current[c]++;
                    }
                }
            }
        }
        if (lineHasContent && (complete || lines == 0)) {
            counts = store(counts, lines++, current);
        }
        int[][] result = new int[CANDIDATES.length][];
        for (int c = 0; c < CANDIDATES.length; c++) {
            result[c] = Arrays.copyOf(counts[c], lines);
        }
        return result;
    }

    private static int[][] store(int[][] counts, int line, int[] current) {
        if (line == counts[0].length) {
            for (int c = 0; c < CANDIDATES.length; c++) {
                counts[c] = Arrays.copyOf(counts[c], line * 2);
            }
        }
        for (int c = 0; c < CANDIDATES.length; c++) {
            counts[c][line] = current[c];
        }
        return counts;
    }

    /** The most frequent value; ties go to the larger value. */
    private static int mode(int[] values) {
        Map<Integer, Integer> freq = new HashMap<>();
        int mode = 0;
        int modeFreq = 0;
        for (int v : values) {
            int f = freq.merge(v, 1, Integer::sum);
            if (f > modeFreq || (f == modeFreq && v > mode)) {
                mode = v;
                modeFreq = f;
            }
        }
        return mode;
    }
}
