package io.warden.detect.secret;

import io.warden.detect.Analyzer;
import io.warden.detect.AnalyzerConfig;
import io.warden.detect.Recognizer;
import io.warden.detect.Span;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test helper: builds real-looking but fake credentials at run time, so that no literal in the sources looks
 * like a live secret to a scanner, and runs recognizers through a real {@link Analyzer}.
 */
final class Fakes {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String B64URL = ALNUM + "_-";

    private Fakes() {}

    static String alnum(int n, long seed) {
        return random(ALNUM, n, seed);
    }

    static String base64Url(int n, long seed) {
        return random(B64URL, n, seed);
    }

    static String random(String alphabet, int n, long seed) {
        var r = new SplittableRandom(seed);
        var sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** A fake access key id: "AKIA" and 16 random base32 characters. */
    static String awsKeyId() {
        return "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 71);
    }

    /** AWS's documented example access key id. */
    static String awsDocumentedKeyId() {
        return "AKIA" + "IOSFODNN7EXAMPLE";
    }

    /** A fake secret access key: 40 random base64 characters. */
    static String awsSecret() {
        return random(ALNUM + "+/", 40, 72);
    }

    /** AWS's documented example secret access key. */
    static String awsDocumentedSecret() {
        return "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    }

    static String jwt(String header, String claims, String signature) {
        var enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    static String pemBody(int lines, long seed) {
        var sb = new StringBuilder();
        for (int i = 0; i < lines; i++) sb.append(random(ALNUM + "+/", 64, seed + i)).append('\n');
        return sb.toString();
    }

    static List<String> found(Recognizer r, String text) {
        List<Span> spans = new Analyzer(List.of(r), AnalyzerConfig.defaults()).analyze(text, null);
        return spans.stream().map(s -> s.entity() + ":" + text.substring(s.start(), s.end())).toList();
    }

    static double score(Recognizer r, String text) {
        List<Span> spans = new Analyzer(List.of(r), AnalyzerConfig.defaults().withMinScore(0)).analyze(text, null);
        return spans.isEmpty() ? 0 : spans.get(0).score();
    }
}
