package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds payment card numbers (PANs): 13–19 digits, contiguous or grouped, that pass the Luhn check.
 *
 * <p>Rule: ISO/IEC 7812-1 (length 13–19 digits, Luhn check digit, Annex B) and the card networks' published IIN
 * ranges (Visa 4; Mastercard 51–55 and 2221–2720; Amex 34, 37; Discover 6011, 644–649, 65; JCB 3528–3589; Diners
 * 300–305, 36, 38, 39; UnionPay 62; Maestro 50, 56–58, 63, 67; Mir 2200–2204; RuPay 60). Grouping as printed on
 * cards: groups of four (the last may be shorter), or Amex/Diners 4-6-5 / 4-6-4, with one space or one dash,
 * the same throughout. A Luhn-valid number with a known IIN and length scores 1.0; Luhn-valid with an unknown
 * IIN scores 0.3 (needs a context word); an invalid Luhn digit or a number inside a longer digit run is not
 * reported.
 */
public final class CreditCardRecognizer implements Recognizer {
    static final String ENTITY = "CREDIT_CARD";
    static final double UNKNOWN_IIN_SCORE = 0.3;
    private static final int MAX_GROUPS = 6;

    @Override
    public String name() {
        return "credit_card";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("card", "credit", "debit", "visa", "mastercard", "amex", "cc", "payment", "pan");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        int resume = 0;
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            if (!text.isDigits(i) || text.tokenStart(i) < resume) continue;
            int len = text.tokenLength(i);
            int start = text.tokenStart(i);
            int end;
            if (Chars.charIs(s, start - 1, '+')) continue; // +4915986211253 is a phone number
            if (len >= 13 && len <= 19) {
                end = text.tokenEnd(i);
                if (Chars.attached(s, start, end)) continue;
            } else if (len == 4) {
                end = groupedEnd(text, i);
                if (end < 0) continue;
                resume = end;
            } else {
                continue;
            }
            double score = score(s, start, end);
            if (score > 0) sink.report(start, end, ENTITY, score);
        }
    }

    /** End of a grouped card number whose first group is token {@code i}, or -1. */
    private static int groupedEnd(ScanText t, int i) {
        String s = t.text();
        int start = t.tokenStart(i);
        int firstEnd = t.tokenEnd(i);
        if (!Chars.digitAt(s, firstEnd + 1)) return -1;
        char sep = s.charAt(firstEnd);
        if (sep != ' ' && sep != '-') return -1;
        if (start > 0) {
            char b = s.charAt(start - 1);
            if (Chars.attachedBefore(s, start)) return -1;
            if (b == sep && Chars.digitAt(s, start - 2)) return -1;
        }
        int[] lens = new int[MAX_GROUPS];
        int g = 0;
        int j = i;
        while (true) {
            if (g == MAX_GROUPS) return -1;
            lens[g++] = t.tokenLength(j);
            int e = t.tokenEnd(j);
            boolean next = j + 1 < t.tokenCount() && t.tokenStart(j + 1) == e + 1 && t.isDigits(j + 1);
            if (next && Chars.charIs(s, e, sep)) {
                j++;
                continue;
            }
            if (Chars.attachedAfter(s, e)) return -1;
            if (g < 2 || !shapeOk(lens, g)) return -1;
            return e;
        }
    }

    /** 4-4-4-4 with an optional short tail group (13–19 digits), or 4-6-5 (Amex) / 4-6-4 (Diners). */
    private static boolean shapeOk(int[] lens, int g) {
        if (g == 3 && lens[0] == 4 && lens[1] == 6) return lens[2] == 5 || lens[2] == 4;
        if (g < 4 || g > 5) return false;
        for (int k = 0; k < g - 1; k++) {
            if (lens[k] != 4) return false;
        }
        int last = lens[g - 1];
        int total = 4 * (g - 1) + last;
        return last >= 1 && last <= 4 && total >= 13 && total <= 19;
    }

    static double score(String s, int start, int end) {
        if (!Chars.luhn(s, start, end) || Chars.sameDigits(s, start, end)) return 0;
        int len = Chars.countDigits(s, start, end);
        int iin = 0;
        for (int i = start, k = 0; k < 6; i++) {
            char c = s.charAt(i);
            if (Chars.isDigit(c)) {
                iin = iin * 10 + (c - '0');
                k++;
            }
        }
        return knownIin(iin, len) ? 1.0 : UNKNOWN_IIN_SCORE;
    }

    /** Whether the 6-digit IIN {@code iin} belongs to a major network that issues numbers of length {@code len}. */
    static boolean knownIin(int iin, int len) {
        int p1 = iin / 100_000;
        int p2 = iin / 10_000;
        int p3 = iin / 1_000;
        int p4 = iin / 100;
        boolean len16to19 = len >= 16 && len <= 19;
        if (p1 == 4) return len == 13 || len == 16 || len == 19; // Visa
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len == 16; // Mastercard
        if (p2 == 34 || p2 == 37) return len == 15; // American Express
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) return len16to19; // Discover
        if (p4 >= 3528 && p4 <= 3589) return len16to19; // JCB
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
            return len >= 14 && len <= 19; // Diners Club
        }
        if (p2 == 62) return len16to19; // UnionPay
        if (p4 >= 2200 && p4 <= 2204) return len16to19; // Mir
        if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) return len >= 13; // Maestro
        if (p2 == 60) return len == 16; // RuPay
        return false;
    }
}
