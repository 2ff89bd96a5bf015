package io.warden.detect;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One text to analyze, lexed once into word tokens that every {@link Recognizer} shares.
 *
 * <p>A token is a maximal run of letters and digits (so {@code "api_key=abc"} is three tokens: {@code api},
 * {@code key}, {@code abc}). Recognizers use tokens as anchors — a digit token where a card number may start, a
 * capitalised token that may be a name — and then match only there. Lexing is one pass over the chars with an
 * ASCII fast path; recognizers that need something else (the {@code @} of an email) use {@code indexOf}.
 *
 * <p>Not thread-safe: one instance is analyzed by one thread.
 */
public final class ScanText {
    /** Token consists of digits only. */
    public static final int DIGITS = 1;
    /** Token consists of letters only. */
    public static final int LETTERS = 1 << 1;
    /** First char is an upper-case letter. */
    public static final int UPPER_FIRST = 1 << 2;
    /** Has at least one upper-case letter. */
    public static final int HAS_UPPER = 1 << 3;
    /** Has at least one lower-case letter. */
    public static final int HAS_LOWER = 1 << 4;
    /** Has at least one digit. */
    public static final int HAS_DIGIT = 1 << 5;

    // ASCII classes: 0 other, 1 digit, 2 upper, 3 lower
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = '0'; c <= '9'; c++) ASCII[c] = 1;
        for (int c = 'A'; c <= 'Z'; c++) ASCII[c] = 2;
        for (int c = 'a'; c <= 'z'; c++) ASCII[c] = 3;
    }

    private final String text;
    private final String field;
    private int[] starts;
    private int[] ends;
    private byte[] flags;
    private int count = -1;

    /**
     * @param text the text
     * @param field the field (column) name the text came from, or {@code null}; its words count as context
     */
    public ScanText(String text, String field) {
        this.text = requireNonNull(text, "text");
        this.field = field;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    /** The field name, or {@code null}. */
    public String field() {
        return field;
    }

    public int tokenCount() {
        lex();
        return count;
    }

    public int tokenStart(int i) {
        return starts[i];
    }

    public int tokenEnd(int i) {
        return ends[i];
    }

    public int tokenLength(int i) {
        return ends[i] - starts[i];
    }

    /** Bit set of {@link #DIGITS}, {@link #LETTERS}, {@link #UPPER_FIRST}, ... for token {@code i}. */
    public int tokenFlags(int i) {
        return flags[i];
    }

    public boolean isDigits(int i) {
        return (flags[i] & DIGITS) != 0;
    }

    public String token(int i) {
        return text.substring(starts[i], ends[i]);
    }

    /** Whether token {@code i} equals {@code word} ignoring case. */
    public boolean tokenEqualsIgnoreCase(int i, String word) {
        int len = ends[i] - starts[i];
        return len == word.length() && text.regionMatches(true, starts[i], word, 0, len);
    }

    /** Index of the first token that ends after char {@code pos} (may start after it), or tokenCount(). */
    public int tokenAtOrAfter(int pos) {
        lex();
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Whether char {@code i} is an ASCII or Unicode letter or digit (a token char). */
    public static boolean isWordChar(char c) {
        return c < 128 ? ASCII[c] != 0 : Character.isLetterOrDigit(c);
    }

    private void lex() {
        if (count >= 0) return;
        int n = text.length();
        int cap = Math.max(16, n / 5);
        int[] s = new int[cap];
        int[] e = new int[cap];
        byte[] f = new byte[cap];
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int cls = c < 128 ? ASCII[c] : unicodeClass(c);
            if (cls == 0) {
                i++;
                continue;
            }
            int start = i;
            int fl = cls == 2 ? UPPER_FIRST | HAS_UPPER : 0;
            boolean digits = true;
            boolean letters = true;
            do {
                switch (cls) {
                    case 1 -> { letters = false; fl |= HAS_DIGIT; }
                    case 2 -> { digits = false; fl |= HAS_UPPER; }
                    case 3 -> { digits = false; fl |= HAS_LOWER; }
                    default -> { digits = false; }
                }
                if (++i >= n) break;
                c = text.charAt(i);
                cls = c < 128 ? ASCII[c] : unicodeClass(c);
            } while (cls != 0);
            if (digits) fl |= DIGITS;
            if (letters) fl |= LETTERS;
            if (k == s.length) {
                int newCap = s.length * 2;
                s = Arrays.copyOf(s, newCap);
                e = Arrays.copyOf(e, newCap);
                f = Arrays.copyOf(f, newCap);
            }
            s[k] = start;
            e[k] = i;
            f[k] = (byte) fl;
            k++;
        }
        starts = s;
        ends = e;
        flags = f;
        count = k;
    }

    // 0 other, 1 digit, 2 upper letter, 3 lower letter, 4 other letter (e.g. CJK, marks within words)
    private static int unicodeClass(char c) {
        if (Character.isDigit(c)) return 1;
        if (Character.isUpperCase(c) || Character.isTitleCase(c)) return 2;
        if (Character.isLowerCase(c)) return 3;
        if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.isSurrogate(c)) return 4;
        return 0;
    }

    /** Shape only: the text may be sensitive and never appears here. */
    @Override
    public String toString() {
        return "ScanText[length=" + text.length() + ", field=" + field + "]";
    }
}
