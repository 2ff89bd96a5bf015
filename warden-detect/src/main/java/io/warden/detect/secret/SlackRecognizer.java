package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Recognizes Slack credentials: tokens ({@code xoxb-}, {@code xoxp-}, {@code xoxa-}, {@code xoxr-},
 * {@code xoxs-} followed by dash-separated groups) → SECRET_SLACK_TOKEN, and incoming-webhook URLs
 * ({@code https://hooks.slack.com/services/T…/B…/…}) → SECRET_SLACK_WEBHOOK.
 *
 * <p>Scores: a token whose body has the documented shape (numeric groups, then a long alphanumeric group) 0.95,
 * any other {@code xox?-} run of at least 15 characters 0.75; a webhook 0.95.
 */
public final class SlackRecognizer implements Recognizer {
    static final String TOKEN = "SECRET_SLACK_TOKEN";
    static final String WEBHOOK = "SECRET_SLACK_WEBHOOK";
    private static final String HOOKS = "hooks.slack.com/services/";

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public Set<String> entities() {
        return Set.of(TOKEN, WEBHOOK);
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        int n = text.length();
        for (int p = text.indexOf("xox"); p >= 0 && p + 5 < n; p = text.indexOf("xox", p + 3)) {
            if ("baprs".indexOf(text.charAt(p + 3)) < 0 || text.charAt(p + 4) != '-') continue;
            if (!SecretChars.boundaryAt(text, p - 1)) continue;
            int body = SecretChars.base64UrlRun(text, p + 5, 256);
            if (body < 15) continue;
            int end = p + 5 + body;
            sink.report(p, end, TOKEN, wellFormed(text, p + 5, end) ? 0.95 : 0.75);
        }
        for (int p = text.indexOf(HOOKS); p >= 0; p = text.indexOf(HOOKS, p + 1)) {
            int end = webhookEnd(text, p + HOOKS.length());
            if (end < 0) continue;
            int start = p;
            if (text.startsWith("https://", p - 8)) start = p - 8;
            else if (text.startsWith("http://", p - 7)) start = p - 7;
            sink.report(start, end, WEBHOOK, 0.95);
        }
    }

    /** Body like {@code 1234567890-1234567890123-AbCdEf...}: one to four digit groups, then 20+ letters and digits. */
    private static boolean wellFormed(String text, int from, int end) {
        int groups = 0;
        int i = from;
        while (true) {
            int d = i;
            while (d < end && Character.isDigit(text.charAt(d))) d++;
            if (d == i || d >= end || text.charAt(d) != '-') break;
            groups++;
            i = d + 1;
        }
        return groups >= 1 && groups <= 4 && end - i >= 20 && SecretChars.alnumRun(text, i, end - i) == end - i;
    }

    /** End of {@code T…/B…/secret} after the services path, or -1. */
    private static int webhookEnd(String text, int from) {
        int i = from;
        if (i >= text.length() || text.charAt(i) != 'T') return -1;
        int team = SecretChars.alnumRun(text, i, 16);
        i += team;
        if (team < 8 || i >= text.length() || text.charAt(i) != '/') return -1;
        i++;
        if (i >= text.length() || text.charAt(i) != 'B') return -1;
        int bot = SecretChars.alnumRun(text, i, 16);
        i += bot;
        if (bot < 8 || i >= text.length() || text.charAt(i) != '/') return -1;
        i++;
        int secret = SecretChars.alnumRun(text, i, 64);
        return secret >= 20 ? i + secret : -1;
    }
}
