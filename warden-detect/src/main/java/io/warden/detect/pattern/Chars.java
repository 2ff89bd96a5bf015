package io.warden.detect.pattern;

import io.warden.detect.ScanText;

/**
 * ASCII character tests and digit arithmetic shared by the recognizers of this package.
 *
 * <p>Hand-written because these run on the hot path for every candidate: no regex, no allocation.
 */
final class Chars {
    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether {@code s} has a char at {@code i} and it is an ASCII digit. */
    static boolean digitAt(String s, int i) {
        return i >= 0 && i < s.length() && isDigit(s.charAt(i));
    }

    /** Whether {@code s} has a char at {@code i} and it equals {@code c}. */
    static boolean charIs(String s, int i, char c) {
        return i >= 0 && i < s.length() && s.charAt(i) == c;
    }

    /** Whether {@code s} has a char at {@code i} and it is a token (letter or digit) char. */
    static boolean wordAt(String s, int i) {
        return i >= 0 && i < s.length() && ScanText.isWordChar(s.charAt(i));
    }

    /** Whether every char in {@code [from, to)} is an ASCII digit (and the range is inside {@code s}). */
    static boolean allDigits(String s, int from, int to) {
        if (from < 0 || to > s.length() || from >= to) return false;
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    /** Whether every char in {@code [from, to)} is an ASCII hex digit (and the range is inside {@code s}). */
    static boolean allHex(String s, int from, int to) {
        if (from < 0 || to > s.length() || from >= to) return false;
        for (int i = from; i < to; i++) {
            if (!isHex(s.charAt(i))) return false;
        }
        return true;
    }

    /** The value of the ASCII digits in {@code [from, to)}, skipping any other char; at most 18 digits. */
    static long digits(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Number of ASCII digits in {@code [from, to)}. */
    static int countDigits(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (isDigit(s.charAt(i))) k++;
        }
        return k;
    }

    /** Whether all ASCII digits in {@code [from, to)} are the same digit (e.g. 000-00-0000, 1111 1111 ...). */
    static boolean sameDigits(String s, int from, int to) {
        char first = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) continue;
            if (first == 0) first = c;
            else if (c != first) return false;
        }
        return true;
    }

    /**
     * Luhn (ISO/IEC 7812-1 Annex B) over the ASCII digits in {@code [from, to)}, separators skipped. Hand-written:
     * it is six lines and libraries that have it (commons-validator) would pull in a dependency for nothing else.
     */
    static boolean luhn(String s, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int i = to - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (!isDigit(c)) continue;
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether {@code [start, end)} is part of something longer: a letter, digit or underscore right next to it;
     * {@code - . /} and then a letter or digit ({@code ID-123456789}, {@code 1.123-45-6789}, {@code 123-45-6789-0});
     * {@code :} between digits ({@code 10:123456789}); or a thousands separator ({@code 1,234,567}). A comma
     * between fields ({@code Smith,123-45-6789,1990-01-31}) and a colon after a label ({@code SSN:123-45-6789}) do
     * not attach, nor does a full stop at the end of a sentence.
     */
    static boolean attached(String s, int start, int end) {
        return attachedBefore(s, start) || attachedAfter(s, end);
    }

    /** The left half of {@link #attached}: something glues what starts at {@code start} to what precedes it. */
    static boolean attachedBefore(String s, int start) {
        if (start <= 0) return false;
        char b = s.charAt(start - 1);
        if (ScanText.isWordChar(b) || b == '_') return true;
        return switch (b) {
            case '-', '.', '/' -> wordAt(s, start - 2);
            case ':' -> digitAt(s, start - 2);
            case ',' -> leadingGroup(s, start - 1) && thousandsGroup(s, start);
            default -> false;
        };
    }

    /** The right half of {@link #attached}: something glues what ends at {@code end} to what follows it. */
    static boolean attachedAfter(String s, int end) {
        if (end >= s.length()) return false;
        char a = s.charAt(end);
        if (ScanText.isWordChar(a) || a == '_') return true;
        return switch (a) {
            case '-', '.', '/' -> wordAt(s, end + 1);
            case ':' -> digitAt(s, end + 1);
            case ',' -> leadingGroup(s, end) && thousandsGroup(s, end + 1);
            default -> false;
        };
    }

    /**
     * Whether the digits just before the comma at {@code comma} can open a grouped number: one to three digits
     * after a space, a sign or another group ({@code 1,234}), not the end of a time or date ({@code 15:41,193}).
     */
    private static boolean leadingGroup(String s, int comma) {
        int k = comma;
        while (k > 0 && comma - k < 4 && isDigit(s.charAt(k - 1))) k--;
        int run = comma - k;
        if (run == 0 || run > 3) return false;
        if (k == 0) return true;
        char c = s.charAt(k - 1);
        return c != ':' && c != '-' && c != '/' && c != '.' && !ScanText.isWordChar(c);
    }

    /** Whether exactly three digits start at {@code p}, as after a thousands separator ({@code 1,234}). */
    private static boolean thousandsGroup(String s, int p) {
        if (!allDigits(s, p, p + 3) || digitAt(s, p + 3)) return false;
        if (p + 3 >= s.length()) return true;
        char c = s.charAt(p + 3);
        return !ScanText.isWordChar(c) && c != '-' && c != '/' && c != ':';
    }

    /** Whether the text in {@code [from, to)} consists only of the chars in {@code allowed}. */
    static boolean onlyChars(String s, int from, int to, String allowed) {
        for (int i = from; i < to; i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) return false;
        }
        return true;
    }
}
