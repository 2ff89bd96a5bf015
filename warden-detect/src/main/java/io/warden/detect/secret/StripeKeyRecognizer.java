package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes Stripe API keys → SECRET_STRIPE_KEY: {@code sk_live_} / {@code rk_live_} (secret and restricted live
 * keys, 0.95), {@code sk_test_} / {@code rk_test_} (test-mode secrets, 0.85) and {@code pk_live_} (publishable, so
 * less sensitive, 0.6), each followed by at least 24 letters and digits. Publishable test keys are not reported.
 *
 * <p>Anchored with {@code indexOf("_live_")} and {@code indexOf("_test_")}.
 */
public final class StripeKeyRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_STRIPE_KEY";

    @Override
    public String name() {
        return "stripe_key";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        scan(text, "_live_", sink);
        scan(text, "_test_", sink);
    }

    private static void scan(String text, String mode, SpanSink sink) {
        boolean live = mode.equals("_live_");
        for (int p = text.indexOf(mode); p >= 0; p = text.indexOf(mode, p + 1)) {
            int start = p - 2;
            if (start < 0 || text.charAt(start + 1) != 'k' || !SecretChars.boundaryAt(text, start - 1)) continue;
            char kind = text.charAt(start);
            double score;
            if (kind == 's' || kind == 'r') score = live ? 0.95 : 0.85;
            else if (kind == 'p' && live) score = 0.6;
            else continue;
            int body = SecretChars.alnumRun(text, p + mode.length(), 256);
            int end = p + mode.length() + body;
            if (body >= 24 && (end >= text.length() || !SecretChars.isIdent(text.charAt(end)))) {
                sink.report(start, end, ENTITY, score);
            }
        }
    }
}
