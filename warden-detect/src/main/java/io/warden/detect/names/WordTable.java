package io.warden.detect.names;

import io.warden.detect.ScanText;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable map from lower-cased words and phrases to flag bits, looked up in the scanned text without
 * allocating.
 *
 * <p>Keys are normalised like {@link ScanText} tokens: runs of letters and digits, lower-cased char by char and
 * joined by one space ({@code "Port-aux-Français"} is stored as {@code "port aux français"}). Lookups hash the
 * text region (or a run of tokens) the same way and compare char by char, so the hot path creates no strings.
 * A hand-written open-addressing table because {@link HashMap} needs a key object per lookup.
 */
final class WordTable {
    private final String[] keys;
    private final int[] values;
    private final int mask;

    private WordTable(Map<String, Integer> entries) {
        int cap = Integer.highestOneBit(Math.max(16, entries.size() * 2 - 1)) << 1;
        keys = new String[cap];
        values = new int[cap];
        mask = cap - 1;
        for (var e : entries.entrySet()) {
            String k = e.getKey();
            int slot = mix(hashOf(k)) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k;
            values[slot] = e.getValue();
        }
    }

    /** A table holding exactly {@code entries} (normalised keys to flags). */
    static WordTable of(Map<String, Integer> entries) {
        return new WordTable(entries);
    }

    /** Every key and its flags, sorted by key. */
    java.util.SortedMap<String, Integer> entries() {
        var out = new java.util.TreeMap<String, Integer>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) out.put(keys[i], values[i]);
        }
        return out;
    }

    int size() {
        int n = 0;
        for (String k : keys) if (k != null) n++;
        return n;
    }

    /** Flags of {@code text[start, end)} read as one word, ignoring case; 0 if absent. */
    int get(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + lower(text.charAt(i));
        int len = end - start;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) return 0;
            if (k.length() == len && regionEquals(k, 0, text, start, end)) return values[slot];
        }
    }

    /** Flags of {@code count} consecutive tokens from {@code first}, read as words joined by one space; 0 if absent. */
    int getTokens(ScanText st, int first, int count) {
        String text = st.text();
        int h = 0;
        int len = count - 1;
        for (int t = first; t < first + count; t++) {
            if (t > first) h = 31 * h + ' ';
            int e = st.tokenEnd(t);
            for (int i = st.tokenStart(t); i < e; i++) h = 31 * h + lower(text.charAt(i));
            len += e - st.tokenStart(t);
        }
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) return 0;
            if (k.length() == len && tokensEqual(k, st, first, count)) return values[slot];
        }
    }

    /** Flags of a word or phrase given as a string (normalised first); 0 if absent. */
    int get(String raw) {
        String k = normalize(raw);
        return k.isEmpty() ? 0 : get(k, 0, k.length());
    }

    private static boolean regionEquals(String key, int from, CharSequence text, int start, int end) {
        for (int i = start, j = from; i < end; i++, j++) {
            if (lower(text.charAt(i)) != key.charAt(j)) return false;
        }
        return true;
    }

    private static boolean tokensEqual(String key, ScanText st, int first, int count) {
        int j = 0;
        for (int t = first; t < first + count; t++) {
            if (t > first) {
                if (key.charAt(j) != ' ') return false;
                j++;
            }
            int s = st.tokenStart(t);
            int e = st.tokenEnd(t);
            if (!regionEquals(key, j, st.text(), s, e)) return false;
            j += e - s;
        }
        return true;
    }

    static char lower(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(c);
    }

    private static int hashOf(String key) {
        int h = 0;
        for (int i = 0; i < key.length(); i++) h = 31 * h + key.charAt(i);
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** Splits {@code raw} into word tokens as {@link ScanText} does, lower-cases them and joins them by one space. */
    static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean inWord = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (ScanText.isWordChar(c)) {
                if (!inWord && !sb.isEmpty()) sb.append(' ');
                sb.append(lower(c));
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return sb.toString();
    }

    /** Number of tokens in a normalised key. */
    static int tokenCount(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') n++;
        return n;
    }

    /** Collects entries; flags added twice for one key are OR-ed. */
    static final class Builder {
        private final Map<String, Integer> entries = new HashMap<>();

        /** Adds an already normalised key. */
        Builder addKey(String key, int flags) {
            if (!key.isEmpty()) entries.merge(key, flags, (a, b) -> a | b);
            return this;
        }

        /** Sets the flags of an already normalised key, replacing any it had. */
        Builder replace(String key, int flags) {
            entries.put(key, flags);
            return this;
        }

        int flagsOf(String key) {
            return entries.getOrDefault(key, 0);
        }

        WordTable build() {
            return new WordTable(entries);
        }
    }
}
