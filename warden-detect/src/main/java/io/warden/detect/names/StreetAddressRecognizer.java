package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.CITY;
import static io.warden.detect.names.Lexicon.DIRECTION;
import static io.warden.detect.names.Lexicon.PO_BOX;
import static io.warden.detect.names.Lexicon.STREET_STRONG;
import static io.warden.detect.names.Lexicon.STREET_SUFFIX;
import static io.warden.detect.names.Lexicon.UNIT;
import static io.warden.detect.names.Lexicon.US_STATE;
import static io.warden.detect.names.PersonRecognizer.gapIs;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import io.warden.detect.pattern.ZipCodeRecognizer;
import java.util.Set;

/**
 * Recognizes street addresses as LOCATION: a house number, one to four capitalised words and a street suffix
 * ({@code "221B Baker Street"}, {@code "1600 Pennsylvania Avenue NW"}, {@code "12 W 42nd St."}), with an
 * optional unit ({@code "Apt 4B"}, {@code "Suite 100"}, {@code "#12"}) and an optional
 * {@code ", City, ST 12345"} tail, all in one span; and post-office boxes ({@code "P.O. Box 123"}).
 *
 * <p>Scores: number, words and a common suffix (Street, Avenue, Road, Drive, ...) 0.7; a rarer suffix that is
 * also a word (Run, Hill, Haven, Junction) 0.55 after a house number of three or more digits, else 0.45; with a
 * unit or a city-and-state tail 0.85. Street suffixes come from
 * Datafaker's {@code street_suffix} list plus the USPS abbreviations.
 */
public final class StreetAddressRecognizer implements Recognizer {
    private static final int MAX_NAME_WORDS = 5;

    @Override
    public String name() {
        return "street_address";
    }

    @Override
    public Set<String> entities() {
        return Set.of(PlaceRecognizer.LOCATION);
    }

