package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes GitLab personal access tokens: {@code glpat-} and at least 20 characters of {@code [A-Za-z0-9_-]}
 * (20 in the classic format, longer in the newer routable one) → SECRET_GITLAB_TOKEN, 0.95.
 */
public final class GitLabTokenRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_GITLAB_TOKEN";
    private static final String PREFIX = "glpat-";

    @Override
    public String name() {
        return "gitlab_token";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        for (int p = text.indexOf(PREFIX); p >= 0; p = text.indexOf(PREFIX, p + 1)) {
            if (!SecretChars.boundaryAt(text, p - 1)) continue;
            int body = SecretChars.base64UrlRun(text, p + PREFIX.length(), 256);
            if (body >= 20) sink.report(p, p + PREFIX.length() + body, ENTITY, 0.95);
        }
    }
}
