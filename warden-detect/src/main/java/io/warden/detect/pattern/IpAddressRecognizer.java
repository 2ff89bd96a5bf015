package io.warden.detect.pattern;

import com.google.common.net.InetAddresses;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds IPv4 addresses (dotted quads) and IPv6 addresses (full, compressed, with embedded IPv4 or a zone).
 *
 * <p>Rule: IPv4 dotted-decimal as RFC 6943 §3.1.1 recommends — four decimal octets 0–255 without leading zeros
 * (so {@code 010.1.1.1}, octal in some parsers, is not taken), not part of a longer dotted run such as the version
 * {@code 1.2.3.4.5}. IPv6 text forms per RFC 4291 §2.2 and RFC 4007 §11 (zone), candidates validated with Guava's
 * {@code InetAddresses}. Scores: IPv4 0.85, or 0.4 when it looks like a version number (first octet below 10 and
 * none above 31, e.g. {@code 2.4.1.4}; {@code 8.8.8.8} then needs a context word such as "server" or "dns");
 * IPv6 0.9.
 */
public final class IpAddressRecognizer implements Recognizer {
    static final String ENTITY = "IP_ADDRESS";
    static final double V4 = 0.85;
    static final double V4_VERSION_LIKE = 0.4;
    static final double V6 = 0.9;
    private static final int MAX_V6 = 45 + 1 + 16; // longest address text plus a zone

    @Override
    public String name() {
        return "ip_address";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("ip", "ips", "ipv4", "ipv6", "address", "host", "server", "addr", "client", "dns", "gateway",
                "resolver", "nameserver", "router", "subnet", "proxy");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int resume = 0;
        // only tokens joined to the next by punctuation (or after ':') can start this entity
        for (int anchor = 0, anchors = text.joinedTokenCount(); anchor < anchors; anchor++) {
            int i = text.joinedToken(anchor);
            int start = text.tokenStart(i);
            if (start < resume) continue;
            int end = text.tokenEnd(i);
            if ((Chars.charIs(s, end, ':') || Chars.charIs(s, start - 1, ':')) && text.tokenLength(i) <= 4
                    && Chars.allHex(s, start, end)) {
                int e = ipv6(s, start, sink);
                if (e > 0) {
                    resume = e;
                    continue;
                }
            }
            if (text.isDigits(i) && text.tokenLength(i) <= 3 && Chars.charIs(s, end, '.')) {
                int e = ipv4End(s, start);
                if (e > 0 && !inDottedRun(s, start, e)) {
                    sink.report(start, e, ENTITY, versionLike(s, start, e) ? V4_VERSION_LIKE : V4);
                    resume = e;
                }
            }
        }
    }

    /**
     * Whether the quad is glued to letters or digits, continues a dotted number ({@code 1.2.3.4.5}), or carries a
     * package revision ({@code 2.10.0.9-4}, {@code 1:2.4.1.4}); a port ({@code :8080}) or prefix ({@code /24}) may
     * follow.
     */
    private static boolean inDottedRun(String s, int start, int end) {
        if (Chars.wordAt(s, start - 1) || Chars.charIs(s, start - 1, '_') || Chars.wordAt(s, end)) return true;
        if ((Chars.charIs(s, start - 1, '.') || Chars.charIs(s, start - 1, '-') || Chars.charIs(s, start - 1, ':'))
                && Chars.wordAt(s, start - 2)) {
            return true;
        }
        return (Chars.charIs(s, end, '.') || Chars.charIs(s, end, '-') || Chars.charIs(s, end, '~')
                || Chars.charIs(s, end, '+')) && Chars.wordAt(s, end + 1);
    }

    /**
     * Low octets all round ({@code 2.4.1.4}, {@code 3.6.11.1}) are far more often version numbers than hosts; the
     * few real ones (public resolvers such as {@code 8.8.4.4}) are usually named as a server, which context lifts.
     */
    static boolean versionLike(String s, int start, int end) {
        int octet = 0;
        int max = 0;
        int first = -1;
        for (int i = start; i <= end; i++) {
            if (i == end || s.charAt(i) == '.') {
                if (first < 0) first = octet;
                max = Math.max(max, octet);
                octet = 0;
            } else {
                octet = octet * 10 + (s.charAt(i) - '0');
            }
        }
        return first < 10 && max < 32;
    }

    /** End of a dotted quad starting at {@code p}, or -1. */
    static int ipv4End(String s, int p) {
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (!Chars.charIs(s, p, '.')) return -1;
                p++;
            }
            int q = p;
            int v = 0;
            while (q < s.length() && q - p < 4 && Chars.isDigit(s.charAt(q))) v = v * 10 + (s.charAt(q++) - '0');
            int len = q - p;
            if (len == 0 || len > 3 || v > 255 || (len > 1 && s.charAt(p) == '0')) return -1;
            p = q;
        }
        return p;
    }

    /**
     * Reports an IPv6 address around the hex group starting at {@code groupStart} (which is followed by ':') and
     * returns its end, or returns -1.
     */
    private static int ipv6(String s, int groupStart, SpanSink sink) {
        int start = groupStart;
        int lo = Math.max(0, groupStart - MAX_V6);
        while (start > lo && isV6Char(s.charAt(start - 1)) && s.charAt(start - 1) != '.') start--;
        int end = groupStart;
        int hi = Math.min(s.length(), groupStart + MAX_V6);
        while (end < hi && isV6Char(s.charAt(end))) end++;
        if (end < hi && s.charAt(end) == '%') { // zone index, e.g. fe80::1%eth0
            int z = end + 1;
            while (z < hi && Chars.isAlnum(s.charAt(z))) z++;
            if (z > end + 1) end = z;
        }
        // a trailing '.' or a single ':' ends a sentence or a label, not the address
        while (end > start && s.charAt(end - 1) == '.') end--;
        if (end - start >= 2 && s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':') end--;
        if (start + 1 < end && s.charAt(start) == ':' && s.charAt(start + 1) != ':') start++;
        if (end - start < 3 || end - start > MAX_V6) return -1;
        if (Chars.wordAt(s, start - 1) || Chars.wordAt(s, end) || Chars.charIs(s, start - 1, '.')) return -1;
        int colons = 0;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':') colons++;
            else if (Chars.isDigit(c)) digit = true;
        }
        if (colons < 2 || !digit) return -1; // "a::b" in C++ code is not an address
        if (!InetAddresses.isInetAddress(s.substring(start, end))) return -1;
        sink.report(start, end, ENTITY, V6);
        return end;
    }

    private static boolean isV6Char(char c) {
        return Chars.isHex(c) || c == ':' || c == '.';
    }
}
