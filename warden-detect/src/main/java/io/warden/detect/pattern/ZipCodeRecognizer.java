package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds postal codes: US ZIP and ZIP+4 codes, and UK postcodes.
 *
 * <p>Rule: USPS Publication 28 §2 (five-digit ZIP, ZIP+4 as {@code 12345-6789}; lowest ZIP 00501, so 00000 is not
 * one; state names and two-letter abbreviations from Appendix B; a state counts only when the ZIP is in its
 * range) and the UK's BS 7666 postcode format (outward
 * code {@code A9 A99 A9A AA9 AA99 AA9A} — no Q, V, X first, no I, J, Z second — a space, inward code {@code 9AA}
 * without C, I, K, M, O, V), and the special {@code GIR 0AA}. Scores: a five-digit number alone is weak (0.2,
 * needs a context word such as "zip" or "postal"); after a state ({@code CA 94105}, {@code Texas 75001}) 0.6;
 * ZIP+4 0.5, after a state 0.7; UK postcode 0.6.
 */
public final class ZipCodeRecognizer implements Recognizer {
    static final String ENTITY = "ZIP_CODE";
    static final double ZIP5 = 0.2;
    static final double ZIP5_STATE = 0.6;
    static final double ZIP9 = 0.5;
    static final double ZIP9_STATE = 0.7;
    static final double UK = 0.6;

    /**
     * First three ZIP digits per state, territory and military "state" (USPS Publication 65, National Five-Digit ZIP
     * Code and Post Office Directory, and the 3-digit ZIP prefix list): "PR 22773" in a GCC changelog is a problem
     * report, not Puerto Rico, because Puerto Rico's ZIPs are 006xx–009xx.
     */
    private static final Map<String, int[]> ZIP3 = parseRanges("""
            AL 350-369; AK 995-999; AZ 850-865; AR 716-729 755; CA 900-961; CO 800-816; CT 060-069; DE 197-199;
            DC 200-205 569; FL 320-349; GA 300-319 398-399; HI 967-968; ID 832-838; IL 600-629; IN 460-479;
            IA 500-528; KS 660-679; KY 400-427; LA 700-714; ME 039-049; MD 206-219; MA 010-027 055; MI 480-499;
            MN 550-567; MS 386-397; MO 630-658; MT 590-599; NE 680-693; NV 889-898; NH 030-038; NJ 070-089;
            NM 870-884; NY 005 063 100-149; NC 270-289; ND 580-588; OH 430-459; OK 730-749; OR 970-979; PA 150-196;
            RI 028-029; SC 290-299; SD 570-577; TN 370-385; TX 733 750-799 885; UT 840-847; VT 050-059;
            VA 201 220-246; WA 980-994; WV 247-268; WI 530-549; WY 820-831; PR 006-009; VI 008; GU 969; AS 967;
            MP 969; AA 340; AE 090-098; AP 962-966""");
    /** Last word of each state's name and the codes it may stand for ("Carolina" is NC or SC). */
    private static final Map<String, String> STATE_NAMES = Map.ofEntries(
            Map.entry("alabama", "AL"), Map.entry("alaska", "AK"), Map.entry("arizona", "AZ"),
            Map.entry("arkansas", "AR"), Map.entry("california", "CA"), Map.entry("colorado", "CO"),
            Map.entry("connecticut", "CT"), Map.entry("delaware", "DE"), Map.entry("florida", "FL"),
            Map.entry("georgia", "GA"), Map.entry("hawaii", "HI"), Map.entry("idaho", "ID"),
            Map.entry("illinois", "IL"), Map.entry("indiana", "IN"), Map.entry("iowa", "IA"), Map.entry("kansas", "KS"),
            Map.entry("kentucky", "KY"), Map.entry("louisiana", "LA"), Map.entry("maine", "ME"),
            Map.entry("maryland", "MD"), Map.entry("massachusetts", "MA"), Map.entry("michigan", "MI"),
            Map.entry("minnesota", "MN"), Map.entry("mississippi", "MS"), Map.entry("missouri", "MO"),
            Map.entry("montana", "MT"), Map.entry("nebraska", "NE"), Map.entry("nevada", "NV"),
            Map.entry("hampshire", "NH"), Map.entry("jersey", "NJ"), Map.entry("mexico", "NM"), Map.entry("york", "NY"),
            Map.entry("carolina", "NC SC"), Map.entry("dakota", "ND SD"), Map.entry("ohio", "OH"),
            Map.entry("oklahoma", "OK"), Map.entry("oregon", "OR"), Map.entry("pennsylvania", "PA"),
            Map.entry("island", "RI"), Map.entry("tennessee", "TN"), Map.entry("texas", "TX"), Map.entry("utah", "UT"),
            Map.entry("vermont", "VT"), Map.entry("virginia", "VA WV"), Map.entry("washington", "WA DC"),
            Map.entry("wisconsin", "WI"), Map.entry("wyoming", "WY"), Map.entry("columbia", "DC"),
            Map.entry("rico", "PR"), Map.entry("guam", "GU"));

