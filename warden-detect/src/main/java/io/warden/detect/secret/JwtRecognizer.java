package io.warden.detect.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Recognizes JSON Web Tokens → SECRET_JWT: three base64url parts joined by dots whose first two parts decode to
 * JSON objects (header and claims), 0.95; an unsigned token (empty third part) 0.8.
 *
 * <p>Anchored with {@code indexOf("eyJ")} — the base64url encoding of <code>{"</code> — and validated by decoding,
 * so random text that happens to contain "eyJ" is not reported.
 */
public final class JwtRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_JWT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PART = 1 << 14;
    private static final int MIN_PART = 10;

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        int n = text.length();
        for (int p = text.indexOf("eyJ"); p >= 0; p = text.indexOf("eyJ", p + 1)) {
            if (!SecretChars.boundaryAt(text, p - 1)) continue;
            int h = SecretChars.base64UrlRun(text, p, MAX_PART);
            int dot1 = p + h;
            if (h < MIN_PART || dot1 >= n || text.charAt(dot1) != '.' || !text.startsWith("eyJ", dot1 + 1)) continue;
            int c = SecretChars.base64UrlRun(text, dot1 + 1, MAX_PART);
            int dot2 = dot1 + 1 + c;
            if (c < MIN_PART || dot2 >= n || text.charAt(dot2) != '.') continue;
            int s = SecretChars.base64UrlRun(text, dot2 + 1, MAX_PART);
            int end = dot2 + 1 + s;
            if (!isJsonObject(text, p, dot1) || !isJsonObject(text, dot1 + 1, dot2)) continue;
            sink.report(p, end, ENTITY, s > 0 ? 0.95 : 0.8);
            p = end - 1;
        }
    }

    private static boolean isJsonObject(String text, int start, int end) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(text.substring(start, end));
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return JSON.readTree(new String(decoded, StandardCharsets.UTF_8)).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
