package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes AWS access key ids: {@code AKIA}, {@code ASIA}, {@code ABIA} or {@code ACCA} and 16 characters of
 * {@code [A-Z2-7]}, as one 20-character token → SECRET_AWS_ACCESS_KEY, 0.95.
 *
 * <p>Anchored on tokens of exactly 20 characters without lower-case letters. Ids ending in {@code EXAMPLE}, like
 * the one in AWS's documentation, are placeholders and not reported.
 */
public final class AwsAccessKeyRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_AWS_ACCESS_KEY";
    private static final int LENGTH = 20;

    @Override
    public String name() {
        return "aws_access_key";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        for (int i = 0, n = st.tokenCount(); i < n; i++) {
            if (st.tokenLength(i) != LENGTH || (st.tokenFlags(i) & ScanText.HAS_LOWER) != 0) continue;
            int s = st.tokenStart(i);
            if (text.charAt(s) != 'A' || !hasPrefix(text, s)) continue;
            if (!SecretChars.boundaryAt(text, s - 1) || !SecretChars.boundaryAt(text, s + LENGTH)) continue;
            boolean ok = true;
            for (int k = s + 4; k < s + LENGTH && ok; k++) {
                char c = text.charAt(k);
                ok = (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
            }
            if (ok && !text.startsWith("EXAMPLE", s + LENGTH - 7)) sink.report(s, s + LENGTH, ENTITY, 0.95);
        }
    }

    private static boolean hasPrefix(String text, int s) {
        return text.startsWith("AKIA", s) || text.startsWith("ASIA", s) || text.startsWith("ABIA", s)
                || text.startsWith("ACCA", s);
    }
}