    @Override
    public String name() {
        return "zip_code";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("zip", "zipcode", "postal", "postcode", "postcodes");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int n = text.tokenCount();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            int len = text.tokenLength(i);
            if (text.isDigits(i)) {
                if (len == 5) us(text, i, sink);
            } else if (len >= 2 && len <= 4 && i + 1 < n && (text.tokenFlags(i) & ScanText.HAS_LOWER) == 0
                    && text.tokenLength(i + 1) == 3 && text.tokenStart(i + 1) == text.tokenEnd(i) + 1
                    && s.charAt(text.tokenEnd(i)) == ' ') {
                int start = text.tokenStart(i);
                int end = text.tokenEnd(i + 1);
                if (ukOutward(s, start, text.tokenEnd(i)) && ukInward(s, end - 3) && !Chars.attached(s, start, end)) {
                    sink.report(start, end, ENTITY, UK);
                    i++;
                }
            }
        }
        // "GIR 0AA" (Girobank) is the one UK postcode whose outward code holds no digit
        for (int anchor = 0, anchors = text.upperTokenCount(); anchor < anchors; anchor++) {
            int i = text.upperToken(anchor);
            if (i + 1 < n && text.tokenLength(i) == 3 && s.startsWith("GIR 0AA", text.tokenStart(i))
                    && text.tokenEnd(i + 1) == text.tokenStart(i) + 7 && !Chars.attached(s, text.tokenStart(i),
                            text.tokenEnd(i + 1))) {
                sink.report(text.tokenStart(i), text.tokenEnd(i + 1), ENTITY, UK);
            }
        }
    }

    private static void us(ScanText t, int i, SpanSink sink) {
        String s = t.text();
        int start = t.tokenStart(i);
        int end = t.tokenEnd(i);
        if (Chars.digits(s, start, end) < 501 || Chars.charIs(s, start - 1, '#')) return;
        boolean plus4 = Chars.charIs(s, end, '-') && Chars.allDigits(s, end + 1, end + 5) && !Chars.wordAt(s, end + 5);
        if (plus4) end += 5;
        if (Chars.attached(s, start, end)) return;
        boolean state = afterState(t, i);
        double score = plus4 ? (state ? ZIP9_STATE : ZIP9) : (state ? ZIP5_STATE : ZIP5);
        sink.report(start, end, ENTITY, score);
    }

    /**
     * Whether token i follows a state whose ZIP range holds it: "CA 94105", "Austin, TX 78701", "New York 10001",
     * "Texas, 75001".
     */
    private static boolean afterState(ScanText t, int i) {
        if (i == 0) return false;
        String s = t.text();
        int prev = i - 1;
        int gapStart = t.tokenEnd(prev);
        int gapLen = t.tokenStart(i) - gapStart;
        if (gapLen < 1 || gapLen > 2 || !Chars.onlyChars(s, gapStart, t.tokenStart(i), " ,")) return false;
        int flags = t.tokenFlags(prev);
        if ((flags & ScanText.LETTERS) == 0 || (flags & ScanText.UPPER_FIRST) == 0) return false;
        int zip3 = (int) Chars.digits(s, t.tokenStart(i), t.tokenStart(i) + 3);
        if (t.tokenLength(prev) == 2) return (flags & ScanText.HAS_LOWER) == 0 && inState(t.token(prev), zip3);
        if (t.tokenLength(prev) < 4) return false;
        String codes = STATE_NAMES.get(t.token(prev).toLowerCase(Locale.ROOT));
        if (codes == null) return false;
        for (String code : codes.split(" ")) {
            if (inState(code, zip3)) return true;
        }
        return false;
    }

    static boolean inState(String code, int zip3) {
        int[] ranges = ZIP3.get(code);
        if (ranges == null) return false;
        for (int k = 0; k < ranges.length; k += 2) {
            if (zip3 >= ranges[k] && zip3 <= ranges[k + 1]) return true;
        }
        return false;
    }

    private static Map<String, int[]> parseRanges(String table) {
        Map<String, int[]> map = new HashMap<>();
        for (String entry : table.replace('\n', ' ').split(";")) {
            String[] parts = entry.trim().split("\\s+");
            int[] ranges = new int[2 * (parts.length - 1)];
            for (int k = 1; k < parts.length; k++) {
                String[] lohi = parts[k].split("-");
                ranges[2 * (k - 1)] = Integer.parseInt(lohi[0]);
                ranges[2 * (k - 1) + 1] = Integer.parseInt(lohi[lohi.length - 1]);
            }
            map.put(parts[0], ranges);
        }
        return Map.copyOf(map);
    }

    /** A9, A99, A9A, AA9, AA99, AA9A (or GIR) in {@code [from, to)}. */
    static boolean ukOutward(String s, int from, int to) {
        int len = to - from;
        if (len == 3 && s.startsWith("GIR", from)) return true;
        char a = s.charAt(from);
        if (!Chars.isUpper(a) || "QVX".indexOf(a) >= 0) return false;
        char b = s.charAt(from + 1);
        if (Chars.isDigit(b)) { // A9, A99, A9A
            if (len == 2) return true;
            char c = s.charAt(from + 2);
            return len == 3 && (Chars.isDigit(c) || "ABCDEFGHJKPSTUW".indexOf(c) >= 0);
        }
        if (!Chars.isUpper(b) || "IJZ".indexOf(b) >= 0 || len < 3 || !Chars.isDigit(s.charAt(from + 2))) return false;
        if (len == 3) return true; // AA9
        char d = s.charAt(from + 3);
        return Chars.isDigit(d) || "ABEHMNPRVWXY".indexOf(d) >= 0; // AA99, AA9A
    }

    /**
     * Whether tokens {@code t} and {@code t + 1} of {@code st} form a UK postcode ("SW1A 1AA"): an outward code, one
     * space, an inward code. Shared with the street-address recognizer, which takes the postcode into its span.
     */
    public static boolean isUkPostcode(ScanText st, int t) {
        if (t + 1 >= st.tokenCount()) return false;
        String s = st.text();
        int os = st.tokenStart(t);
        int oe = st.tokenEnd(t);
        int len = oe - os;
        return len >= 2 && len <= 4 && st.tokenLength(t + 1) == 3 && st.tokenStart(t + 1) == oe + 1
                && s.charAt(oe) == ' ' && ukOutward(s, os, oe) && ukInward(s, oe + 1);
    }

    /** 9AA at {@code p}, letters other than C I K M O V. */
    static boolean ukInward(String s, int p) {
        return Chars.isDigit(s.charAt(p)) && inwardLetter(s.charAt(p + 1)) && inwardLetter(s.charAt(p + 2));
    }

    private static boolean inwardLetter(char c) {
        return Chars.isUpper(c) && "CIKMOV".indexOf(c) < 0;
    }
}
