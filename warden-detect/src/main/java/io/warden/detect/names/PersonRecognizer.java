package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.AMBIGUOUS_NAME;
import static io.warden.detect.names.Lexicon.COMMON;
import static io.warden.detect.names.Lexicon.COUNTRY;
import static io.warden.detect.names.Lexicon.FIRST;
import static io.warden.detect.names.Lexicon.LAST;
import static io.warden.detect.names.Lexicon.MONTH_DAY;
import static io.warden.detect.names.Lexicon.NRP;
import static io.warden.detect.names.Lexicon.ORG_KIND;
import static io.warden.detect.names.Lexicon.ORG_LEGAL;
import static io.warden.detect.names.Lexicon.PLACE;
import static io.warden.detect.names.Lexicon.STOP;
import static io.warden.detect.names.Lexicon.STREET_STRONG;
import static io.warden.detect.names.Lexicon.STREET_SUFFIX;
import static io.warden.detect.names.Lexicon.TITLE_ABBR;
import static io.warden.detect.names.Lexicon.TITLE_WORD;
import static io.warden.detect.names.Lexicon.US_STATE;
import static io.warden.detect.names.TokenClasses.ALL_CAPS;
import static io.warden.detect.names.TokenClasses.SENTENCE_START;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes PERSON names: runs of one to three capitalised words that are known first names and surnames
 * (Datafaker's name lists in many locales), with middle initials, hyphenated and apostrophe surnames, and an
 * optional title in front (the title itself is left to {@link TitleRecognizer}).
 *
 * <p>Scores: a known first name and a known surname 0.85; a known first name and any other capitalised word 0.6;
 * a single known name 0.3 (it needs a context word such as "name", "dear" or "patient"), or 0.5 to 0.6 where names
 * stand: right after "Dear", "Hi" or "Name:", after an initial, in a sign-off ("Best, Gayle"), as a chat speaker
 * ("Gayle: ...", "&lt;Gayle&gt;") or before "said", "wrote", ...; after a title 0.7 to 0.9. Names that are also ordinary words (Will, May, Hope, Brown) score lower, and at the start of a sentence
 * they count only next to an unambiguous surname, so "Will you come?" and "May I?" are not names. Text in
 * capitals needs a full first-and-last name.
 */
public final class PersonRecognizer implements Recognizer {
    static final String PERSON = "PERSON";
    private static final int AMBIGUOUS = COMMON | AMBIGUOUS_NAME;
    private static final int NAME = FIRST | LAST;
    private static final int BLOCKS_NAME = STREET_STRONG | ORG_LEGAL | ORG_KIND;
    private static final int MAX_UNITS = 3;

    @Override
    public String name() {
        return "person";
    }

    @Override
    public Set<String> entities() {
        return Set.of(PERSON);
    }

    @Override
    public Set<String> context() {
        return Set.of("name", "names", "named", "mr", "mrs", "ms", "miss", "dr", "said", "says", "dear", "signed",
                "patient", "customer", "contact", "client", "employee", "user", "author", "by", "from", "to", "cc",
                "attn", "hi", "hello", "thanks", "regards", "sincerely", "called", "person", "spouse", "wife",
                "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend", "manager",
                "doctor", "nurse", "member", "applicant", "owner", "tenant", "passenger", "student", "witness",
                "beneficiary", "insured", "surname", "firstname", "lastname", "fullname");
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        int next = 0;
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            if (i >= next) next = match(st, cls, i, sink);
        }
    }

    /** Tries a name starting at token {@code i}; returns the token to continue from (always after {@code i}). */
    private static int match(ScanText st, int[] cls, int i, SpanSink sink) {
        int n = st.tokenCount();
        if ((cls[i] & (TITLE_ABBR | TITLE_WORD)) != 0 || !startsUnit(st, i)) return i + 1;
        int place = placePhraseEnd(st, cls[i], i);
        if (place > i) return place + 1; // "Los Angeles", "San Diego": a place, even if "Los" were a first name
        String text = st.text();
        int firstEnd = unitEnd(st, i);
        int fst = unitFlags(st, cls, i, firstEnd);
        boolean strongFirst = (fst & FIRST) != 0 && (fst & AMBIGUOUS) == 0;
        int lst = fst;
        int lastEnd = firstEnd;
        int units = 1;
        int t = firstEnd + 1;
        while (units < MAX_UNITS && t < n && gapIs(text, st.tokenEnd(t - 1), st.tokenStart(t), " ")) {
            if (isInitial(st, t) && t + 1 < n && gapIs(text, st.tokenEnd(t), st.tokenStart(t + 1), ". ")
                    && startsUnit(st, t + 1)) {
                t++; // a middle initial: "John F. Kennedy"
            }
            if (!startsUnit(st, t)) break;
            int ue = unitEnd(st, t);
            int cf = unitFlags(st, cls, t, ue) | (cls[t] & STOP);
            if (ue > t) cf &= ~STOP; // "D'Amore": the "D" is not the word "d"
            if ((cls[ue] & BLOCKS_NAME) != 0) return ue + 1; // "John Smith Street", "Smith Group": not a person
            if ((cf & (TITLE_ABBR | TITLE_WORD)) != 0 || ((cf & MONTH_DAY) != 0 && (cf & NAME) == 0)) break;
            // a stop word joins only as the surname after a clear first name ("Palmer Little")
            if ((cf & STOP) != 0 && !(strongFirst && units == 1 && (cf & LAST) != 0)) break;
            if ((cf & (PLACE | NRP)) != 0 && (cf & NAME) == 0) break;
            lst = cf;
            lastEnd = ue;
            units++;
            t = ue + 1;
            if ((cf & STOP) != 0) break;
        }
        if (t < n && (cls[t] & BLOCKS_NAME) != 0 && gapIs(text, st.tokenEnd(t - 1), st.tokenStart(t), " ")) {
            return t + 1;
        }
        if (streetName(st, cls, i, lastEnd)) return lastEnd + 1; // "3654 Dimple Cliffs", "12 Willow Run"

        int startTok = i;
        boolean initial = i >= 1 && isInitial(st, i - 1) && gapIs(text, st.tokenEnd(i - 1), st.tokenStart(i), ". ");
        if (initial) startTok = i - 1;
        boolean titled = titleBefore(st, cls, startTok);
        boolean sentenceStart = (cls[i] & SENTENCE_START) != 0;
        boolean fAmb = (fst & AMBIGUOUS) != 0;
        boolean fKnown = (fst & NAME) != 0;
        if (!titled && units >= 2 && (!fKnown || (fAmb && sentenceStart && units >= 3))) {
            // "Yesterday John Smith", "Dear Mary": the name starts at the next word
            if (!(units == 2 && !fKnown && !fAmb && !sentenceStart && (lst & LAST) != 0
                    && (lst & AMBIGUOUS) == 0)) {
                return firstEnd + 1;
            }
        }
        boolean allCaps = ((cls[i] | cls[lastEnd]) & ALL_CAPS) != 0;

        double score = units >= 2 ? fullScore(fst, lst, sentenceStart, allCaps, titled) : 0;
        if (units == 2 && score < 0.7 && (fst & NAME) != 0 && (lst & NAME) != 0 && !allCaps
                && (lst & STOP) == 0 && verbAfter(st, lastEnd)) {
            score = 0.7; // "Grant Hope signed the contract."
        }
        int end = lastEnd;
        if (score == 0) {
            end = firstEnd;
            if (!titled && ((fst & NAME) == 0 || allCaps || (fst & (MONTH_DAY | STOP)) != 0)) return end + 1;
            // a chat speaker must be an unambiguous name: "Date:" and "Note:" head lines too
            boolean cue = initial || cueBefore(st, startTok)
                    || ((fst & (COMMON | STOP)) == 0 && speaker(st, startTok, firstEnd))
                    || ((fst & (COUNTRY | US_STATE)) == 0 && !listBefore(st, startTok) && verbAfter(st, firstEnd));
            score = singleScore(fst, sentenceStart, allCaps, titled, cue);
        }
        if (score > 0) sink.report(st.tokenStart(startTok), st.tokenEnd(end), PERSON, score);
        return end + 1;
    }

    private static double fullScore(int fst, int lst, boolean sentenceStart, boolean allCaps, boolean titled) {
        boolean fAmb = (fst & AMBIGUOUS) != 0;
        boolean lAmb = (lst & AMBIGUOUS) != 0;
        boolean fKnown = (fst & NAME) != 0;
        boolean lKnown = (lst & NAME) != 0;
        if (titled) return 0.9;
        if (allCaps) return (fst & FIRST) != 0 && lKnown && !fAmb && !lAmb ? 0.7 : 0;
        if (sentenceStart && fAmb && (!lKnown || lAmb)) return 0;
        if ((fst & STOP) != 0 && (fst & FIRST) == 0) return 0;
        if (fKnown && lKnown) {
            double s;
            if (!fAmb && !lAmb) s = 0.85;
            else if (!lAmb) s = 0.7;
            else if (!fAmb) s = 0.5;
            else s = 0.3;
            return (fst & FIRST) == 0 ? Math.min(s, 0.6) : s;
        }
        if ((fst & FIRST) != 0 && !fAmb && !lKnown && !lAmb) return 0.6;
        if ((fst & FIRST) != 0 && !sentenceStart && !lKnown && !lAmb) return 0.4; // "by Mark Roseman"
        if (!fKnown && !fAmb && (lst & LAST) != 0 && !lAmb) return 0.4;
        return 0;
    }

    /**
     * Score of a one-word name. {@code cue} means the word stands where names stand: after "Dear", "Hi", "Name:",
     * after an initial, in a sign-off ("Best, Gayle"), or as a chat speaker ("Gayle: ...", "&lt;Gayle&gt;").
     */
    private static double singleScore(int f, boolean sentenceStart, boolean allCaps, boolean titled, boolean cue) {
        boolean known = (f & NAME) != 0;
        boolean common = (f & COMMON) != 0;
        boolean amb = (f & (AMBIGUOUS | PLACE)) != 0; // "Houston", "Florence": a place as often as a person
        if (titled) return known ? (amb ? 0.75 : 0.85) : 0.7;
        if (!known || allCaps || (f & (MONTH_DAY | STOP)) != 0) return 0;
        if (cue) return amb ? 0.5 : 0.6;
        if (amb && sentenceStart) return 0;
        if (common) return 0.1; // a frequent word: context alone does not make it a name
        return amb ? 0.15 : 0.3;
    }

    /** Last token of a multi-word place name starting at token {@code i}, or -1. */
    private static int placePhraseEnd(ScanText st, int f, int i) {
        int len = Lexicon.get().longestPhrase(st, i, f, PLACE, false);
        return len > 0 ? i + len - 1 : -1;
    }

    /** Whether the unit run {@code [first, last]} is a street name: a house number before, a suffix at or after its end. */
    private static boolean streetName(ScanText st, int[] cls, int first, int last) {
        if (first == 0 || !st.isDigits(first - 1) || st.tokenLength(first - 1) > 6) return false;
        if (!gapIs(st.text(), st.tokenEnd(first - 1), st.tokenStart(first), " ")) return false;
        if ((cls[last] & STREET_SUFFIX) != 0) return true;
        int t = last + 1;
        return t < st.tokenCount() && (cls[t] & STREET_SUFFIX) != 0
                && gapIs(st.text(), st.tokenEnd(last), st.tokenStart(t), " ");
    }

    private static final String[] CUES = {"dear", "hi", "hello", "hey", "name", "named", "patient", "customer",
        "birthday", "congratulations", "congrats", "welcome", "morning", "afternoon", "evening", "bye", "goodbye",
        "contact", "attn", "cc", "signed", "beneficiary", "applicant", "employee", "client", "passenger", "guest",
        "tenant", "member", "user", "student", "from", "to"};
    private static final String[] VERBS = {"said", "says", "signed", "wrote", "writes", "asked", "asks", "told",
        "tells", "replied", "replies", "emailed", "texted", "called", "smiled", "laughed", "flew", "thinks",
        "thought", "wants", "wanted", "knows", "knew", "agreed", "explained", "added", "noted", "confirmed"};
    private static final String[] SIGN_OFFS = {"best", "regards", "thanks", "cheers", "sincerely", "yours",
        "love", "warmly", "wishes", "respectfully", "cordially"};

    /**
     * Whether a cue word stands right before token {@code t}: "Dear Hope", "Name: Jennifer", "To: Sam" (a header),
     * or a sign-off and comma ("Best, Gayle").
     */
    private static boolean cueBefore(ScanText st, int t) {
        if (t == 0) return false;
        String text = st.text();
        int p = t - 1;
        int gs = st.tokenEnd(p);
        int ge = st.tokenStart(t);
        boolean spaced = gapIs(text, gs, ge, " ") || gapIs(text, gs, ge, ": ") || gapIs(text, gs, ge, ", ");
        if (spaced) {
            for (String w : CUES) {
                if (st.tokenEqualsIgnoreCase(p, w)) {
                    // "from"/"to" only as headers ("From: Sam"), not as prepositions
                    return !(w.equals("from") || w.equals("to")) || text.charAt(gs) == ':';
                }
            }
        }
        if (ge - gs >= 2 && ge - gs <= 3 && text.charAt(gs) == ',' && text.substring(gs + 1, ge).isBlank()) {
            for (String w : SIGN_OFFS) if (st.tokenEqualsIgnoreCase(p, w)) return true;
        }
        return false;
    }

    /** Whether a verb that people do follows token {@code t}: "Hope Martinez said", "Grant Hope signed". */
    private static boolean verbAfter(ScanText st, int t) {
        int v = t + 1;
        if (v >= st.tokenCount() || !gapIs(st.text(), st.tokenEnd(t), st.tokenStart(v), " ")) return false;
        if ((st.tokenFlags(v) & ScanText.UPPER_FIRST) != 0) return false;
        for (String w : VERBS) if (st.tokenEqualsIgnoreCase(v, w)) return true;
        return false;
    }

    /** Whether token {@code t} continues a list ("Mills and Tremblay", "Mills, Tremblay"): a firm as often as people. */
    private static boolean listBefore(ScanText st, int t) {
        if (t == 0) return false;
        String text = st.text();
        int gs = st.tokenEnd(t - 1);
        int ge = st.tokenStart(t);
        return gapIs(text, gs, ge, ", ") || gapIs(text, gs, ge, " & ")
                || (gapIs(text, gs, ge, " ") && st.tokenEqualsIgnoreCase(t - 1, "and"));
    }

    /** A chat speaker: "Gayle: hi" at the start of a line or after "[12:47] ", or "&lt;Gayle&gt;". */
    private static boolean speaker(ScanText st, int first, int last) {
        String text = st.text();
        int s = st.tokenStart(first);
        int e = st.tokenEnd(last);
        if (s > 0 && text.charAt(s - 1) == '<' && e < text.length() && text.charAt(e) == '>') return true;
        if (e >= text.length() || text.charAt(e) != ':') return false;
        int p = s - 1;
        while (p >= 0 && text.charAt(p) == ' ') p--;
        return p < 0 || text.charAt(p) == '\n' || text.charAt(p) == ']';
    }

    /** Whether token {@code t} starts a name-like unit: a capitalised word, or "O'" / "D'" before one. */
    static boolean startsUnit(ScanText st, int t) {
        int tf = st.tokenFlags(t);
        if ((tf & (ScanText.UPPER_FIRST | ScanText.LETTERS)) != (ScanText.UPPER_FIRST | ScanText.LETTERS)) {
            return false;
        }
        return st.tokenLength(t) >= 2 || unitEnd(st, t) > t;
    }

    /** Last token of the unit starting at {@code t}: capitalised words joined by a hyphen or an apostrophe. */
    static int unitEnd(ScanText st, int t) {
        String text = st.text();
        int n = st.tokenCount();
        int end = t;
        while (end + 1 < n && end - t < 3) {
            int gs = st.tokenEnd(end);
            int ge = st.tokenStart(end + 1);
            if (ge - gs != 1) break;
            char c = text.charAt(gs);
            if (c != '-' && c != '\'' && c != '\u2019') break;
            int nf = st.tokenFlags(end + 1);
            if ((nf & (ScanText.UPPER_FIRST | ScanText.LETTERS)) != (ScanText.UPPER_FIRST | ScanText.LETTERS)) break;
            end++;
        }
        return end;
    }

    /** Name flags of a unit: the phrase's own entry ("O'Brien"), else what its words say together. */
    private static int unitFlags(ScanText st, int[] cls, int first, int last) {
        if (first == last) return cls[first];
        int phrase = Lexicon.get().phrase(st, first, last - first + 1);
        if ((phrase & NAME) != 0) return phrase;
        int names = 0;
        int amb = AMBIGUOUS;
        for (int k = first; k <= last; k++) {
            names |= cls[k] & NAME;
            if (st.tokenLength(k) > 1) amb &= cls[k];
        }
        return names | amb | (cls[first] & (SENTENCE_START | ALL_CAPS));
    }

    /** A single capital letter, as in "J." */
    static boolean isInitial(ScanText st, int t) {
        return st.tokenLength(t) == 1 && (st.tokenFlags(t) & ScanText.UPPER_FIRST) != 0
                && (st.tokenFlags(t) & ScanText.LETTERS) != 0;
    }

    /** Whether a title ("Dr.", "Mrs", "Sir") stands right before token {@code t}. */
    static boolean titleBefore(ScanText st, int[] cls, int t) {
        if (t == 0) return false;
        int p = t - 1;
        int pf = cls[p];
        String text = st.text();
        int gs = st.tokenEnd(p);
        int ge = st.tokenStart(t);
        if ((pf & TITLE_ABBR) != 0) return gapIs(text, gs, ge, " ") || gapIs(text, gs, ge, ". ") || gapIs(text, gs, ge, ".");
        if ((pf & TITLE_WORD) != 0) {
            // "Sir Paul", not "General Public License": a title word counts only before a clear name
            int nf = cls[t];
            return gapIs(text, gs, ge, " ") && (nf & NAME) != 0 && (nf & (AMBIGUOUS | STOP)) == 0;
        }
        return false;
    }

    static boolean gapIs(String text, int from, int to, String gap) {
        return to - from == gap.length() && text.startsWith(gap, from);
    }
}
