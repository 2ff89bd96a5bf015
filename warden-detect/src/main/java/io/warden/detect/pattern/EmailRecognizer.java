package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds e-mail addresses: a local part, an {@code @}, and a domain whose suffix is on the Public Suffix List.
 *
 * <p>Rule: RFC 5322 §3.4.1 {@code addr-spec}, practical subset — a dot-atom local part of letters, digits and
 * {@code . _ % + - '} (no quoted strings or comments; Latin letters beyond ASCII allowed, RFC 6531), and an ASCII
 * domain of LDH labels (RFC 1035) under a public suffix (Guava's Public Suffix List). When the last label is not
 * a suffix (a sentence running on, {@code a@example.com.Then}) the address is cut back a label at a time.
 * Anchored on {@code indexOf('@')}; no regex.
 */
public final class EmailRecognizer implements Recognizer {
    static final String ENTITY = "EMAIL_ADDRESS";
    private static final int MAX_LOCAL = 64;

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("email", "mail", "contact");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int floor = 0; // nothing before this may be reported again
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int start = localStart(s, at, floor);
            if (start < 0 || inUrl(s, start)) continue;
            int end = domainEnd(s, at + 1);
            if (end < 0) continue;
            sink.report(start, end, ENTITY, 1.0);
            floor = end;
            at = end - 1;
        }
    }

    /** Start of the local part that ends just before {@code at}, or -1 if it is empty, too long or malformed. */
    private static int localStart(String s, int at, int floor) {
        int i = at;
        int limit = Math.max(floor, at - MAX_LOCAL - 1);
        while (i > limit && isLocalChar(s.charAt(i - 1))) i--;
        // a dot-atom neither starts nor ends with a dot nor has two in a row; quotes only inside (O'Brien)
        while (i < at && (s.charAt(i) == '.' || s.charAt(i) == '\'')) i++;
        if (i == at || s.charAt(at - 1) == '.' || s.charAt(at - 1) == '\'') return -1;
        for (int k = at - 1; k > i; k--) {
            if (s.charAt(k) == '.' && s.charAt(k - 1) == '.') {
                i = k + 1;
                break;
            }
        }
        return at - i > MAX_LOCAL ? -1 : i;
    }

    /** Whether {@code pos} is inside a URL ({@code https://user:pw@host}): "://" earlier in the same word. */
    private static boolean inUrl(String s, int pos) {
        int lo = Math.max(0, pos - 256);
        for (int i = pos - 1; i >= lo + 2; i--) {
            char c = s.charAt(i);
            if (c <= ' ') return false;
            if (c == '/' && s.charAt(i - 1) == '/' && s.charAt(i - 2) == ':') return true;
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        if (c < 128) {
            return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
        }
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** End of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(String s, int from) {
        int n = s.length();
        int end = from;
        int limit = Math.min(n, from + Domains.MAX_NAME + 1);
        while (end < limit && Domains.isHostChar(s.charAt(end))) end++;
        if (end == limit && limit < n && Domains.isHostChar(s.charAt(end))) return -1;
        // a domain followed directly by more word chars (non-ASCII letters) is not an address we can delimit
        if (end < n && ScanText.isWordChar(s.charAt(end))) return -1;
        for (int k = from + 1; k < end; k++) {
            if (s.charAt(k) == '.' && s.charAt(k - 1) == '.') {
                end = k - 1;
                break;
            }
        }
        while (end > from && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) end--;
        while (end > from) {
            if (Domains.isLdhName(s, from, end) && Domains.isUnderPublicSuffix(s.substring(from, end))) return end;
            int dot = end - 1;
            while (dot > from && s.charAt(dot) != '.') dot--;
            if (dot <= from) return -1;
            end = dot;
        }
        return -1;
    }
}
