package io.warden.detect.names;

import io.warden.detect.ScanText;
import java.lang.ref.WeakReference;

/**
 * The {@link Lexicon} flags of every capitalised token of one text, computed once and shared by the name
 * recognizers that analyze that text one after another on the same thread.
 *
 * <p>An {@link io.warden.detect.Analyzer} runs all recognizers over one {@link ScanText} on one thread, so a
 * per-thread memo keyed by the ScanText's identity saves five of every six dictionary lookups. It also lists the
 * capitalised tokens, so each recognizer visits those (about one token in eight in English prose) instead of all
 * tokens, and the union of all flags, so a recognizer returns at once from a text without e.g. any title. The
 * memo holds the text weakly and reuses its arrays; results never depend on it.
 */
final class TokenClasses {
    /** The token starts a sentence: first in the text, or after {@code . ! ?} or a line break. */
    static final int SENTENCE_START = 1 << 29;
    /** The token is written in capitals and has at least two letters (shouting, headings, acronyms). */
    static final int ALL_CAPS = 1 << 30;
    private static final int SHRINK_ABOVE = 1 << 16;
    private static final ThreadLocal<TokenClasses> CURRENT = ThreadLocal.withInitial(TokenClasses::new);

    private WeakReference<ScanText> owner = new WeakReference<>(null);
    private int[] flags = new int[256];
    private int[] capitals = new int[64];
    private int capitalCount;
    private int union;

    private TokenClasses() {}

    /** The classes of {@code st}'s tokens; valid until the same thread classifies another text. */
    static TokenClasses of(ScanText st) {
        TokenClasses tc = CURRENT.get();
        if (tc.owner.get() != st) tc.compute(st);
        return tc;
    }

    /**
     * Flags per token (index = token index; the array may be longer than the token count): the lexicon flags,
     * {@link #SENTENCE_START} and {@link #ALL_CAPS} for tokens starting with a capital letter, 0 for all others.
     */
    int[] flags() {
        return flags;
    }

    /** Indices of the tokens starting with a capital letter, ascending; the first {@link #capitalCount()} count. */
    int[] capitals() {
        return capitals;
    }

    int capitalCount() {
        return capitalCount;
    }

    /** Whether any capitalised token has one of {@code bits}. */
    boolean any(int bits) {
        return (union & bits) != 0;
    }

    private void compute(ScanText st) {
        int n = st.tokenCount();
        if (flags.length < n || (flags.length > SHRINK_ABOVE && n < flags.length / 4)) {
            flags = new int[Math.max(256, n + n / 4)];
        }
        Lexicon lex = Lexicon.get();
        String text = st.text();
        int[] f = flags;
        int[] caps = capitals;
        int k = 0;
        int u = 0;
        for (int i = 0; i < n; i++) {
            int tf = st.tokenFlags(i);
            int s = st.tokenStart(i);
            int e = st.tokenEnd(i);
            if ((tf & ScanText.UPPER_FIRST) == 0 || inIdentifier(text, s, e)) {
                f[i] = 0;
                continue;
            }
            int v = lex.word(text, s, e);
            if ((tf & ScanText.HAS_LOWER) == 0 && e - s >= 2 && (tf & ScanText.LETTERS) != 0) v |= ALL_CAPS;
            if (startsSentence(st, f, i)) v |= SENTENCE_START;
            f[i] = v;
            u |= v;
            if (k == caps.length) caps = java.util.Arrays.copyOf(caps, k * 2);
            caps[k++] = i;
        }
        if (caps.length > SHRINK_ABOVE && k < caps.length / 4) caps = java.util.Arrays.copyOf(caps, Math.max(64, k));
        capitals = caps;
        capitalCount = k;
        union = u;
        owner = new WeakReference<>(st);
    }

    /** "SLACK_BOT_TOKEN", "user_John": a token joined to others by an underscore is code, not a name. */
    private static boolean inIdentifier(String text, int s, int e) {
        return (s > 0 && text.charAt(s - 1) == '_') || (e < text.length() && text.charAt(e) == '_');
    }

    /** Looks back over spaces, quotes and brackets for the start of the text, a line break or {@code . ! ?}. */
    private static boolean startsSentence(ScanText st, int[] f, int i) {
        String text = st.text();
        int p = st.tokenStart(i) - 1;
        while (p >= 0) {
            char c = text.charAt(p);
            switch (c) {
                case ' ', '\t', '"', '\'', '(', '[', '\u201c', '\u2018', '*', '-', '\u2022', '>' -> p--;
                case '\n', '\r', '!', '?' -> {
                    return true;
                }
                case '.' -> {
                    // "Dr. Smith" and "J. Smith" do not start sentences
                    if (i == 0) return true;
                    int prev = i - 1;
                    if (st.tokenEnd(prev) != p) return true;
                    int pf = f[prev];
                    boolean initial = st.tokenLength(prev) == 1 && (st.tokenFlags(prev) & ScanText.LETTERS) != 0;
                    return (pf & (Lexicon.TITLE_ABBR | Lexicon.TITLE_WORD)) == 0 && !initial;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
