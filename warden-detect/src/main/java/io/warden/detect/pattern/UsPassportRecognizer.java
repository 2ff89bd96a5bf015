package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds US passport numbers: nine digits, or one letter and eight digits (Next Generation Passport, 2021).
 *
 * <p>Rule: US Department of State, passport book and card numbering (books: nine digits, since 2021 a letter and
 * eight digits; cards: {@code C} and eight digits). There is no check digit, so the score is weak (nine digits 0.2,
 * letter and eight digits 0.3): a span is reported only with a context word such as "passport".
 */
public final class UsPassportRecognizer implements Recognizer {
    static final String ENTITY = "US_PASSPORT";
    static final double SCORE = 0.2;
    static final double LETTER_SCORE = 0.3;

    @Override
    public String name() {
        return "us_passport";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("passport", "passports", "travel", "visa");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (text.tokenLength(i) != 9) continue;
            int start = text.tokenStart(i);
            int end = text.tokenEnd(i);
            boolean digits = text.isDigits(i);
            if (!digits && !(Chars.isUpper(s.charAt(start)) && Chars.allDigits(s, start + 1, end))) continue;
            if (Chars.attached(s, start, end) || Chars.sameDigits(s, start + (digits ? 0 : 1), end)) continue;
            if (Chars.charIs(s, start - 1, '#')) continue; // an issue or order number
            sink.report(start, end, ENTITY, digits ? SCORE : LETTER_SCORE);
        }
    }
}
