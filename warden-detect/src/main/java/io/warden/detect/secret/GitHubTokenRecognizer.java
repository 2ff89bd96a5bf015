package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes GitHub tokens → SECRET_GITHUB_TOKEN, 0.95: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_} followed by 36 (or more) letters and digits, and fine-grained {@code github_pat_} tokens (82
 * characters of {@code [A-Za-z0-9_]} after the prefix; other lengths from 40 score 0.85).
 *
 * <p>Anchored with {@code indexOf("gh")} and {@code indexOf("github_pat_")}.
 */
public final class GitHubTokenRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_GITHUB_TOKEN";
    private static final int CLASSIC_BODY = 36;
    private static final int FINE_GRAINED_BODY = 82;
    private static final String FINE_GRAINED = "github_pat_";

    @Override
    public String name() {
        return "github_token";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        int n = text.length();
        for (int p = text.indexOf("gh"); p >= 0 && p + 4 < n; p = text.indexOf("gh", p + 2)) {
            if (text.charAt(p + 3) != '_' || "pousr".indexOf(text.charAt(p + 2)) < 0) continue;
            if (p > 0 && SecretChars.isIdent(text.charAt(p - 1))) continue;
            int body = SecretChars.alnumRun(text, p + 4, 256);
            int end = p + 4 + body;
            if (body >= CLASSIC_BODY && (end >= n || !SecretChars.isIdent(text.charAt(end)))) {
                sink.report(p, end, ENTITY, 0.95);
            }
        }
        for (int p = text.indexOf(FINE_GRAINED); p >= 0; p = text.indexOf(FINE_GRAINED, p + 1)) {
            if (p > 0 && SecretChars.isIdent(text.charAt(p - 1))) continue;
            int body = SecretChars.identRun(text, p + FINE_GRAINED.length(), 256);
            if (body >= 40) {
                sink.report(p, p + FINE_GRAINED.length() + body, ENTITY, body == FINE_GRAINED_BODY ? 0.95 : 0.85);
            }
        }
    }
}