    @Override
    public Set<String> context() {
        return Set.of("address", "addr", "street", "lives", "live", "living", "located", "home", "residence",
                "resides", "reside", "ship", "shipping", "billing", "mailing", "deliver", "delivery", "apartment",
                "moved", "mail", "office", "headquarters");
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        if (!tc.any(STREET_SUFFIX | PO_BOX)) return;
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        int next = 0;
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            if (i < next) continue;
            if ((cls[i] & STREET_SUFFIX) != 0) {
                int end = street(st, cls, i, sink);
                if (end > i) next = end;
            } else if ((cls[i] & PO_BOX) != 0) {
                poBox(st, i, sink);
            }
        }
    }

    /**
     * Tries an address whose street suffix is token {@code suffix}: looks back over the street name for the house
     * number, then forward for a direction, unit and city tail. Returns the token after the address, or -1.
     */
    private static int street(ScanText st, int[] cls, int suffix, SpanSink sink) {
        String text = st.text();
        int n = st.tokenCount();
        // "12 Park Avenue": the suffix is the last of a run of suffix words
        if (suffix + 1 < n && (cls[suffix + 1] & STREET_SUFFIX) != 0
                && gapIs(text, st.tokenEnd(suffix), st.tokenStart(suffix + 1), " ")) {
            return -1;
        }
        int number = -1;
        for (int t = suffix - 1; t >= 0 && t >= suffix - MAX_NAME_WORDS - 1; t--) {
            int gs = st.tokenEnd(t);
            int ge = st.tokenStart(t + 1);
            boolean spaced = gapIs(text, gs, ge, " ") || (gapIs(text, gs, ge, ". ") && (cls[t] & DIRECTION) != 0)
                    || ((gapIs(text, gs, ge, "'") || gapIs(text, gs, ge, "-")) && t < suffix - 1); // "O'Connell"
            if (!spaced) break;
            if ((st.tokenFlags(t) & ScanText.HAS_DIGIT) != 0 && isHouseNumber(st, t)) {
                if (t < suffix - 1) number = t;
                break;
            }
            int tf = st.tokenFlags(t);
            boolean word = (tf & ScanText.UPPER_FIRST) != 0 && (tf & ScanText.LETTERS) != 0;
            if (!word && !isOrdinal(st, t)) break;
        }
        if (number < 0) return -1;
        boolean strong = (cls[suffix] & STREET_STRONG) != 0;
        int last = suffix;
        int endChar = afterAbbreviationDot(st, suffix);
        // "1600 Pennsylvania Avenue NW"
        if (last + 1 < n && gapIs(text, endChar, st.tokenStart(last + 1), " ")
                && (cls[last + 1] & DIRECTION) != 0 && st.tokenLength(last + 1) <= 2) {
            last++;
            endChar = st.tokenEnd(last);
        }
        boolean complete = false;
        int unitEnd = unit(st, cls, last, endChar);
        if (unitEnd > last) {
            last = unitEnd;
            endChar = st.tokenEnd(last);
            complete = true;
        }
        int tailEnd = cityTail(st, cls, last, endChar);
        if (tailEnd > last) {
            last = tailEnd;
            endChar = st.tokenEnd(last);
            complete = true;
        }
        double score = complete ? 0.85 : strong ? 0.7 : st.tokenLength(number) >= 3 ? 0.55 : 0.45;
        sink.report(st.tokenStart(number), endChar, PlaceRecognizer.LOCATION, score);
        return last + 1;
    }

    /** A house number: 1 to 6 digits, optionally one letter ("221B"), not part of a decimal, date or range. */
    private static boolean isHouseNumber(ScanText st, int i) {
        int len = st.tokenLength(i);
        int s = st.tokenStart(i);
        String text = st.text();
        if (len > 7) return false;
        int digits = 0;
        while (digits < len && Character.isDigit(text.charAt(s + digits))) digits++;
        if (digits == 0 || digits > 6 || len - digits > 1) return false;
        if (s > 0) {
            char c = text.charAt(s - 1);
            if (c == '.' || c == '-' || c == '/' || c == ':' || c == '$' || c == ',' && s > 1
                    && Character.isDigit(text.charAt(s - 2))) {
                return false;
            }
        }
        return true;
    }

    /** "5th", "42nd", "1st", "3rd": a numbered street name. */
    private static boolean isOrdinal(ScanText st, int t) {
        int len = st.tokenLength(t);
        if (len < 3 || len > 6) return false;
        String text = st.text();
        int e = st.tokenEnd(t);
        if (!Character.isDigit(text.charAt(st.tokenStart(t)))) return false;
        return text.regionMatches(true, e - 2, "st", 0, 2) || text.regionMatches(true, e - 2, "nd", 0, 2)
                || text.regionMatches(true, e - 2, "rd", 0, 2) || text.regionMatches(true, e - 2, "th", 0, 2);
    }

    /** Index after the token, including a following period if the token is an abbreviation ("St.", "Ave."). */
    private static int afterAbbreviationDot(ScanText st, int t) {
        int e = st.tokenEnd(t);
        if (e < st.length() && st.charAt(e) == '.' && st.tokenLength(t) <= 4) return e + 1;
        return e;
    }

    /** Last token of a unit designator after the street ("Apt 4B", ", Suite 100", "#12"), or -1. */
    private static int unit(ScanText st, int[] cls, int last, int endChar) {
        int n = st.tokenCount();
        String text = st.text();
        int t = last + 1;
        if (t >= n) return -1;
        int p = endChar;
        if (p < text.length() && text.charAt(p) == ',') p++;
        if (p >= text.length() || text.charAt(p) != ' ') return -1;
        p++;
        if (p < text.length() && text.charAt(p) == '#') {
            int q = p + 1;
            if (q < text.length() && text.charAt(q) == ' ') q++;
            return st.tokenStart(t) == q && isDesignator(st, t) ? t : -1;
        }
        if (st.tokenStart(t) != p || (cls[t] & UNIT) == 0 || t + 1 >= n) return -1;
        int gs = st.tokenEnd(t);
        int ge = st.tokenStart(t + 1);
        boolean spaced = gapIs(text, gs, ge, " ") || gapIs(text, gs, ge, ". ") || gapIs(text, gs, ge, " #")
                || gapIs(text, gs, ge, ".");
        return spaced && isDesignator(st, t + 1) ? t + 1 : -1;
    }

    private static boolean isDesignator(ScanText st, int t) {
        int len = st.tokenLength(t);
        return len <= 6 && ((st.tokenFlags(t) & ScanText.HAS_DIGIT) != 0 || len == 1);
    }

    /**
     * Last token of {@code ", City, ST 12345"} (state abbreviation or name, optional ZIP or ZIP+4; or a known
     * city alone) after the street, or -1.
     */
    private static int cityTail(ScanText st, int[] cls, int last, int endChar) {
        int n = st.tokenCount();
        String text = st.text();
        int c0 = last + 1;
        if (c0 >= n || !gapIs(text, endChar, st.tokenStart(c0), ", ")) return -1;
        Lexicon lex = Lexicon.get();
        for (int len = 1; len <= 3 && c0 + len - 1 < n; len++) {
            int cl = c0 + len - 1;
            int tf = st.tokenFlags(cl);
            if ((tf & ScanText.UPPER_FIRST) == 0 || (tf & ScanText.LETTERS) == 0) break;
            if (len > 1 && !Lexicon.phraseGap(text, st.tokenEnd(cl - 1), st.tokenStart(cl))) break;
            int s = cl + 1;
            if (s >= n) break;
            int gs = st.tokenEnd(cl);
            int ge = st.tokenStart(s);
            if (ge == gs + 1 && text.charAt(gs) == ' ' && ZipCodeRecognizer.isUkPostcode(st, s)) {
                return s + 1; // ", Leeds LS1 4AB"
            }
            if (!gapIs(text, gs, ge, ", ") && !gapIs(text, gs, ge, " ")) continue;
            int stateEnd = -1;
            if (Places.isUsStateAbbreviation(text, st.tokenStart(s), st.tokenEnd(s))) {
                stateEnd = s;
            } else if ((cls[s] & US_STATE) != 0) {
                stateEnd = s;
            } else if (s + 1 < n && (lex.phrase(st, s, 2) & US_STATE) != 0) {
                stateEnd = s + 1;
            }
            if (stateEnd < 0) continue;
            int z = stateEnd + 1;
            if (z < n && gapIs(text, st.tokenEnd(stateEnd), st.tokenStart(z), " ") && st.isDigits(z)
                    && st.tokenLength(z) == 5) {
                if (z + 1 < n && gapIs(text, st.tokenEnd(z), st.tokenStart(z + 1), "-") && st.isDigits(z + 1)
                        && st.tokenLength(z + 1) == 4) {
                    return z + 1;
                }
                return z;
            }
            return stateEnd;
        }
        // ", London" — a known city alone
        if ((cls[c0] & CITY) != 0) return c0;
        return -1;
    }

    /** "PO Box 123", "P.O. Box 123", "Post Office Box 123". */
    private static void poBox(ScanText st, int box, SpanSink sink) {
        String text = st.text();
        int num = box + 1;
        if (!st.isDigits(num) || !gapIs(text, st.tokenEnd(box), st.tokenStart(num), " ")) return;
        int start = -1;
        if (box >= 1 && st.tokenEqualsIgnoreCase(box - 1, "po")
                && gapIs(text, st.tokenEnd(box - 1), st.tokenStart(box), " ")) {
            start = st.tokenStart(box - 1);
        } else if (box >= 2 && st.tokenEqualsIgnoreCase(box - 1, "o") && st.tokenEqualsIgnoreCase(box - 2, "p")
                && gapIs(text, st.tokenEnd(box - 2), st.tokenStart(box - 1), ".")
                && gapIs(text, st.tokenEnd(box - 1), st.tokenStart(box), ". ")) {
            start = st.tokenStart(box - 2);
        } else if (box >= 2 && st.tokenEqualsIgnoreCase(box - 1, "office")
                && st.tokenEqualsIgnoreCase(box - 2, "post")) {
            start = st.tokenStart(box - 2);
        }
        if (start >= 0) sink.report(start, st.tokenEnd(num), PlaceRecognizer.LOCATION, 0.7);
    }
}
