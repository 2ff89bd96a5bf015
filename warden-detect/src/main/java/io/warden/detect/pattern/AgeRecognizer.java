package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds a person's age stated in words around a number: "42 years old", "a 42-year-old", "aged 42", "age: 42",
 * "turns 42".
 *
 * <p>Rule: the phrasings of Presidio's and the i2b2 de-identification guidelines' AGE category, English only. The
 * span is the number alone (as in the presidio-research and i2b2 corpora, which label "42" in "42 years old"), an
 * integer 0–120. Scores: "N years old" / "N-year-old" / "N years of age" 0.85, "aged N" 0.8, "age N" / "age: N" /
 * "age of N" 0.7, "N y/o" 0.7, "turns N" / "turned N" 0.6 (not before a unit: "turns 90 degrees").
 */
public final class AgeRecognizer implements Recognizer {
    static final String ENTITY = "AGE";
    static final double YEARS_OLD = 0.85;
    static final double AGED = 0.8;
    static final double AGE = 0.7;
    static final double TURNS = 0.6;
    /** A value that is nothing but a small number: an age only with context (e.g. a column named "age"). */
    static final double BARE = 0.2;
    private static final int MAX_AGE = 120;
    private static final String[] UNITS = {
        "degrees", "degree", "percent", "times", "points", "pages", "minutes", "hours", "days", "weeks", "months",
        "miles", "km", "feet", "meters", "dollars", "pounds", "euros", "pm", "am", "o"
    };

    @Override
    public String name() {
        return "age";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("age", "aged", "old", "years", "yo");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int n = text.tokenCount();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (!text.isDigits(i) || text.tokenLength(i) > 3) continue;
            int start = text.tokenStart(i);
            int end = text.tokenEnd(i);
            if (Chars.digits(s, start, end) > MAX_AGE || decimal(s, start, end)) continue;
            double score = Math.max(after(text, i), before(text, i));
            if (score == 0 && n == 1 && start == 0 && end == s.length()) score = BARE; // a cell holding just "42"
            if (score > 0) sink.report(start, end, ENTITY, score);
        }
    }

    /** "42 years old", "42-year-old", "42 yrs old", "42 years of age", "42 y/o". */
    private static double after(ScanText t, int i) {
        int n = t.tokenCount();
        if (i + 1 >= n || !gap(t, i, " -")) return 0;
        String s = t.text();
        if (t.tokenEqualsIgnoreCase(i + 1, "y") && s.startsWith("/o", t.tokenEnd(i + 1))
                && !Chars.wordAt(s, t.tokenEnd(i + 1) + 2)) {
            return AGE;
        }
        if (!isYears(t, i + 1) || i + 2 >= n) return 0;
        if (gap(t, i + 1, " -") && t.tokenEqualsIgnoreCase(i + 2, "old")) return YEARS_OLD;
        if (i + 3 < n && gap(t, i + 1, " ") && t.tokenEqualsIgnoreCase(i + 2, "of") && gap(t, i + 2, " ")
                && t.tokenEqualsIgnoreCase(i + 3, "age")) {
            return YEARS_OLD;
        }
        return 0;
    }

    /** "aged 42", "age 42", "Age: 42", "age=42", "age of 42". */
    private static double before(ScanText t, int i) {
        if (i == 0) return 0;
        String s = t.text();
        int prev = i - 1;
        if (t.tokenEqualsIgnoreCase(prev, "of") && prev > 0 && gap(t, prev - 1, " ")
                && t.tokenEqualsIgnoreCase(prev - 1, "age") && gap(t, prev, " ")) {
            return AGE;
        }
        int gapLen = t.tokenStart(i) - t.tokenEnd(prev);
        if (gapLen < 1 || gapLen > 3 || !Chars.onlyChars(s, t.tokenEnd(prev), t.tokenStart(i), " :=\t")) return 0;
        if (t.tokenEqualsIgnoreCase(prev, "aged")) return AGED;
        if (t.tokenEqualsIgnoreCase(prev, "age")) return AGE;
        if (isTurns(t, prev) && !unitAfter(t, i)) return TURNS;
        return 0;
    }

    private static boolean isTurns(ScanText t, int i) {
        return t.tokenEqualsIgnoreCase(i, "turns") || t.tokenEqualsIgnoreCase(i, "turned")
                || t.tokenEqualsIgnoreCase(i, "turning");
    }

    /** "the road turns 90 degrees", "turned 3 times": a unit after the number means it is not an age. */
    private static boolean unitAfter(ScanText t, int i) {
        String s = t.text();
        int e = t.tokenEnd(i);
        if (Chars.charIs(s, e, '%') || Chars.charIs(s, e, '\u00b0')) return true;
        if (i + 1 >= t.tokenCount() || !gap(t, i, " ")) return false;
        for (String unit : UNITS) {
            if (t.tokenEqualsIgnoreCase(i + 1, unit)) return true;
        }
        return false;
    }

    private static boolean isYears(ScanText t, int i) {
        return t.tokenEqualsIgnoreCase(i, "years") || t.tokenEqualsIgnoreCase(i, "year")
                || t.tokenEqualsIgnoreCase(i, "yrs") || t.tokenEqualsIgnoreCase(i, "yr");
    }

    /** Whether exactly one char, one of {@code chars}, separates token i from token i+1. */
    private static boolean gap(ScanText t, int i, String chars) {
        int e = t.tokenEnd(i);
        return t.tokenStart(i + 1) == e + 1 && chars.indexOf(t.text().charAt(e)) >= 0;
    }

    /** "4.5 years old" and "1,000 years old" are not ages we report. */
    private static boolean decimal(String s, int start, int end) {
        boolean before = (Chars.charIs(s, start - 1, '.') || Chars.charIs(s, start - 1, ','))
                && Chars.digitAt(s, start - 2);
        boolean after = (Chars.charIs(s, end, '.') || Chars.charIs(s, end, ',')) && Chars.digitAt(s, end + 1);
        return before || after || Chars.wordAt(s, start - 1) || Chars.wordAt(s, end);
    }
}
