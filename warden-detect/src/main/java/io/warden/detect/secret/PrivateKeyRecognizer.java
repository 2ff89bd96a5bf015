package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.List;
import java.util.Set;

/**
 * Recognizes PEM private keys → SECRET_PRIVATE_KEY: the whole block from {@code -----BEGIN … PRIVATE
 * KEY-----} to the matching {@code -----END … PRIVATE KEY-----} (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8, PGP),
 * 1.0. A BEGIN line without its END (a truncated text) is reported over the base64 body that follows, 0.8.
 *
 * <p>Line breaks inside the block may be real or written as {@code \n} (keys embedded in JSON). Certificates and
 * public keys are not reported.
 */
public final class PrivateKeyRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_PRIVATE_KEY";
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final List<String> LABELS = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK");
    private static final int MAX_BLOCK = 1 << 16;

    @Override
    public String name() {
        return "private_key";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        for (int p = text.indexOf(BEGIN); p >= 0; p = text.indexOf(BEGIN, p + 1)) {
            int labelStart = p + BEGIN.length();
            String label = null;
            for (String l : LABELS) {
                if (text.startsWith(l, labelStart) && text.startsWith(DASHES, labelStart + l.length())) label = l;
            }
            if (label == null) continue;
            int headerEnd = labelStart + label.length() + DASHES.length();
            String endMarker = "-----END " + label + DASHES;
            int end = text.indexOf(endMarker, headerEnd);
            if (end >= 0 && end - headerEnd <= MAX_BLOCK) {
                sink.report(p, end + endMarker.length(), ENTITY, 1.0);
                p = end;
            } else {
                sink.report(p, bodyEnd(text, headerEnd), ENTITY, 0.8);
            }
        }
    }

    /** End of the base64 body (with header lines such as "Proc-Type: 4,ENCRYPTED") after a BEGIN line. */
    private static int bodyEnd(String text, int from) {
        int limit = Math.min(text.length(), from + MAX_BLOCK);
        int last = from;
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '-' && text.startsWith(DASHES, i)) break;
            if (SecretChars.isBase64(c) || c == '=') last = i + 1;
            else if (!(c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\\' || c == ':' || c == ','
                    || c == '-')) {
                break;
            }
        }
        return last;
    }
}
