package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/** Recognizes Google API keys: {@code AIza} and exactly 35 characters of {@code [A-Za-z0-9_-]} → SECRET_GOOGLE_API_KEY, 0.95. */
public final class GoogleApiKeyRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_GOOGLE_API_KEY";
    private static final int BODY = 35;

    @Override
    public String name() {
        return "google_api_key";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        for (int p = text.indexOf("AIza"); p >= 0; p = text.indexOf("AIza", p + 1)) {
            if (!SecretChars.boundaryAt(text, p - 1)) continue;
            int body = SecretChars.base64UrlRun(text, p + 4, BODY + 1);
            if (body == BODY) sink.report(p, p + 4 + BODY, ENTITY, 0.95);
        }
    }
}
