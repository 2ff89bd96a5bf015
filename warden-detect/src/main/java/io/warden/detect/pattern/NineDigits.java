package io.warden.detect.pattern;

import io.warden.detect.ScanText;

/**
 * The US nine-digit identifier shapes shared by SSNs and ITINs: {@code ddd-dd-dddd}, {@code ddd dd dddd} or
 * nine bare digits, standing alone (not inside a longer number or code).
 */
final class NineDigits {
    /** How the digits were written. */
    enum Form { DASHED, SPACED, BARE }

    /** A match: {@code [start, end)} in the text, the nine digits as a number, and the form. */
    record Match(int start, int end, int value, Form form) {
        int area() {
            return value / 1_000_000;
        }

        int group() {
            return value / 10_000 % 100;
        }

        int serial() {
            return value % 10_000;
        }
    }

    private NineDigits() {}

    /** The nine-digit identifier that starts at digit token {@code i}, or {@code null}. */
    static Match at(ScanText t, int i) {
        String s = t.text();
        int start = t.tokenStart(i);
        int len = t.tokenLength(i);
        if (len == 9) {
            int end = t.tokenEnd(i);
            if (Chars.attached(s, start, end)) return null;
            return new Match(start, end, (int) Chars.digits(s, start, end), Form.BARE);
        }
        if (len != 3) return null;
        int p = start + 3;
        if (p + 8 > s.length()) return null;
        char sep = s.charAt(p);
        if (sep != '-' && sep != ' ') return null;
        if (!Chars.allDigits(s, p + 1, p + 3) || s.charAt(p + 3) != sep || !Chars.allDigits(s, p + 4, p + 8)) {
            return null;
        }
        int end = p + 8;
        if (Chars.attached(s, start, end)) return null;
        // not a run of groups: "1 234 56 7890" or "123-45-6789-12"
        if (start >= 2 && s.charAt(start - 1) == sep && Chars.isDigit(s.charAt(start - 2))) return null;
        if (end + 1 < s.length() && s.charAt(end) == sep && Chars.isDigit(s.charAt(end + 1))) return null;
        return new Match(start, end, (int) Chars.digits(s, start, end), sep == '-' ? Form.DASHED : Form.SPACED);
    }
}
