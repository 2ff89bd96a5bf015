package io.warden.detect.pattern;

import com.google.common.net.InternetDomainName;

/**
 * Host-name checks shared by the e-mail, URL and domain recognizers.
 *
 * <p>Label syntax is the LDH rule of RFC 1035 §2.3.1 / RFC 1123 §2.1 (letters, digits, hyphens; 1–63 chars; no
 * leading or trailing hyphen; 253 chars in all), checked by hand on the candidate's chars so that nothing is
 * allocated for non-candidates; whether the name ends in a real suffix is Guava's copy of the Public Suffix List.
 */
final class Domains {
    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    private Domains() {}

    /** Whether {@code c} may appear in an ASCII host name (a label char or a dot). */
    static boolean isHostChar(char c) {
        return Chars.isAlnum(c) || c == '-' || c == '.';
    }

    /**
     * Whether {@code [from, to)} is a syntactically valid dotted host name with at least two labels: LDH labels of
     * 1–63 chars, no empty label, a last label that is not all digits.
     */
    static boolean isLdhName(String s, int from, int to) {
        if (to - from > MAX_NAME || to - from < 3) return false;
        int labelStart = from;
        int dots = 0;
        boolean lastAllDigits = true;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0 || len > MAX_LABEL) return false;
                if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') return false;
                if (i < to) {
                    dots++;
                    labelStart = i + 1;
                    lastAllDigits = true;
                }
                continue;
            }
            char c = s.charAt(i);
            if (!Chars.isAlnum(c) && c != '-') return false;
            if (!Chars.isDigit(c)) lastAllDigits = false;
        }
        return dots > 0 && !lastAllDigits;
    }

    /** Whether {@code name} is a registrable name or below one, e.g. {@code example.co.uk} but not {@code co.uk}. */
    static boolean isUnderPublicSuffix(String name) {
        if (!InternetDomainName.isValid(name)) return false;
        return InternetDomainName.from(name).isUnderPublicSuffix();
    }

    /** The public suffix (e.g. {@code co.uk}) of a name that is under one, or {@code null}. */
    static String suffixIfUnder(String name) {
        if (!InternetDomainName.isValid(name)) return null;
        InternetDomainName d = InternetDomainName.from(name);
        return d.isUnderPublicSuffix() ? d.publicSuffix().toString() : null;
    }
}
