package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds US driver's licence numbers in the common state formats; weak, so it needs a context word.
 *
 * <p>Rule: AAMVA DL/ID Card Design Standard, Annex D (state numbering formats), reduced to the shapes most states
 * share: one letter and 7–12 digits (CA, FL, IL, MD, MI, MN, NY, ...), two letters and 5–7 digits, and 8–9 bare
 * digits (NY, TX, PA, ...). None has a public check digit, so every shape is weak and reported only with a context
 * word ("driver", "license", "DL", ...): letters and digits 0.3 (0.25 for one letter and eight digits, the new
 * passport shape, so "passport" wins when both words are near), bare digits 0.2. A number after {@code #} is an
 * issue or order number. Washington's name-derived format and Wisconsin's 14-char one are not covered.
 */
public final class UsDriverLicenseRecognizer implements Recognizer {
    static final String ENTITY = "US_DRIVER_LICENSE";
    static final double ALNUM = 0.3;
    static final double ALNUM_PASSPORT_SHAPE = 0.25;
    static final double DIGITS = 0.2;

    @Override
    public String name() {
        return "us_driver_license";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("driver", "drivers", "license", "licence", "licenses", "dl", "dln", "driving", "lic");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            int len = text.tokenLength(i);
            if (len < 7 || len > 13) continue;
            int flags = text.tokenFlags(i);
            int start = text.tokenStart(i);
            int end = text.tokenEnd(i);
            double score;
            if ((flags & ScanText.DIGITS) != 0) {
                if (len < 8 || len > 9) continue;
                score = DIGITS;
            } else if ((flags & ScanText.HAS_LOWER) == 0 && Chars.isUpper(s.charAt(start))) {
                int letters = Chars.isUpper(s.charAt(start + 1)) ? 2 : 1;
                int digits = len - letters;
                if (!Chars.allDigits(s, start + letters, end)) continue;
                if (letters == 1 ? digits < 7 || digits > 12 : digits < 5 || digits > 7) continue;
                // one letter and eight digits is also the new US passport format: let a passport context win a tie
                score = letters == 1 && digits == 8 ? ALNUM_PASSPORT_SHAPE : ALNUM;
            } else {
                continue;
            }
            if (Chars.attached(s, start, end) || Chars.sameDigits(s, start, end) || Chars.charIs(s, start - 1, '#')) {
                continue; // "#1234567" is an issue or order number
            }
            sink.report(start, end, ENTITY, score);
        }
    }
}
