package io.warden.detect.pattern;

import com.google.common.net.InetAddresses;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Locale;
import java.util.Set;

/**
 * Finds URLs: a known scheme followed by {@code ://} and a host, or a bare {@code www.} host name.
 *
 * <p>Rule: RFC 3986 §3 (scheme, authority, path, query, fragment) for the structure; where the URL ends follows the
 * linkifiers' rules (GitHub's autolink extension to CommonMark, {@code linkify-it}): stop at whitespace, quotes
 * and angle brackets, then drop trailing {@code . , ; : ! ? *} and closing brackets that have no opening one in
 * the URL ({@code (see https://example.com/a_(b))} keeps the balanced pair, drops the outer one). The host must be
 * LDH labels, an IPv4 or bracketed IPv6 literal, or {@code localhost}; a {@code www.} host must end in a public
 * suffix. Scores: with scheme 0.9, {@code www.} 0.6. Anchored on {@code indexOf("://")} and
 * {@code indexOf("www.")}.
 */
public final class UrlRecognizer implements Recognizer {
    static final String ENTITY = "URL";
    static final double WITH_SCHEME = 0.9;
    static final double WWW = 0.6;
    private static final int MAX_SCHEME = 16;
    private static final int MAX_URL = 8192;
    private static final Set<String> SCHEMES = Set.of(
            "http", "https", "ftp", "ftps", "sftp", "ws", "wss", "ssh", "git", "svn", "file", "s3", "s3a", "gs",
            "hdfs", "smb", "nfs", "ldap", "ldaps", "rtsp", "rtmp", "telnet", "irc", "ircs", "mongodb", "mongodb+srv",
            "redis", "rediss", "postgres", "postgresql", "mysql", "mariadb", "sqlserver", "oracle", "amqp", "amqps",
            "mqtt", "mqtts", "nntp", "gopher", "webdav", "davs", "jdbc");

    @Override
    public String name() {
        return "url";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("url", "urls", "link", "website", "site", "homepage", "web", "href");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int floor = 0;
        int scheme = s.indexOf("://");
        int www = s.indexOf("www.");
        while (scheme >= 0 || www >= 0) {
            boolean isScheme = www < 0 || (scheme >= 0 && scheme < www);
            int at = isScheme ? scheme : www;
            int end = isScheme ? withScheme(s, at, floor, sink) : bareWww(s, at, floor, sink);
            floor = Math.max(floor, end);
            int from = Math.max(at + 1, floor);
            if (scheme >= 0 && scheme < from) scheme = s.indexOf("://", from);
            if (www >= 0 && www < from) www = s.indexOf("www.", from);
        }
    }

    /** Handles the {@code ://} at {@code sep}; returns the end of a reported URL or -1. */
    private static int withScheme(String s, int sep, int floor, SpanSink sink) {
        int start = sep;
        int lo = Math.max(floor, sep - MAX_SCHEME);
        while (start > lo && isSchemeChar(s.charAt(start - 1))) start--;
        while (start < sep && !Chars.isLetter(s.charAt(start))) start++;
        if (start == sep || Chars.wordAt(s, start - 1)) return -1;
        String scheme = s.substring(start, sep).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) return -1;
        if (start >= 5 && s.regionMatches(true, start - 5, "jdbc:", 0, 5) && !Chars.wordAt(s, start - 6)) start -= 5;
        int hostStart = sep + 3;
        int end = urlEnd(s, hostStart);
        int hostEnd = hostEnd(s, hostStart, end);
        boolean fileUrl = scheme.equals("file") && hostEnd == hostStart && end > hostStart;
        if (!fileUrl && !validHost(s, hostStart, hostEnd)) return -1;
        sink.report(start, end, ENTITY, WITH_SCHEME);
        return end;
    }

    /** Handles a {@code www.} at {@code at} that is not inside a URL already; returns the end of a URL or -1. */
    private static int bareWww(String s, int at, int floor, SpanSink sink) {
        if (at < floor || Chars.wordAt(s, at - 1)) return -1;
        if (at > 0 && "./@-_".indexOf(s.charAt(at - 1)) >= 0) return -1;
        int end = urlEnd(s, at);
        int nameEnd = at;
        while (nameEnd < end && Domains.isHostChar(s.charAt(nameEnd))) nameEnd++;
        while (nameEnd > at && (s.charAt(nameEnd - 1) == '.' || s.charAt(nameEnd - 1) == '-')) nameEnd--;
        if (!Domains.isLdhName(s, at, nameEnd) || !Domains.isUnderPublicSuffix(s.substring(at, nameEnd))) return -1;
        // only a port, path, query or fragment continues a bare host name
        if (nameEnd < end && ":/?#".indexOf(s.charAt(nameEnd)) < 0) end = nameEnd;
        sink.report(at, end, ENTITY, WWW);
        return end;
    }

    private static boolean isSchemeChar(char c) {
        return Chars.isAlnum(c) || c == '+' || c == '.' || c == '-';
    }

    /** End of the URL starting at {@code from} after trimming trailing punctuation and unbalanced brackets. */
    static int urlEnd(String s, int from) {
        int end = from;
        int n = Math.min(s.length(), from + MAX_URL);
        while (end < n && isUrlChar(s.charAt(end))) end++;
        while (end > from) {
            char c = s.charAt(end - 1);
            if (".,;:!?*'".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && unbalanced(s, from, end, '(', ')')) {
                end--;
            } else if (c == ']' && unbalanced(s, from, end, '[', ']')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isUrlChar(char c) {
        if (c <= ' ' || c == 0x7f) return false;
        if (c < 128) return "<>\"`{}|\\^".indexOf(c) < 0;
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u201c' && c != '\u201d'
                && c != '\u2018' && c != '\u2019' && c != '\u00ab' && c != '\u00bb';
    }

    private static boolean unbalanced(String s, int from, int to, char open, char close) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == open) depth++;
            else if (c == close) depth--;
        }
        return depth < 0;
    }

    /** End of the authority's host: after any {@code userinfo@}, before a port, path, query or fragment. */
    private static int hostEnd(String s, int from, int to) {
        int hostStart = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') break;
            if (c == '@') hostStart = i + 1;
        }
        if (hostStart < to && s.charAt(hostStart) == '[') {
            int close = hostStart + 1;
            while (close < to && s.charAt(close) != ']') close++;
            return close < to ? close + 1 : hostStart;
        }
        int i = hostStart;
        while (i < to && Domains.isHostChar(s.charAt(i))) i++;
        return i;
    }

    private static boolean validHost(String s, int from, int hostEnd) {
        int at = -1;
        for (int i = from; i < hostEnd; i++) {
            if (s.charAt(i) == '@') at = i;
        }
        int h = at >= 0 ? at + 1 : from;
        if (h >= hostEnd) return false;
        if (s.charAt(h) == '[') {
            return hostEnd - h > 2 && InetAddresses.isInetAddress(s.substring(h + 1, hostEnd - 1));
        }
        if (hostEnd - h == 9 && s.regionMatches(true, h, "localhost", 0, 9)) return true;
        if (IpAddressRecognizer.ipv4End(s, h) == hostEnd) return true;
        return Domains.isLdhName(s, h, hostEnd);
    }
}
