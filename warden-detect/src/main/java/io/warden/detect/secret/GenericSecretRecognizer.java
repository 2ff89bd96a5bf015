package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.List;
import java.util.Set;

/**
 * Recognizes secrets assigned to a telling key → SECRET_GENERIC; the span is the value only.
 *
 * <p>A key counts when its name ends with a password word ({@code password}, {@code passwd}, {@code pwd},
 * {@code passphrase}, or {@code pass} as a whole word) or a secret word ({@code secret}, {@code token},
 * {@code api_key}/{@code apikey}, {@code access_key}, {@code private_key}, {@code secret_key},
 * {@code credentials}, {@code auth}, {@code authorization}, ...), in any case and with {@code _}, {@code -},
 * {@code .} or camelCase between words; forms {@code key=value}, {@code key: value}, {@code key => value},
 * {@code "key": "value"} (see {@link Assignments}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>placeholders are never reported ({@link Placeholders}: masks, {@code ${VAR}}, {@code <password>},
 *       {@code changeme}, {@code example}, code such as {@code config.password} or {@code getenv(...)});
 *   <li>after a password word any other value of 4 or more characters is reported, 0.8 — except an unquoted
 *       single lower-case word after a colon ("Password: incorrect"), which reads as prose (0.4, dropped by
 *       the default threshold);
 *   <li>after a secret word the value needs at least 8 characters, two character classes (lower, upper,
 *       digit, symbol) unless it has 24 or more, and an entropy of at least {@link Entropy#threshold(int)} bits
 *       per character (3.5, relaxed for short values); then 0.7, 0.8 from 16 characters, 0.9 from 20
 *       characters with 4 bits per character;
 *   <li>a leading {@code Bearer}, {@code Basic} or {@code Token} word is skipped
 *       ({@code Authorization: Bearer <value>}).
 * </ol>
 */
public final class GenericSecretRecognizer implements Recognizer {
    static final String ENTITY = "SECRET_GENERIC";
    private static final List<String> PASSWORD_SUFFIXES = List.of("password", "passwd", "passphrase", "pwd");
    private static final List<String> SECRET_SUFFIXES = List.of("secret", "token", "apikey", "api_key", "api-key",
            "accesskey", "access_key", "access-key", "privatekey", "private_key", "private-key", "secretkey",
            "secret_key", "secret-key", "credentials", "credential", "auth", "authorization", "signingkey",
            "signing_key", "encryptionkey", "encryption_key", "masterkey", "master_key", "clientsecret");
    private static final List<String> SCHEMES = List.of("bearer", "basic", "token");

    @Override
    public String name() {
        return "generic_secret";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        Assignments.forEach(text, (ks, ke, vs, ve, quoted, colon) -> {
            boolean password = endsWithAny(text, ks, ke, PASSWORD_SUFFIXES) || endsWithWord(text, ks, ke, "pass");
            if (!password && !endsWithAny(text, ks, ke, SECRET_SUFFIXES)) return;
            int start = vs;
            int end = ve;
            if (!quoted && isScheme(text, start, end) && end + 1 < text.length() && text.charAt(end) == ' ') {
                start = end + 1;
                end = Assignments.unquotedEnd(text, start);
            } else if (quoted) {
                int sp = text.indexOf(' ', start);
                if (sp > start && sp < end && isScheme(text, start, sp)) start = sp + 1;
            }
            double score = score(text, start, end, quoted, colon, password);
            if (score > 0) sink.report(start, end, ENTITY, score);
        });
    }

    /** The score for value {@code text[start, end)}, 0 when it is not reported. */
    static double score(String text, int start, int end, boolean quoted, boolean colon, boolean password) {
        int len = end - start;
        if (len <= 0 || Placeholders.isPlaceholder(text, start, end, quoted)) return 0;
        if (password) {
            if (len < 4) return 0;
            if (!quoted && colon && allLowerLetters(text, start, end)) return 0.4;
            return 0.8;
        }
        if (len < 8) return 0;
        if (classes(text, start, end) < 2 && len < 24) return 0;
        double h = Entropy.bitsPerChar(text, start, end);
        if (h + 1e-9 < Entropy.threshold(len)) return 0; // tolerance: 3.5 computed may come out as 3.4999...
        if (len >= 20 && h >= 4.0) return 0.9;
        return len >= 16 ? 0.8 : 0.7;
    }

    private static int classes(String text, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= '0' && c <= '9') digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static boolean allLowerLetters(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    private static boolean isScheme(String text, int start, int end) {
        for (String s : SCHEMES) {
            if (end - start == s.length() && text.regionMatches(true, start, s, 0, s.length())) return true;
        }
        return false;
    }

    private static boolean endsWithAny(String text, int ks, int ke, List<String> suffixes) {
        for (String s : suffixes) {
            int len = s.length();
            if (ke - ks >= len && text.regionMatches(true, ke - len, s, 0, len)) return true;
        }
        return false;
    }

    /** Whether the key ends with {@code word} as a whole word: "pass", "db_pass", "dbPass"; not "bypass". */
    private static boolean endsWithWord(String text, int ks, int ke, String word) {
        int len = word.length();
        int at = ke - len;
        if (at < ks || !text.regionMatches(true, at, word, 0, len)) return false;
        if (at == ks) return true;
        char before = text.charAt(at - 1);
        return before == '_' || before == '-' || before == '.' || Character.isUpperCase(text.charAt(at));
    }
}
