package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds US Social Security numbers written {@code ddd-dd-dddd}, {@code ddd dd dddd} or as nine bare digits.
 *
 * <p>Rule: SSA, "Social Security Number Randomization" (2011) and POMS RM 10201.035 — never issued: area 000,
 * 666 and 900–999 (the last are ITINs), group 00, serial 0000. Also rejected: all-same-digit numbers and numbers
 * the SSA voided after they were published (078-05-1120 "Woolworth", 219-09-9999 and 457-55-5462 from
 * advertisements). 123-45-6789 is the canonical placeholder: it is kept but scores at most 0.3, so it is reported
 * only next to a context word ("SSN: 123-45-6789" in a form template still gets flagged, prose does not).
 * Scores: dashed 0.55, spaced 0.3, bare 0.2 (the last two need a context word to pass the default threshold).
 */
public final class UsSsnRecognizer implements Recognizer {
    static final String ENTITY = "US_SSN";
    static final double DASHED = 0.55;
    static final double SPACED = 0.3;
    static final double BARE = 0.2;
    static final double PLACEHOLDER = 0.3;

    @Override
    public String name() {
        return "us_ssn";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("ssn", "ssns", "social", "security", "ss", "ssa");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (!text.isDigits(i)) continue;
            int len = text.tokenLength(i);
            if (len != 3 && len != 9) continue;
            NineDigits.Match m = NineDigits.at(text, i);
            if (m == null || !valid(m.value())) continue;
            double score = switch (m.form()) {
                case DASHED -> DASHED;
                case SPACED -> SPACED;
                case BARE -> BARE;
            };
            if (m.value() == 123_45_6789) score = Math.min(score, PLACEHOLDER);
            sink.report(m.start(), m.end(), ENTITY, score);
        }
    }

    /** Whether the nine digits {@code v} (area, group, serial) could be an issued SSN. */
    static boolean valid(int v) {
        int area = v / 1_000_000;
        int group = v / 10_000 % 100;
        int serial = v % 10_000;
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
        if (v == 78_05_1120 || v == 219_09_9999 || v == 457_55_5462) return false;
        return v % 111_111_111 != 0; // 111-11-1111 ... 888-88-8888
    }
}
