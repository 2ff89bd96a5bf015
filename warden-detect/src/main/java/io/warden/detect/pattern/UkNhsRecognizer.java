package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds UK NHS numbers: ten digits ({@code 3-3-4} grouped with spaces or dashes, or contiguous) with a valid
 * modulus 11 check digit.
 *
 * <p>Rule: NHS Data Dictionary, "NHS Number" — weights 10..2 over the first nine digits, check digit
 * {@code 11 - (sum mod 11)} (11 → 0; 10 → the number is never issued). Invalid check digits are not reported.
 * About one random 10-digit number in eleven passes the check, so the scores leave room for context: grouped 0.5
 * (reported; a context word such as "NHS" or "patient" lifts it to 0.85, above a phone number's 0.7), contiguous
 * 0.3 (reported only with a context word).
 */
public final class UkNhsRecognizer implements Recognizer {
    static final String ENTITY = "UK_NHS";
    static final double GROUPED = 0.5;
    static final double CONTIGUOUS = 0.3;

    @Override
    public String name() {
        return "uk_nhs";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("nhs", "health", "patient", "hospital", "gp", "medical");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (!text.isDigits(i)) continue;
            int len = text.tokenLength(i);
            int start = text.tokenStart(i);
            int end;
            double score;
            if (len == 10) {
                end = text.tokenEnd(i);
                score = CONTIGUOUS;
            } else if (len == 3) {
                end = groupedEnd(s, start);
                score = GROUPED;
                if (end < 0) continue;
            } else {
                continue;
            }
            if (Chars.attached(s, start, end) || Chars.sameDigits(s, start, end) || !mod11(s, start, end)) continue;
            sink.report(start, end, ENTITY, score);
        }
    }

    /** End of {@code ddd ddd dddd} or {@code ddd-ddd-dddd} starting at {@code p}, or -1. */
    private static int groupedEnd(String s, int p) {
        if (p + 12 > s.length()) return -1;
        char sep = s.charAt(p + 3);
        if (sep != ' ' && sep != '-') return -1;
        if (!Chars.allDigits(s, p + 4, p + 7) || s.charAt(p + 7) != sep || !Chars.allDigits(s, p + 8, p + 12)) {
            return -1;
        }
        int end = p + 12;
        if (p >= 2 && s.charAt(p - 1) == sep && Chars.isDigit(s.charAt(p - 2))) return -1;
        if (end + 1 < s.length() && s.charAt(end) == sep && Chars.isDigit(s.charAt(end + 1))) return -1;
        return end;
    }

    /** The NHS modulus 11 check over the ten digits in {@code [from, to)}, separators skipped. */
    static boolean mod11(String s, int from, int to) {
        int sum = 0;
        int weight = 10;
        int check = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) continue;
            if (weight >= 2) sum += (c - '0') * weight--;
            else check = c - '0';
        }
        int expected = 11 - sum % 11;
        if (expected == 11) expected = 0;
        return expected != 10 && expected == check;
    }
}
