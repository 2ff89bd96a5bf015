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
 * <p>Immutable once built; one instance is analyzed by one thread.
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

    // Per ASCII char, the flag bits it contributes to a token; 0 = not a token char. LETTER is internal.
    private static final int LETTER = 1 << 6;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = '0'; c <= '9'; c++) ASCII[c] = HAS_DIGIT;
        for (int c = 'A'; c <= 'Z'; c++) ASCII[c] = (byte) (HAS_UPPER | LETTER);
        for (int c = 'a'; c <= 'z'; c++) ASCII[c] = (byte) (HAS_LOWER | LETTER);
    }

    private final String text;
    private final String field;
    private int[] starts;
    private int[] ends;
    private byte[] flags;
    private int count;
    private int[] digitTokens;
    private int digitCount;
    private int[] upperTokens;
    private int upperCount;
    private int[] joinedTokens;
    private int joinedCount;

    /**
     * @param text the text
     * @param field the field (column) name the text came from, or {@code null}; its words count as context
     */
    public ScanText(String text, String field) {
        this.text = requireNonNull(text, "text");
        this.field = field;
        lex(); // every analysis needs the tokens; lexing up front keeps the accessors free of checks
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

    /**
     * Number of tokens holding at least one digit — the only anchors numeric recognizers (cards, phones, dates,
     * IPs...) need to visit; in English prose they are a few percent of all tokens.
     */
    public int digitTokenCount() {
        return digitCount;
    }

    /** Token index of the {@code k}-th token holding a digit, in text order. */
    public int digitToken(int k) {
        return digitTokens[k];
    }

    /** Number of tokens whose first char is an upper-case letter: the anchors for names, places, key prefixes. */
    public int upperTokenCount() {
        return upperCount;
    }

    /** Token index of the {@code k}-th token starting with an upper-case letter, in text order. */
    public int upperToken(int k) {
        return upperTokens[k];
    }

    /**
     * Number of "joined" tokens: followed directly by one of {@code . : - _ / @}, or preceded directly by {@code :}
     * — the anchors of dotted, dashed and colon-separated forms (domains, IPv4/IPv6 and MAC addresses).
     */
    public int joinedTokenCount() {
        return joinedCount;
    }

    /** Token index of the {@code k}-th joined token, in text order. */
    public int joinedToken(int k) {
        return joinedTokens[k];
    }

    /** Index of the first token that ends after char {@code pos} (may start after it), or tokenCount(). */
    public int tokenAtOrAfter(int pos) {
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
        return c < 128 ? ASCII[c] != 0 : unicodeBits(c) != 0;
    }

    // Per-thread scratch copy of the text: lexing a char[] is several times faster than String.charAt per char.
    private static final ThreadLocal<char[][]> SCRATCH = ThreadLocal.withInitial(() -> new char[][] {new char[4096]});

    private void lex() {
        int n = text.length();
        char[][] holder = SCRATCH.get();
        char[] cs = holder[0];
        if (cs.length < n) {
            cs = new char[Math.max(n, cs.length * 2)];
            if (n <= (1 << 22)) holder[0] = cs; // keep buffers up to 8 MiB for the next text
        }
        text.getChars(0, n, cs, 0);
        int cap = Math.max(16, n / 5);
        int[] s = new int[cap];
        int[] e = new int[cap];
        byte[] f = new byte[cap];
        int k = 0;
        int[] dig = new int[16];
        int nd = 0;
        int[] up = new int[16];
        int nu = 0;
        int[] join = new int[16];
        int nj = 0;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            int bits = c < 128 ? ASCII[c] : unicodeBits(c);
            if (bits == 0) {
                i++;
                continue;
            }
            int start = i;
            int fl = (bits & HAS_UPPER) != 0 ? UPPER_FIRST : 0;
            int all = 0;
            do { // the hot loop: one table lookup per char
                all |= bits;
                if (++i >= n) break;
                c = cs[i];
                bits = c < 128 ? ASCII[c] : unicodeBits(c);
            } while (bits != 0);
            fl |= all & (HAS_DIGIT | HAS_UPPER | HAS_LOWER);
            if ((all & LETTER) == 0) fl |= DIGITS;
            if ((all & HAS_DIGIT) == 0) fl |= LETTERS;
            if (k == s.length) {
                int newCap = s.length * 2;
                s = Arrays.copyOf(s, newCap);
                e = Arrays.copyOf(e, newCap);
                f = Arrays.copyOf(f, newCap);
            }
            s[k] = start;
            e[k] = i;
            f[k] = (byte) fl;
            if ((fl & HAS_DIGIT) != 0) {
                if (nd == dig.length) dig = Arrays.copyOf(dig, nd * 2);
                dig[nd++] = k;
            }
            if ((fl & UPPER_FIRST) != 0) {
                if (nu == up.length) up = Arrays.copyOf(up, nu * 2);
                up[nu++] = k;
            }
            if ((i < n && isJoiner(cs[i])) || (start > 0 && cs[start - 1] == ':')) {
                if (nj == join.length) join = Arrays.copyOf(join, nj * 2);
                join[nj++] = k;
            }
            k++;
        }
        starts = s;
        ends = e;
        flags = f;
        digitTokens = dig;
        digitCount = nd;
        upperTokens = up;
        upperCount = nu;
        joinedTokens = join;
        joinedCount = nj;
        count = k;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == '-' || c == '_' || c == '/' || c == '@';
    }

    /** Flag bits of a non-ASCII char, as {@link #ASCII} gives them for ASCII; 0 when it is not a token char. */
    private static int unicodeBits(char c) {
        if (Character.isDigit(c)) return HAS_DIGIT;
        if (Character.isUpperCase(c) || Character.isTitleCase(c)) return HAS_UPPER | LETTER;
        if (Character.isLowerCase(c)) return HAS_LOWER | LETTER;
        if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.isSurrogate(c)) {
            return LETTER; // e.g. CJK, combining marks within words
        }
        return 0;
    }

    /** Shape only: the text may be sensitive and never appears here. */
    @Override
    public String toString() {
        return "ScanText[length=" + text.length() + ", field=" + field + "]";
    }
}
