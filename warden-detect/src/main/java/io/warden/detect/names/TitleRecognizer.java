package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.AMBIGUOUS_NAME;
import static io.warden.detect.names.Lexicon.COMMON;
import static io.warden.detect.names.Lexicon.FIRST;
import static io.warden.detect.names.Lexicon.LAST;
import static io.warden.detect.names.Lexicon.STOP;
import static io.warden.detect.names.Lexicon.TITLE_ABBR;
import static io.warden.detect.names.Lexicon.TITLE_WORD;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes a TITLE (Mr, Mrs, Ms, Dr, Prof, Sir, Dame, Rev, Hon, Capt, Sgt, Lt, Col, Gen, ...) standing before a
 * capitalised name; the span is the title alone, with its period ({@code "Dr."}), and the name is left to
 * {@link PersonRecognizer}.
 *
 * <p>Scores: an abbreviation with a period 0.85, without 0.75; a title that is also a word (Sir, Miss, Doctor,
 * General) 0.8, and only before a known, unambiguous name ("General Electric" is not a title and a name).
 */
public final class TitleRecognizer implements Recognizer {
    static final String TITLE = "TITLE";

    @Override
    public String name() {
        return "title";
    }

    @Override
    public Set<String> entities() {
        return Set.of(TITLE);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        if (!tc.any(TITLE_ABBR | TITLE_WORD)) return;
        int n = st.tokenCount();
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        String text = st.text();
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            int f = cls[i];
            if ((f & (TITLE_ABBR | TITLE_WORD)) == 0 || i + 1 >= n) continue;
            int end = st.tokenEnd(i);
            boolean dot = end < text.length() && text.charAt(end) == '.';
            int gapEnd = st.tokenStart(i + 1);
            int spanEnd = dot ? end + 1 : end;
            boolean spaced = PersonRecognizer.gapIs(text, spanEnd, gapEnd, " ") || (dot && gapEnd == spanEnd);
            int next = i + 1;
            if (!spaced || !PersonRecognizer.startsUnit(st, next)) continue;
            if ((cls[next] & STOP) != 0 && (cls[next] & (FIRST | LAST)) == 0) continue; // "Dr. The", not "Dr Will"
            if (afterStreetName(st, cls, i)) continue; // "12 Elm Dr Springfield": Drive, not Doctor
            int nf = cls[next];
            double score;
            if ((f & TITLE_ABBR) != 0) {
                score = dot ? 0.85 : 0.75;
            } else {
                boolean knownName = (nf & (FIRST | LAST)) != 0 && (nf & (COMMON | AMBIGUOUS_NAME)) == 0;
                if (!knownName) continue;
                score = 0.8;
            }
            sink.report(st.tokenStart(i), spanEnd, TITLE, score);
        }
    }

    /** Whether token {@code i} follows "number Word", as the street suffix of an address does. */
    private static boolean afterStreetName(ScanText st, int[] cls, int i) {
        if (i < 2) return false;
        int p = i - 1;
        String text = st.text();
        return (st.tokenFlags(p) & ScanText.UPPER_FIRST) != 0 && (cls[p] & (TITLE_ABBR | TITLE_WORD)) == 0
                && st.isDigits(i - 2) && PersonRecognizer.gapIs(text, st.tokenEnd(p), st.tokenStart(i), " ")
                && PersonRecognizer.gapIs(text, st.tokenEnd(i - 2), st.tokenStart(p), " ");
    }
}
