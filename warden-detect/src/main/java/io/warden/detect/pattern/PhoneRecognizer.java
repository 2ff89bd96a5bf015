package io.warden.detect.pattern;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.List;
import java.util.Set;

/**
 * Finds telephone numbers, international ({@code +44 20 7946 0958}) or national in one of a few regions, validated
 * with Google's libphonenumber.
 *
 * <p>Rule: ITU-T E.164 (at most 15 digits) and libphonenumber's per-region metadata ({@code isValidNumber}). A
 * candidate is a run of digit groups, optionally led by {@code +} or {@code (}, joined by one or two of
 * {@code space - . ( ) /}, 7–15 digits in all, not glued to other letters or digits. Shapes other recognizers own
 * are left to them: dates ({@code 2024-01-31}), IPv4-like dotted quads, SSN-shaped {@code ddd-dd-dddd} and
 * Luhn-valid card-length runs. A national number must be written the way the region writes it: with its trunk
 * prefix where the region's numbers carry one ({@code 020 7946 0958}), as libphonenumber's VALID leniency asks,
 * so {@code 2021 2022 2023} is not a German number.
 *
 * <p>Scores: {@code +} international 0.8; {@code 00}/{@code 011} international 0.75; national with separators 0.7;
 * a bare run of digits 0.4, which needs a context word ("phone", "tel", "call", ...).
 */
