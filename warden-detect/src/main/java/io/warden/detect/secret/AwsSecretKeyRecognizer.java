package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes AWS secret access keys: 40 characters of {@code [A-Za-z0-9/+]} assigned to a key whose name
 * mentions "secret" ({@code aws_secret_access_key = ...}, {@code "SecretAccessKey": "..."}) →
 * SECRET_AWS_SECRET_KEY, 0.95 when the key name also says "aws" or "access", else 0.9.
 *
 * <p>A bare 40-character base64 string is not reported: without the key name it is as likely a hash or an id.
 * The value must mix upper- and lower-case letters and reach 4 bits per character of entropy.
 */
public final class AwsSecretKeyRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_AWS_SECRET_KEY";
    private static final int LENGTH = 40;

    @Override
    public String name() {
        return "aws_secret_key";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        Assignments.forEach(text, (ks, ke, vs, ve, quoted, colon) -> {
            if (ve - vs != LENGTH || !contains(text, ks, ke, "secret")) return;
            boolean upper = false;
            boolean lower = false;
            for (int i = vs; i < ve; i++) {
                char c = text.charAt(i);
                if (!SecretChars.isBase64(c)) return;
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
            }
            if (!upper || !lower || Entropy.bitsPerChar(text, vs, ve) < 4.0) return;
            if (text.startsWith("EXAMPLEKEY", ve - 10)) return; // AWS's documented example
            boolean aws = contains(text, ks, ke, "aws") || contains(text, ks, ke, "access");
            sink.report(vs, ve, ENTITY, aws ? 0.95 : 0.9);
        });
    }

    private static boolean contains(String text, int start, int end, String word) {
        for (int i = start; i + word.length() <= end; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) return true;
        }
        return false;
    }
}
