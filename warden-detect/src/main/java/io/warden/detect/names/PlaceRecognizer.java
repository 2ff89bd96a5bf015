package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.AREA;
import static io.warden.detect.names.Lexicon.CITY;
import static io.warden.detect.names.Lexicon.COMMON;
import static io.warden.detect.names.Lexicon.COUNTRY;
import static io.warden.detect.names.Lexicon.FIRST;
import static io.warden.detect.names.Lexicon.LAST;
import static io.warden.detect.names.Lexicon.PLACE;
import static io.warden.detect.names.Lexicon.REGION;
import static io.warden.detect.names.Lexicon.US_STATE;
import static io.warden.detect.names.TokenClasses.ALL_CAPS;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes LOCATION names: countries, US states, regions and provinces, continents, and capital and major
 * cities, single words or phrases ("New York", "United Kingdom", "San Francisco"), written capitalised.
 *
 * <p>Scores: a country 0.85, a US state 0.75, a city 0.65, a region 0.55, a multi-word place 0.85, a city followed
 * by ", State" or ", Country" 0.85 (both are reported, separately; a state abbreviation there 0.6). A place that
 * is also a person's name (Jordan, Georgia, Florence) scores 0.45 to 0.55, or 0.6 right after a preposition of
 * place ("in Florence"); a place that is an ordinary word (Nice, Reading, Turkey) 0.3, or 0.5 after such a
 * preposition, so it needs a context word such as "city", "visited" or "lives". Sources: Datafaker's country, capital, state and city
 * lists, and {@code cities.txt} shipped with this package.
 */
public final class PlaceRecognizer implements Recognizer {
    static final String LOCATION = "LOCATION";

    @Override
    public String name() {
        return "location";
    }

    @Override
    public Set<String> entities() {
        return Set.of(LOCATION);
    }

    @Override
    public Set<String> context() {
        return Set.of("city", "town", "country", "state", "province", "county", "region", "village", "capital",
                "located", "location", "lives", "live", "living", "lived", "born", "near", "visit", "visited",
                "visiting", "travel", "traveled", "travelled", "moved", "address", "resident", "residence",
                "hometown", "birthplace", "nationality", "citizen", "headquartered", "based");
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        if (!tc.any(PLACE | Lexicon.PHRASE_START)) return;
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        Lexicon lex = Lexicon.get();
        int next = 0;
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            int f = cls[i];
            if (i < next || (f & (PLACE | Lexicon.PHRASE_START)) == 0) continue;
            int last = -1;
            int pf = 0;
            int len = lex.longestPhrase(st, i, f, PLACE, true);
            if (len > 0) {
                last = i + len - 1;
                pf = lex.phrase(st, i, len);
            }
            double score;
            if (last >= 0) {
                score = 0.85;
            } else if ((f & PLACE) != 0 && (st.tokenFlags(i) & ScanText.LETTERS) != 0) {
                last = i;
                pf = f;
                score = singleScore(st, cls, i, f);
            } else {
                continue;
            }
            // "Springfield, IL", "Austin, Texas", "Lyon, France": the city is surely a place; both are reported
            int tail = tailAfter(st, cls, lex, last);
            if (tail > last && (pf & (CITY | REGION)) != 0 && score > 0) {
                score = Math.max(score, 0.85);
                int t = last + 1;
                if (Places.isUsStateAbbreviation(st.text(), st.tokenStart(t), st.tokenEnd(t))) {
                    sink.report(st.tokenStart(t), st.tokenEnd(t), LOCATION, 0.6);
                }
            }
            if (score > 0) sink.report(st.tokenStart(i), st.tokenEnd(last), LOCATION, score);
            next = last + 1;
        }
    }

    private static double singleScore(ScanText st, int[] cls, int i, int f) {
        double score;
        if ((f & COUNTRY) != 0) score = 0.85;
        else if ((f & US_STATE) != 0) score = 0.75;
        else if ((f & CITY) != 0) score = 0.65;
        else if ((f & AREA) != 0) score = 0.6;
        else score = 0.55;
        boolean caps = (f & ALL_CAPS) != 0;
        int len = st.tokenLength(i);
        if (caps && len <= 3) {
            // USA, UK, UAE: fine in running text, not in a line of capitals ("TELL US")
            boolean shouting = (i > 0 && (cls[i - 1] & ALL_CAPS) != 0)
                    || (i + 1 < st.tokenCount() && (cls[i + 1] & ALL_CAPS) != 0);
            return shouting || (f & COUNTRY) == 0 ? 0 : 0.75;
        }
        if ((f & COMMON) != 0) return afterPreposition(st, i) ? 0.5 : 0.3; // "Nice" / "from Nice"
        if ((f & (FIRST | LAST)) != 0) {
            // "Florence", "Jordan", "Houston": a person as often as a place, unless "in Florence", "to Jordan"
            score = afterPreposition(st, i) ? 0.6 : (f & (COUNTRY | US_STATE)) != 0 ? 0.55 : 0.45;
        }
        if (caps) score -= 0.1;
        return score;
    }

    /** Whether a preposition of place stands right before token {@code i} ("in Madrid", "from Dallas"). */
    private static boolean afterPreposition(ScanText st, int i) {
        if (i == 0 || !PersonRecognizer.gapIs(st.text(), st.tokenEnd(i - 1), st.tokenStart(i), " ")) return false;
        for (String p : PREPOSITIONS) if (st.tokenEqualsIgnoreCase(i - 1, p)) return true;
        return false;
    }

    private static final String[] PREPOSITIONS = {"in", "at", "from", "to", "near", "via", "into", "across",
        "toward", "towards", "around", "outside", "throughout", "visit", "visited", "visiting", "of", "de"};

    /** Token index of a state or country right after {@code last} and a comma ({@code ", IL"}), or -1. */
    private static int tailAfter(ScanText st, int[] cls, Lexicon lex, int last) {
        int n = st.tokenCount();
        int t = last + 1;
        if (t >= n || !PersonRecognizer.gapIs(st.text(), st.tokenEnd(last), st.tokenStart(t), ", ")) return -1;
        if (Places.isUsStateAbbreviation(st.text(), st.tokenStart(t), st.tokenEnd(t))) return t;
        int f = cls[t];
        if ((f & (COUNTRY | US_STATE)) != 0 && (f & COMMON) == 0) return t;
        int len = lex.longestPhrase(st, t, f, COUNTRY | US_STATE, false);
        return len > 0 ? t + len - 1 : -1;
    }
}
