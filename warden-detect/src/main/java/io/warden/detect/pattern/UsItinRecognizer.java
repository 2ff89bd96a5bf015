package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds US Individual Taxpayer Identification Numbers: {@code 9XX-GG-XXXX} with the IRS's group ranges.
 *
 * <p>Rule: IRS, "Individual Taxpayer Identification Number" (IRM 3.21.263 and the ITIN range expansion notices):
 * nine digits starting with 9, digits four and five in 50–65, 70–88, 90–92 or 94–99. Scores: dashed 0.55, spaced
 * 0.3, bare 0.2 (the last two need a context word such as "ITIN" or "taxpayer").
 */
public final class UsItinRecognizer implements Recognizer {
    static final String ENTITY = "US_ITIN";

    @Override
    public String name() {
        return "us_itin";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("itin", "itins", "taxpayer", "tax", "irs");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (!text.isDigits(i)) continue;
            int len = text.tokenLength(i);
            if ((len != 3 && len != 9) || s.charAt(text.tokenStart(i)) != '9') continue;
            NineDigits.Match m = NineDigits.at(text, i);
            if (m == null || !validGroup(m.group())) continue;
            double score = switch (m.form()) {
                case DASHED -> UsSsnRecognizer.DASHED;
                case SPACED -> UsSsnRecognizer.SPACED;
                case BARE -> UsSsnRecognizer.BARE;
            };
            sink.report(m.start(), m.end(), ENTITY, score);
        }
    }

    static boolean validGroup(int g) {
        return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
    }
}
