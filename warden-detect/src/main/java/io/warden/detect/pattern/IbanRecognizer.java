package io.warden.detect.pattern;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.Set;

/**
 * Finds International Bank Account Numbers: country code, two check digits and a BBAN whose ISO 7064 MOD 97-10
 * remainder is 1.
 *
 * <p>Rule: ISO 13616-1 and the SWIFT IBAN Registry (country lengths below are the registry's, 2025 release; the
 * French overseas territories, Åland and the Crown Dependencies use FR, FI and GB). Accepted forms: electronic
 * ({@code DE89370400440532013000}) and paper ({@code DE89 3704 0044 0532 0130 00}, groups of four separated by
 * one space), upper case only. Hand-written because the check is a dozen lines and no dependency we ship has it.
 */
public final class IbanRecognizer implements Recognizer {
    static final String ENTITY = "IBAN_CODE";

    /** IBAN length per country, indexed by {@code (c0 - 'A') * 26 + (c1 - 'A')}; 0 = no IBAN. */
    private static final byte[] LENGTH = new byte[26 * 26];

    static {
        String table = """
                AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18
                DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23
                IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27
                MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19
                SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30""";
        for (String e : table.trim().split("\\s+")) {
            LENGTH[(e.charAt(0) - 'A') * 26 + (e.charAt(1) - 'A')] = Byte.parseByte(e.substring(2));
        }
    }

    @Override
    public String name() {
        return "iban";
    }

    @Override
    public Set<String> entities() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> context() {
        return Set.of("iban", "bank", "account", "transfer", "sepa");
    }

    @Override
    public void analyze(ScanText text, SpanSink sink) {
        String s = text.text();
        // only tokens holding a digit can start this entity
        for (int anchor = 0, anchors = text.digitTokenCount(); anchor < anchors; anchor++) {
            int i = text.digitToken(anchor);
            int len = text.tokenLength(i);
            if (len < 4 || (text.tokenFlags(i) & ScanText.HAS_LOWER) != 0) continue;
            int start = text.tokenStart(i);
            char c0 = s.charAt(start);
            char c1 = s.charAt(start + 1);
            if (!Chars.isUpper(c0) || !Chars.isUpper(c1)) continue;
            if (!Chars.isDigit(s.charAt(start + 2)) || !Chars.isDigit(s.charAt(start + 3))) continue;
            int want = LENGTH[(c0 - 'A') * 26 + (c1 - 'A')];
            if (want == 0) continue;
            int end = -1;
            if (len == want) {
                end = text.tokenEnd(i);
            } else if (len == 4) {
                int j = grouped(text, i, want);
                if (j >= 0) {
                    end = text.tokenEnd(j);
                    i = j;
                }
            }
            if (end < 0 || !allUpperAlnum(s, start, end)) continue;
            if (mod97(s, start, end) == 1) sink.report(start, end, ENTITY, 1.0);
        }
    }

    /** Index of the last group token of a paper-format IBAN of {@code want} chars starting at token i, or -1. */
    private static int grouped(ScanText t, int i, int want) {
        String s = t.text();
        int remaining = want - 4;
        int j = i;
        while (remaining > 0) {
            int e = t.tokenEnd(j);
            if (j + 1 >= t.tokenCount() || !Chars.charIs(s, e, ' ') || t.tokenStart(j + 1) != e + 1) return -1;
            j++;
            int len = t.tokenLength(j);
            if (remaining > 4 ? len != 4 : len != remaining) return -1;
            remaining -= len;
        }
        return j;
    }

    private static boolean allUpperAlnum(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c) && !Chars.isUpper(c) && c != ' ') return false;
        }
        return true;
    }

    /** ISO 7064 MOD 97-10 of the IBAN in {@code [from, to)} (spaces skipped), first four chars moved to the end. */
    static int mod97(String s, int from, int to) {
        int rem = 0;
        for (int i = from + 4; i < to; i++) rem = step(rem, s.charAt(i));
        for (int i = from; i < from + 4; i++) rem = step(rem, s.charAt(i));
        return rem;
    }

    private static int step(int rem, char c) {
        if (Chars.isDigit(c)) return (rem * 10 + (c - '0')) % 97;
        if (Chars.isUpper(c)) return (rem * 100 + (c - 'A' + 10)) % 97;
        return rem; // group separator
    }
}