public final class PhoneRecognizer implements Recognizer {
    static final String ENTITY = "PHONE_NUMBER";
    static final double PLUS = 0.8;
    static final double IDD = 0.75;
    static final double NATIONAL = 0.7;
    static final double BARE = 0.4;
    /** Regions tried, in order, for numbers written without a country code. */
    public static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "IN");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_GROUPS = 8;
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private final List<String> regions;

    public PhoneRecognizer() {
        this(DEFAULT_REGIONS);
    }

    /** @param regions ISO 3166 region codes (e.g. {@code US}) whose national formats are recognized, in order */
    public PhoneRecognizer(List<String> regions) {
        this.regions = List.copyOf(requireNonNull(regions, "regions"));
        for (String r : this.regions) {
            if (!UTIL.getSupportedRegions().contains(r)) throw new IllegalArgumentException("unknown region " + r);
        }
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("phone", "phones", "telephone", "tel", "call", "mobile", "cell", "cellphone", "fax", "contact",
                "ph", "mob", "whatsapp", "sms", "text");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int n = text.tokenCount();
        int resume = 0;
        int[] groupEnd = new int[MAX_GROUPS];
        int[] groupDigits = new int[MAX_GROUPS];
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            int ts = text.tokenStart(i);
            if (ts < resume || !text.isDigits(i) || text.tokenLength(i) > MAX_DIGITS) continue;
            // leading '+' or '('
            int start = ts;
            if (Chars.charIs(s, ts - 1, '+')) start = ts - 1;
            else if (Chars.charIs(s, ts - 1, '(') && Chars.charIs(s, text.tokenEnd(i), ')')) start = ts - 1; // (415)
            if (!leftOk(s, start)) continue;
            // collect digit groups
            int g = 0;
            int digits = 0;
            int j = i;
            boolean tooLong = false;
            while (true) {
                groupEnd[g] = text.tokenEnd(j);
                groupDigits[g] = text.tokenLength(j);
                digits += text.tokenLength(j);
                g++;
                if (digits > MAX_DIGITS) {
                    tooLong = true;
                    break;
                }
                if (g == MAX_GROUPS || j + 1 >= n || !text.isDigits(j + 1)) break;
                int gap = text.tokenStart(j + 1) - text.tokenEnd(j);
                if (gap < 1 || gap > 2) break;
                if (!Chars.onlyChars(s, text.tokenEnd(j), text.tokenStart(j + 1), " -.()/")) break;
                j++;
            }
            if (tooLong) { // skip the rest of a long run (an account or card number), it is not a phone number
                while (j + 1 < n && text.isDigits(j + 1) && text.tokenStart(j + 1) - text.tokenEnd(j) <= 2
                        && Chars.onlyChars(s, text.tokenEnd(j), text.tokenStart(j + 1), " -.()/")) {
                    j++;
                }
            }
            int chainEnd = text.tokenEnd(j);
            resume = chainEnd;
            if (!tooLong) {
                if (!rightOk(s, chainEnd)) continue;
                if (digits >= MIN_DIGITS && tryReport(s, start, chainEnd, g, groupEnd, groupDigits, sink)) continue;
            }
            // "555-123-4567 555-987-6543": a list of numbers joined by plain spaces
            int prefixDigits = 0;
            for (int k = 0; k < g; k++) prefixDigits += groupDigits[k];
            for (int k = g - 1; k >= 1; k--) {
                prefixDigits -= groupDigits[k];
                int e = groupEnd[k - 1];
                if (!Chars.charIs(s, e, ' ') || !(Chars.digitAt(s, e + 1) || Chars.charIs(s, e + 1, '('))) continue;
                if (prefixDigits < MIN_DIGITS || prefixDigits > MAX_DIGITS || !hasInnerStructure(s, start, e)) continue;
                if (tryReport(s, start, e, k, groupEnd, groupDigits, sink)) {
                    resume = e;
                    break;
                }
            }
        }
    }

    /** Whether nothing glues the candidate to a preceding word or number. */
    private static boolean leftOk(String s, int start) {
        if (start == 0) return true;
        char b = s.charAt(start - 1);
        if ("+$€£#@&=".indexOf(b) >= 0) return false;
        return !Chars.attachedBefore(s, start);
    }

    /** Whether nothing glues the candidate to a following word or number (an extension is not handled). */
    private static boolean rightOk(String s, int end) {
        if (end >= s.length()) return true;
        char a = s.charAt(end);
        return a != '%' && !Chars.attachedAfter(s, end);
    }

    /** A separator other than a plain space inside {@code [from, to)}: "(415) 555-2671", "+44 ...", "020-...". */
    private static boolean hasInnerStructure(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '.' || c == '(' || c == '/' || c == '+') return true;
        }
        return false;
    }

    private boolean tryReport(String s, int start, int end, int groups, int[] groupEnd, int[] groupDigits,
            SpanSink sink) {
        double score = score(s, start, end, groups, groupEnd, groupDigits);
        if (score <= 0) return false;
        sink.report(start, end, ENTITY, score);
        return true;
    }

    /** The score of the candidate {@code [start, end)}, or 0 when it is not a valid phone number. */
    private double score(String s, int start, int end, int groups, int[] groupEnd, int[] groupDigits) {
        int digits = Chars.countDigits(s, start, end);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) return 0;
        if (ownedByOthers(s, start, end, groups, groupEnd, groupDigits, digits)) return 0;
        String candidate = s.substring(start, end);
        boolean plus = s.charAt(start) == '+';
        String digitString = digitsOf(candidate);
        if (plus) {
            if (digitString.length() == 11 && digitString.charAt(0) == '1' && nanpShaped(digitString, 1)) {
                return nanpValid(digitString, 1) ? PLUS : 0;
            }
            return PhoneValidity.validInternational(digitString) ? PLUS : 0;
        }
        for (String region : regions) {
            if (digitString.length() == 10 && nanpShaped(digitString, 0) && UTIL.getCountryCodeForRegion(region) == 1) {
                // a national NANP number: parse() would give country code 1 and these ten digits, so skip it
                if (nanpValid(digitString, 0)) return groups > 1 || candidate.charAt(0) == '(' ? NATIONAL : BARE;
                continue;
            }
            double sc = nationalScore(candidate, digitString, region, groups);
            if (sc > 0) return sc;
        }
        return 0;
    }

    /** Whether the ten digits at {@code from} start with 2-9, as every NANP area code does. */
    static boolean nanpShaped(String digits, int from) {
        char c = digits.charAt(from);
        return c >= '2' && c <= '9';
    }

    /**
     * libphonenumber's validity verdict for the NANP (+1) number whose ten national digits start at {@code from},
     * without {@code parse()}: for such input parse() only strips formatting (tested against it in
     * PhoneRecognizerTest), and its regex-heavy normalisation is most of the cost of validating a US number.
     */
    static boolean nanpValid(String digits, int from) {
        PhoneNumber n = new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(digits, from, from + 10, 10));
        return PhoneValidity.valid(n);
    }

    private static double nationalScore(String candidate, String digits, String region, int groups) {
        PhoneNumber number = PhoneValidity.plainNational(digits, region);
        if (number == null) {
            try {
                number = UTIL.parseAndKeepRawInput(candidate, region);
            } catch (NumberParseException e) {
                return 0;
            }
        }
        if (!PhoneValidity.valid(number)) return 0;
        return switch (number.getCountryCodeSource()) {
            case FROM_NUMBER_WITH_IDD -> IDD;
            case FROM_DEFAULT_COUNTRY -> nationalPrefixOk(candidate, digits, number, region)
                    ? (groups > 1 || candidate.charAt(0) == '(' ? NATIONAL : BARE)
                    : 0;
            case FROM_NUMBER_WITH_PLUS_SIGN, FROM_NUMBER_WITHOUT_PLUS_SIGN, UNSPECIFIED -> 0;
        };
    }

    /**
     * Whether a national number carries its trunk prefix the way the region writes it: "020 7946 0958" in GB,
     * "(415) 555-2671" or "1-800-555-0199" in the US. A mobile number may leave it out where libphonenumber's VALID
     * leniency allows that (India); that check costs a matcher per call, so it runs only in this rare case.
     */
    private static boolean nationalPrefixOk(String candidate, String digits, PhoneNumber number, String region) {
        String nsn = UTIL.getNationalSignificantNumber(number);
        String prefix = UTIL.getNddPrefixForRegion(region, true);
        if (prefix != null && digits.equals(prefix + nsn)) return true;
        if (!digits.equals(nsn)) return false;
        // NANP (+1) national formats never carry the trunk prefix ("(415) 555-2671"): skip the costly formatting
        if (number.getCountryCode() == 1) return true;
        String national = digitsOf(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
        if (national.equals(nsn)) return true;
        // prefix left out: customary only for mobiles where the region allows it (India's "98765 43210")
        if (UTIL.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.MOBILE) return false;
        return UTIL.findNumbers(candidate, region, PhoneNumberUtil.Leniency.VALID, 1).iterator().hasNext();
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isDigit(c)) b.append(c);
        }
        return b.toString();
    }

    /** Dates, dotted quads, SSNs and card numbers look like phone numbers; their own recognizers own them. */
    private static boolean ownedByOthers(String s, int start, int end, int groups, int[] groupEnd, int[] len,
            int digits) {
        char sep = 0;
        boolean oneSep = true;
        boolean dots = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.isDigit(c)) continue;
            if (c == '.') dots = true;
            if (c == '+' || c == '(' || c == ')') {
                oneSep = false;
                continue;
            }
            if (sep == 0) sep = c;
            else if (sep != c) oneSep = false;
        }
        boolean plus = s.charAt(start) == '+';
        if (dots && !plus && (groups < 3 || !oneSep || minLen(len, groups) < 2)) return true; // 3.14159, 2.10.0.9-4
        if (groups == 1 && !plus && (digits < 10 || digits > 12)) return true; // bare IDs, order and bug numbers
        if (groups == 2 && sep == '-' && len[0] == 5 && len[1] == 4) return true; // ZIP+4
        if (allYears(s, groupEnd, len, groups)) return true; // "1998-2004", "2019 2020 2021"
        if (groups == 4 && dots && oneSep && len[0] <= 3 && len[1] <= 3 && len[2] <= 3 && len[3] <= 3) return true;
        if (groups == 3 && oneSep && (sep == '-' || sep == ' ') && len[0] == 3 && len[1] == 2 && len[2] == 4) {
            return true; // ddd-dd-dddd
        }
        if (groups == 3 && oneSep && looksLikeDate(s, groupEnd, len)) return true;
        boolean cardShape = groups == 1 || (oneSep && len[0] == 4 && len[1] == 4);
        return digits >= 13 && cardShape && Chars.luhn(s, start, end);
    }

    private static int minLen(int[] len, int groups) {
        int min = Integer.MAX_VALUE;
        for (int k = 0; k < groups; k++) min = Math.min(min, len[k]);
        return min;
    }

    private static boolean allYears(String s, int[] groupEnd, int[] len, int groups) {
        if (groups < 2) return false;
        for (int k = 0; k < groups; k++) {
            if (len[k] != 4) return false;
            long y = Chars.digits(s, groupEnd[k] - 4, groupEnd[k]);
            if (y < 1900 || y > 2099) return false;
        }
        return true;
    }

    /** y-m-d, m/d/y or d.m.y with plausible day and month numbers. */
    private static boolean looksLikeDate(String s, int[] groupEnd, int[] len) {
        int a = (int) Chars.digits(s, groupEnd[0] - len[0], groupEnd[0]);
        int b = (int) Chars.digits(s, groupEnd[1] - len[1], groupEnd[1]);
        int c = (int) Chars.digits(s, groupEnd[2] - len[2], groupEnd[2]);
        if (len[0] == 4) return len[1] <= 2 && len[2] <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
        if (len[0] > 2 || len[1] > 2 || (len[2] != 4 && len[2] != 2)) return false;
        boolean md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
        boolean dm = b >= 1 && b <= 12 && a >= 1 && a <= 31;
        return md || dm;
    }
}
