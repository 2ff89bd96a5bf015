package io.warden.detect.names;

import static io.warden.detect.names.Lexicon.COMMON;
import static io.warden.detect.names.Lexicon.NRP;
import static io.warden.detect.names.Lexicon.NRP_AMBIGUOUS;
import static io.warden.detect.names.TokenClasses.ALL_CAPS;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes NRP — nationalities, religious and political groups — as capitalised dictionary words or phrases:
 * "German", "Brazilians", "Muslim", "Catholic", "Republicans", "African American".
 *
 * <p>Scores: 0.7 for a word, 0.75 for a phrase, 0.35 for words that are also ordinary words (Liberal,
 * Conservative, Orthodox), which need a context word such as "party" or "religion". Sources: Datafaker's
 * demonym and nationality lists and {@code nrp.txt} shipped with this package.
 */
public final class NrpRecognizer implements Recognizer {
    static final String NRP_ENTITY = "NRP";

    @Override
    public String name() {
        return "nrp";
    }

    @Override
    public Set<String> entities() {
        return Set.of(NRP_ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("nationality", "national", "citizen", "citizenship", "religion", "religious", "faith",
                "ethnicity", "ethnic", "political", "party", "politics", "origin", "descent", "heritage", "race",
                "voted", "voter", "affiliation", "belief", "beliefs", "denomination", "community");
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        TokenClasses tc = TokenClasses.of(st);
        if (!tc.any(NRP | Lexicon.PHRASE_START)) return;
        int[] cls = tc.flags();
        int[] caps = tc.capitals();
        Lexicon lex = Lexicon.get();
        int next = 0;
        for (int c = 0, m = tc.capitalCount(); c < m; c++) {
            int i = caps[c];
            int f = cls[i];
            if (i < next || (f & (NRP | Lexicon.PHRASE_START)) == 0) continue;
            int last = -1;
            double score = 0;
            int len = lex.longestPhrase(st, i, f, NRP, true);
            if (len > 0) {
                last = i + len - 1;
                score = (lex.phrase(st, i, len) & NRP_AMBIGUOUS) != 0 ? 0.35 : 0.75;
            }
            if (last < 0 && (f & NRP) != 0) {
                last = i;
                score = (f & (NRP_AMBIGUOUS | COMMON)) != 0 ? 0.35 : 0.7;
            }
            if (last < 0) continue;
            if ((f & ALL_CAPS) != 0) score -= 0.1;
            sink.report(st.tokenStart(i), st.tokenEnd(last), NRP_ENTITY, score);
            next = last + 1;
        }
    }
}
