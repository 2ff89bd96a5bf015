package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds MAC (EUI-48) addresses: six hex pairs joined by {@code :} or {@code -}, or Cisco's three dotted quads.
 *
 * <p>Rule: IEEE 802 "Guidelines for Use of EUI, OUI, and CID" (hexadecimal representation with hyphens, and the
 * colon form of most operating systems), plus Cisco IOS's {@code xxxx.xxxx.xxxx}. The separator must be the same
 * throughout and the address must not continue a longer run of hex groups. Scores: colons 0.9, hyphens 0.85 (0.5
 * when all twelve are decimal digits, a shape dates and part numbers share), Cisco dots 0.8 (only with at least one
 * hex letter, otherwise it is just three numbers).
 */
public final class MacAddressRecognizer implements Recognizer {
    static final String ENTITY = "MAC_ADDRESS";

    @Override
    public String name() {
        return "mac_address";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("mac", "ethernet", "hardware", "address", "wifi", "bssid", "device");
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
            int len = text.tokenLength(i);
            int end = text.tokenEnd(i);
            if (end >= s.length()) break;
            char sep = s.charAt(end);
            if (len == 2 && (sep == ':' || sep == '-')) {
                int e = pairsEnd(s, start, sep);
                if (e < 0) continue;
                double score = sep == ':' ? 0.9 : Chars.countDigits(s, start, e) == 12 ? 0.5 : 0.85;
                sink.report(start, e, ENTITY, score);
                resume = e;
            } else if (len == 4 && sep == '.') {
                int e = ciscoEnd(s, start);
                if (e < 0) continue;
                sink.report(start, e, ENTITY, 0.8);
                resume = e;
            }
        }
    }

    /** End of {@code hh<sep>hh<sep>hh<sep>hh<sep>hh<sep>hh} at {@code p}, standing alone; or -1. */
    private static int pairsEnd(String s, int p, char sep) {
        int end = p + 17;
        if (end > s.length()) return -1;
        for (int k = 0; k < 6; k++) {
            int q = p + 3 * k;
            if (!Chars.isHex(s.charAt(q)) || !Chars.isHex(s.charAt(q + 1))) return -1;
            if (k < 5 && s.charAt(q + 2) != sep) return -1;
        }
        return standsAlone(s, p, end, sep) ? end : -1;
    }

    /** End of {@code hhhh.hhhh.hhhh} at {@code p} with at least one hex letter, standing alone; or -1. */
    private static int ciscoEnd(String s, int p) {
        int end = p + 14;
        if (end > s.length() || s.charAt(p + 9) != '.') return -1;
        if (!Chars.allHex(s, p, p + 4) || !Chars.allHex(s, p + 5, p + 9) || !Chars.allHex(s, p + 10, end)) return -1;
        if (Chars.countDigits(s, p, end) == 12) return -1;
        return standsAlone(s, p, end, '.') ? end : -1;
    }

    private static boolean standsAlone(String s, int start, int end, char sep) {
        if (Chars.wordAt(s, start - 1) || Chars.wordAt(s, end)) return false;
        if (Chars.charIs(s, start - 1, sep) && Chars.wordAt(s, start - 2)) return false;
        return !(Chars.charIs(s, end, sep) && Chars.wordAt(s, end + 1));
    }
}
