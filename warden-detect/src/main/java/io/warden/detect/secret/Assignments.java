package io.warden.detect.secret;

/**
 * Finds key–value assignments in a text: {@code key=value}, {@code key: value}, {@code key := value},
 * {@code key => value}, {@code "key": "value"}, {@code KEY='value'}. Anchored on the {@code =} and {@code :}
 * characters (found with {@code indexOf}); the key is the run of {@code [A-Za-z0-9_.-]} before the operator and
 * the value is the quoted string or the unquoted run after it.
 */
final class Assignments {
    static final int MAX_VALUE = 512;
    private static final int MAX_KEY = 80;
    private static final int MAX_SPACES = 8;

    private Assignments() {}

    /** Receives one assignment. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param keyStart first char of the key name
         * @param keyEnd char after the key name
         * @param valueStart first char of the value (inside quotes, if quoted)
         * @param valueEnd char after the value
         * @param quoted whether the value was in quotes
         * @param colon whether the operator was {@code :} (YAML, JSON, headers) rather than {@code =}
         */
        void visit(int keyStart, int keyEnd, int valueStart, int valueEnd, boolean quoted, boolean colon);
    }

    static void forEach(String text, Visitor v) {
        for (int p = text.indexOf('='); p >= 0; p = text.indexOf('=', p + 1)) at(text, p, false, v);
        for (int p = text.indexOf(':'); p >= 0; p = text.indexOf(':', p + 1)) at(text, p, true, v);
    }

    private static void at(String text, int p, boolean colon, Visitor v) {
        int n = text.length();
        int after = p + 1;
        int before = p - 1;
        if (colon) {
            if (after < n && (text.charAt(after) == ':' || text.charAt(after) == '/' || text.charAt(after) == '=')) {
                return; // "::", "://", ":=" (handled at its '=')
            }
            if (before >= 0 && text.charAt(before) == ':') return;
        } else {
            if (after < n && text.charAt(after) == '=') return; // "=="
            if (after < n && text.charAt(after) == '>') after++; // "=>"
            if (before >= 0) {
                char b = text.charAt(before);
                if (b == '=' || b == '!' || b == '<' || b == '>') return; // "==", "!=", "<=", ">="
                if (b == ':') before--; // ":="
            }
        }
        // key: optional spaces, optional closing quote, then the name
        int k = before;
        for (int s = 0; k >= 0 && s < MAX_SPACES && (text.charAt(k) == ' ' || text.charAt(k) == '\t'); s++) k--;
        if (k >= 0 && isQuote(text.charAt(k))) k--;
        int keyEnd = k + 1;
        while (k >= 0 && keyEnd - k <= MAX_KEY && isKeyChar(text.charAt(k))) k--;
        int keyStart = k + 1;
        if (keyStart >= keyEnd) return;
        // value: optional spaces, then a quoted string or an unquoted run
        int q = after;
        for (int s = 0; q < n && s < MAX_SPACES && (text.charAt(q) == ' ' || text.charAt(q) == '\t'); s++) q++;
        if (q >= n) return;
        char c = text.charAt(q);
        if (isQuote(c)) {
            int limit = Math.min(n, q + 1 + MAX_VALUE);
            int e = q + 1;
            while (e < limit && text.charAt(e) != c && text.charAt(e) != '\n') e++;
            if (e >= limit || text.charAt(e) != c || e == q + 1) return;
            v.visit(keyStart, keyEnd, q + 1, e, true, colon);
        } else {
            int e = unquotedEnd(text, q);
            if (e > q) v.visit(keyStart, keyEnd, q, e, false, colon);
        }
    }

    /**
     * End of an unquoted value starting at {@code q}: up to whitespace, {@code , ; ) ] } > < " ' `}, or an
     * {@code &} that starts another URL query parameter.
     */
    static int unquotedEnd(String text, int q) {
        int limit = Math.min(text.length(), q + MAX_VALUE);
        int e = q;
        while (e < limit) {
            char c = text.charAt(e);
            if (c <= ' ' || c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '>' || c == '<'
                    || c == '"' || c == '\'' || c == '`' || (c == '&' && queryParameterAt(text, e + 1))) {
                break;
            }
            e++;
        }
        return e;
    }

    /** "&next=1" in a URL query: a name of {@code [A-Za-z0-9_]} and '='; a password may contain '&' otherwise. */
    private static boolean queryParameterAt(String text, int from) {
        int i = from;
        while (i < text.length() && SecretChars.isIdent(text.charAt(i))) i++;
        return i > from && i < text.length() && text.charAt(i) == '=';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isKeyChar(char c) {
        return SecretChars.isAlnum(c) || c == '_' || c == '-' || c == '.';
    }
}
