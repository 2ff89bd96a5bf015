package io.warden.detect.secret;

/**
 * Character classes and runs used to confirm token formats at an anchor; hand-written because a regular
 * expression per candidate would allocate a matcher and the formats are simple fixed-alphabet runs.
 */
final class SecretChars {
    private SecretChars() {}

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code [A-Za-z0-9_]}. */
    static boolean isIdent(char c) {
        return isAlnum(c) || c == '_';
    }

    /** {@code [A-Za-z0-9_-]}: the base64url alphabet. */
    static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    /** {@code [A-Za-z0-9+/]}: the standard base64 alphabet without padding. */
    static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/';
    }

    /** Length of the run of {@code [A-Za-z0-9]} starting at {@code from}, at most {@code max}. */
    static int alnumRun(String text, int from, int max) {
        int i = from;
        int end = Math.min(text.length(), from + max);
        while (i < end && isAlnum(text.charAt(i))) i++;
        return i - from;
    }

    /** Length of the run of {@code [A-Za-z0-9_]} starting at {@code from}, at most {@code max}. */
    static int identRun(String text, int from, int max) {
        int i = from;
        int end = Math.min(text.length(), from + max);
        while (i < end && isIdent(text.charAt(i))) i++;
        return i - from;
    }

    /** Length of the run of {@code [A-Za-z0-9_-]} starting at {@code from}, at most {@code max}. */
    static int base64UrlRun(String text, int from, int max) {
        int i = from;
        int end = Math.min(text.length(), from + max);
        while (i < end && isBase64Url(text.charAt(i))) i++;
        return i - from;
    }

    /** Whether the char at {@code pos} (if any) is not in {@code [A-Za-z0-9_-]}: a token boundary. */
    static boolean boundaryAt(String text, int pos) {
        return pos < 0 || pos >= text.length() || !isBase64Url(text.charAt(pos));
    }
}
