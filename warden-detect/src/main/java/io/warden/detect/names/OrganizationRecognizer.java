package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.COMMON;
import static io.warden.detect.names.Lexicon.LAST;
import static io.warden.detect.names.Lexicon.ORG_KIND;
import static io.warden.detect.names.Lexicon.ORG_KNOWN;
import static io.warden.detect.names.Lexicon.ORG_KNOWN_AMBIGUOUS;
import static io.warden.detect.names.Lexicon.ORG_LEGAL;
import static io.warden.detect.names.Lexicon.ORG_LEGAL_WEAK;
import static io.warden.detect.names.Lexicon.ORG_OF_HEAD;
import static io.warden.detect.names.Lexicon.ORG_SUFFIX;
import static io.warden.detect.names.Lexicon.STOP;
import static io.warden.detect.names.Lexicon.TITLE_ABBR;
import static io.warden.detect.names.Lexicon.TITLE_WORD;
import static io.warden.detect.names.PersonRecognizer.gapIs;
import static io.warden.detect.names.TokenClasses.SENTENCE_START;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes ORGANIZATION names: capitalised words ending in a legal form ({@code "Acme Widgets Inc."},
 * {@code "Siemens AG"}, {@code "Dupont S.A."}) or in a word that names a kind of organisation ({@code "First
 * National Bank"}, {@code "Mercy Hospital"}); "X of Y" names ({@code "University of Oxford"}, {@code "Bank of
 * America"}, {@code "Massachusetts Institute of Technology"}); and a short list of well-known organisations
 * ({@code organizations.txt}).
 *
 * <p>Also partnerships of three surnames, {@code "Keebler, Pollich and Shields"} (0.75, or 0.85 with a legal
 * form), and family firms, {@code "Stehr and Sons"}.
 *
 * <p>Scores: legal form 0.85; "X of Y" 0.8; kind word 0.7 (0.6 when the only word before it is an ordinary word,
 * as in "Mercy Hospital"); a well-known name 0.75, or 0.85 as a phrase, or 0.3 if it is also an ordinary word
 * (Apple, Shell). An ordinary word that opens a sentence is not taken as part of a name ("Research Group meets"
 * is not an organisation), nor are articles and pronouns ("the Bank", "Our Group").
 */
public final class OrganizationRecognizer implements Recognizer {
    static final String ORGANIZATION = "ORGANIZATION";
    private static final int MAX_WORDS_BEFORE = 4;
    private static final int MAX_WORDS_AFTER_OF = 6;
    /** Flags that, without LAST, make a word a poor surname: first names and places. */
    private static final int NOT_SURNAME = Lexicon.FIRST | Lexicon.PLACE;
    private static final String[] LABELS = {"number", "no", "id", "card", "account", "code"};
    /** Kind words that are also everyday nouns: they make an organisation only after a name-like word. */
    private static final String[] GENERIC_KINDS = {"software", "solutions", "systems", "media", "networks",
        "communications", "technologies", "technology", "entertainment", "energy", "financial", "investments",
        "consulting", "insurance", "capital", "ventures", "labs", "laboratories", "partners", "associates",
        "studios", "fund", "trust", "club", "school", "church", "group"};
    private static final String[] FIRM_CUES = {"at", "joins", "joined", "join", "for", "with", "by", "to"};
    /** Words that end a name when walking back from its suffix ("at the Bank", "Our Group"). */
    private static final String[] FUNCTION_WORDS = {"the", "a", "an", "our", "your", "my", "his", "her", "their",
        "its", "this", "that", "these", "those", "at", "in", "on", "of", "for", "from", "to", "by", "with", "and",
        "or", "but", "we", "you", "he", "she", "it", "they", "i", "is", "was", "are", "were", "be", "if", "so",
        "not", "no", "all", "any", "some", "every", "each", "when", "what", "who", "how", "why", "where"};

    @Override
    public String name() {
        return "organization";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ORGANIZATION);
    }

    @Override
    public Set<String> context() {
        return Set.of("company", "companies", "employer", "employed", "organization", "organisation", "firm",
                "works", "worked", "working", "corporation", "vendor", "supplier", "subsidiary", "agency",
                "institution", "startup", "acquired", "brand", "joined", "ceo", "founded");
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        if (!tc.any(ORG_KNOWN | ORG_SUFFIX | ORG_OF_HEAD | LAST | Lexicon.PHRASE_START)) return;
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        Lexicon lex = Lexicon.get();
        int next = 0;
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            int f = cls[i];
            if (i < next || (f & (ORG_KNOWN | ORG_SUFFIX | ORG_OF_HEAD | LAST | Lexicon.PHRASE_START)) == 0) continue;
            int phraseEnd = -1;
            int pf = 0;
            int len = lex.longestPhrase(st, i, f, ORG_KNOWN | ORG_SUFFIX, false);
            if (len > 0) {
                phraseEnd = i + len - 1;
                pf = lex.phrase(st, i, len);
            }
            if (phraseEnd >= 0 && (pf & ORG_SUFFIX) != 0) {
                suffix(st, cls, i, phraseEnd, pf, sink);
            } else if (phraseEnd >= 0) {
                sink.report(st.tokenStart(i), st.tokenEnd(phraseEnd), ORGANIZATION, 0.85);
                next = phraseEnd + 1;
                continue;
            }
            if ((f & ORG_OF_HEAD) != 0 && xOfY(st, cls, i, sink)) continue;
            if ((f & LAST) != 0) {
                int e = st.tokenEnd(i);
                if (e < st.length() && st.charAt(e) == ',' && partnership(st, cls, i, sink)) continue;
                if (e < st.length() && st.charAt(e) == '-' && doubleBarrelled(st, cls, i, sink)) continue;
            }
            if ((f & ORG_SUFFIX) != 0) suffix(st, cls, i, i, f, sink);
            if ((f & ORG_KNOWN) != 0 && !labelFollows(st, i)) {
                boolean ambiguous = (f & (ORG_KNOWN_AMBIGUOUS | COMMON)) != 0;
                sink.report(st.tokenStart(i), st.tokenEnd(i), ORGANIZATION, ambiguous ? 0.3 : 0.75);
            }
        }
    }

    /** Reports the capitalised words before the suffix {@code [s, e]} together with it. */
    private static void suffix(ScanText st, int[] cls, int s, int e, int flags, SpanSink sink) {
        boolean legal = (flags & ORG_LEGAL) != 0;
        boolean weak = !legal && (flags & ORG_LEGAL_WEAK) != 0;
        if (weak && (st.tokenFlags(s) & ScanText.HAS_LOWER) != 0 && !st.tokenEqualsIgnoreCase(s, "co")
                && !st.tokenEqualsIgnoreCase(s, "oy") && !st.tokenEqualsIgnoreCase(s, "cie")) {
            return; // "Ag", "Sa": only AG, SA count
        }
        Run run = wordsBefore(st, cls, s, legal || weak);
        if (run.count == 0 && s >= 2 && st.tokenEqualsIgnoreCase(s - 1, "and") && isFamilyWord(st, s)) {
            run = wordsBefore(st, cls, s - 1, false); // "Stehr and Sons"
        }
        if (run.count == 0) return;
        double score;
        if (legal) score = 0.85;
        else if (run.known) score = 0.85;
        else if (weak) score = run.uncommon ? 0.6 : 0.45;
        else if (isGenericKind(st, s)) score = run.uncommon ? 0.6 : 0; // "Acme Software", not "Free Software"
        else score = run.count >= 2 || run.uncommon ? 0.7 : 0.6;
        if (score == 0) return;
        sink.report(st.tokenStart(run.first), endWithDot(st, cls, e), ORGANIZATION, score);
    }

    /**
     * "Keebler, Pollich and Shields", "Rosenbaum, Corkery and Boyle Corp": three surnames (at least two known,
     * none an ordinary word) joined by a comma and "and" or "&", optionally with a legal form.
     */
    private static boolean partnership(ScanText st, int[] cls, int a, SpanSink sink) {
        int n = st.tokenCount();
        String text = st.text();
        int aEnd = PersonRecognizer.unitEnd(st, a);
        int b = aEnd + 1;
        if (b >= n || !gapIs(text, st.tokenEnd(aEnd), st.tokenStart(b), ", ") || !surnameLike(st, cls, b)) return false;
        int bEnd = PersonRecognizer.unitEnd(st, b);
        int c = bEnd + 1;
        boolean and = c + 1 < n && st.tokenEqualsIgnoreCase(c, "and")
                && gapIs(text, st.tokenEnd(bEnd), st.tokenStart(c), " ")
                && gapIs(text, st.tokenEnd(c), st.tokenStart(c + 1), " ");
        if (and) c++;
        else if (c >= n || !gapIs(text, st.tokenEnd(bEnd), st.tokenStart(c), " & ")) return false;
        if (!surnameLike(st, cls, c) || !surnameLike(st, cls, a)) return false;
        int known = ((cls[a] & LAST) != 0 ? 1 : 0) + ((cls[b] & LAST) != 0 ? 1 : 0) + ((cls[c] & LAST) != 0 ? 1 : 0);
        if (known < 2) return false;
        int last = PersonRecognizer.unitEnd(st, c);
        double score = 0.75;
        int l = last + 1;
        if (l < n && (cls[l] & (ORG_SUFFIX)) != 0 && gapIs(text, st.tokenEnd(last), st.tokenStart(l), " ")) {
            last = l;
            score = 0.85;
        }
        sink.report(st.tokenStart(a), endWithDot(st, cls, last), ORGANIZATION, score);
        return true;
    }

    /** A known surname, or a capitalised word that is neither an ordinary word, a first name nor a place. */
    private static boolean surnameLike(ScanText st, int[] cls, int t) {
        int f = cls[t];
        if (!PersonRecognizer.startsUnit(st, t) || (f & (COMMON | STOP)) != 0) return false;
        return (f & LAST) != 0 || (f & NOT_SURNAME) == 0;
    }

    /**
     * "Hayes-Krajcik" after "works at", "joins" or "for": two surnames joined by a hyphen, not after a first
     * name, read as a firm (0.7). Elsewhere a double-barrelled name is left to the person recognizer.
     */
    private static boolean doubleBarrelled(ScanText st, int[] cls, int a, SpanSink sink) {
        int end = PersonRecognizer.unitEnd(st, a);
        if (end != a + 1 || (cls[end] & LAST) == 0 || (cls[end] & (COMMON | STOP)) != 0 || a == 0) return false;
        String text = st.text();
        if (!gapIs(text, st.tokenEnd(a - 1), st.tokenStart(a), " ")) return false;
        for (String w : FIRM_CUES) {
            if (st.tokenEqualsIgnoreCase(a - 1, w)) {
                sink.report(st.tokenStart(a), st.tokenEnd(end), ORGANIZATION, 0.7);
                return true;
            }
        }
        return false;
    }

    /** "NHS number", "NHS 491 544 3825", "Visa card": the organisation names a kind of identifier here. */
    private static boolean labelFollows(ScanText st, int t) {
        int n = st.tokenCount();
        if (t + 1 >= n || !gapIs(st.text(), st.tokenEnd(t), st.tokenStart(t + 1), " ")) return false;
        if (st.isDigits(t + 1)) return true;
        for (String w : LABELS) if (st.tokenEqualsIgnoreCase(t + 1, w)) return true;
        return false;
    }

    private static boolean isGenericKind(ScanText st, int t) {
        for (String w : GENERIC_KINDS) if (st.tokenEqualsIgnoreCase(t, w)) return true;
        return false;
    }

    private static boolean isFamilyWord(ScanText st, int t) {
        return st.tokenEqualsIgnoreCase(t, "sons") || st.tokenEqualsIgnoreCase(t, "brothers")
                || st.tokenEqualsIgnoreCase(t, "daughters") || st.tokenEqualsIgnoreCase(t, "partners");
    }

    /** "University of Oxford", "Royal Bank of Canada": head {@code h}, "of", capitalised words. */
    private static boolean xOfY(ScanText st, int[] cls, int h, SpanSink sink) {
        int n = st.tokenCount();
        String text = st.text();
        int of = h + 1;
        if (of + 1 >= n || !st.tokenEqualsIgnoreCase(of, "of") || !gapIs(text, st.tokenEnd(h), st.tokenStart(of), " ")) {
            return false;
        }
        int last = -1;
        int t = of + 1;
        for (int k = 0; k < MAX_WORDS_AFTER_OF && t < n; k++, t++) {
            if (!gapIs(text, st.tokenEnd(t - 1), st.tokenStart(t), " ")
                    && !gapIs(text, st.tokenEnd(t - 1), st.tokenStart(t), " & ")) {
                break;
            }
            int tf = st.tokenFlags(t);
            if ((tf & ScanText.UPPER_FIRST) != 0) {
                if ((cls[t] & STOP) != 0 && last < 0) break;
                last = t;
                if ((cls[t] & (ORG_LEGAL | ORG_LEGAL_WEAK)) != 0) break;
            } else if (!isConnector(st, t) || (st.tokenEqualsIgnoreCase(t, "and") && !twoWordsFollow(st, t))) {
                break; // "University of Oxford and MIT" ends before "and"
            }
        }
        if (last < 0) return false;
        Run before = wordsBefore(st, cls, h, false);
        int first = before.count > 0 ? before.first : h;
        sink.report(st.tokenStart(first), endWithDot(st, cls, last), ORGANIZATION, 0.8);
        return true;
    }

    /** Whether two capitalised words follow token {@code t} ("Health and Human Services"). */
    private static boolean twoWordsFollow(ScanText st, int t) {
        if (t + 2 >= st.tokenCount()) return false;
        String text = st.text();
        return (st.tokenFlags(t + 1) & st.tokenFlags(t + 2) & ScanText.UPPER_FIRST) != 0
                && gapIs(text, st.tokenEnd(t), st.tokenStart(t + 1), " ")
                && gapIs(text, st.tokenEnd(t + 1), st.tokenStart(t + 2), " ");
    }

    private static boolean isFunctionWord(ScanText st, int t) {
        for (String w : FUNCTION_WORDS) if (st.tokenEqualsIgnoreCase(t, w)) return true;
        return false;
    }

    private static boolean isConnector(ScanText st, int t) {
        return st.tokenEqualsIgnoreCase(t, "and") || st.tokenEqualsIgnoreCase(t, "the")
                || st.tokenEqualsIgnoreCase(t, "for") || st.tokenEqualsIgnoreCase(t, "of")
                || st.tokenEqualsIgnoreCase(t, "de");
    }

    /** The capitalised words right before token {@code s} that belong to the same name. */
    private static Run wordsBefore(ScanText st, int[] cls, int s, boolean commaAllowed) {
        String text = st.text();
        Run run = new Run();
        run.first = s;
        for (int t = s - 1; t >= 0 && run.count < MAX_WORDS_BEFORE; t--) {
            int gs = st.tokenEnd(t);
            int ge = st.tokenStart(t + 1);
            boolean joined = gapIs(text, gs, ge, " ") || gapIs(text, gs, ge, " & ") || gapIs(text, gs, ge, "&")
                    || gapIs(text, gs, ge, "-") || (commaAllowed && t + 1 == s && gapIs(text, gs, ge, ", "));
            if (!joined) break;
            int tf = st.tokenFlags(t);
            if ((tf & ScanText.UPPER_FIRST) == 0 && !((tf & ScanText.HAS_DIGIT) != 0 && (tf & ScanText.HAS_UPPER) != 0)) {
                break; // "3M Company" counts; "the Bank" does not
            }
            int cf = cls[t];
            if ((cf & (TITLE_ABBR | TITLE_WORD)) != 0 || ((cf & STOP) != 0 && isFunctionWord(st, t))) break;
            if ((cf & SENTENCE_START) != 0 && (cf & COMMON) != 0 && (cf & ORG_KNOWN) == 0) break;
            run.first = t;
            run.count++;
            if ((cf & COMMON) == 0) run.uncommon = true;
            if ((cf & ORG_KNOWN) != 0) run.known = true;
        }
        return run;
    }

    /** End of token {@code t}, after a following period when the token is an abbreviation ("Inc.", "S.A."). */
    private static int endWithDot(ScanText st, int[] cls, int t) {
        int e = st.tokenEnd(t);
        if (e >= st.length() || st.charAt(e) != '.' || st.tokenLength(t) > 4) return e;
        boolean abbreviation = st.tokenLength(t) == 1 || (cls[t] & (ORG_LEGAL | ORG_LEGAL_WEAK)) != 0
                || st.tokenEqualsIgnoreCase(t, "bros");
        return abbreviation ? e + 1 : e;
    }

    private static final class Run {
        int first;
        int count;
        boolean uncommon;
        boolean known;
    }
}
