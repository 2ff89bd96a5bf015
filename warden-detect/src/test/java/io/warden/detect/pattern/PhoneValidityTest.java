package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PhoneValidity must answer exactly as libphonenumber's parse() and isValidNumber() do. */
class PhoneValidityTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Digit strings near real numbers of every region (example numbers with random tails) and fully random ones. */
    private static List<String> sample(long seed, int perRegion) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            PhoneNumber example = UTIL.getExampleNumber(region);
            if (example == null) continue;
            String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164).substring(1);
            for (int i = 0; i < perRegion; i++) {
                StringBuilder d = new StringBuilder(e164);
                int keep = Math.max(1, e164.length() - 1 - rnd.nextInt(6));
                for (int k = keep; k < d.length(); k++) d.setCharAt(k, (char) ('0' + rnd.nextInt(10)));
                if (rnd.nextInt(8) == 0) d.append((char) ('0' + rnd.nextInt(10))); // one digit too many
                if (rnd.nextInt(8) == 0 && d.length() > 4) d.setLength(d.length() - 1); // one too few
                if (rnd.nextInt(10) == 0) d.insert(Math.min(3, d.length()), '0'); // a national prefix after +CC
                out.add(d.toString());
            }
        }
        for (int i = 0; i < 20_000; i++) {
            StringBuilder d = new StringBuilder();
            int len = 3 + rnd.nextInt(15);
            for (int k = 0; k < len; k++) d.append((char) ('0' + rnd.nextInt(10)));
            out.add(d.toString());
        }
        return out;
    }

    private static boolean libraryVerdict(String withPlus) {
        try {
            return UTIL.isValidNumber(UTIL.parse(withPlus, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** "+" and the digits in groups of three joined by one of the separators a candidate may hold. */
    private static String written(String digits, int variant) {
        String sep = String.valueOf(" -./".charAt(variant % 4));
        StringBuilder b = new StringBuilder("+");
        for (int i = 0; i < digits.length(); i += 3) {
            if (i > 0) b.append(i == 3 && variant % 5 == 0 ? " (" : sep);
            b.append(digits, i, Math.min(digits.length(), i + 3));
            if (i == 3 && variant % 5 == 0) b.append(')');
        }
        return b.toString();
    }

    @Test
    void validInternational_agreesWithParseThenIsValidNumber() {
        int valid = 0;
        int plain = 0;
        for (String digits : sample(11, 40)) {
            boolean expected = libraryVerdict("+" + digits);
            assertThat(PhoneValidity.validInternational(digits)).as("+" + digits).isEqualTo(expected);
            // the recognizer passes only the digits of a candidate like "+44 (20) 7946-0958": parse() must agree
            assertThat(libraryVerdict(written(digits, valid))).as(written(digits, valid)).isEqualTo(expected);
            if (expected) valid++;
            if (PhoneValidity.plainInternational(digits) != null) plain++;
        }
        assertThat(valid).as("the sample holds many valid numbers").isGreaterThan(3000);
        assertThat(plain).as("most numbers take the direct path").isGreaterThan(10_000);
    }

    @Test
    void plainInternational_givesTheNumberParseGives() throws Exception {
        for (String digits : sample(12, 10)) {
            PhoneNumber direct = PhoneValidity.plainInternational(digits);
            if (direct == null) continue;
            PhoneNumber parsed = UTIL.parse("+" + digits, "ZZ");
            assertThat(direct.getCountryCode()).as(digits).isEqualTo(parsed.getCountryCode());
            assertThat(direct.getNationalNumber()).as(digits).isEqualTo(parsed.getNationalNumber());
            assertThat(direct.isItalianLeadingZero()).as(digits).isEqualTo(parsed.isItalianLeadingZero());
        }
    }

    @Test
    void plainInternational_leavesTheHardCasesToParse() {
        assertThat(PhoneValidity.plainInternational("")).isNull();
        assertThat(PhoneValidity.plainInternational("0441234")).as("no country code starts with 0").isNull();
        assertThat(PhoneValidity.plainInternational("4402079460958")).as("national prefix after +44").isNull();
        assertThat(PhoneValidity.plainInternational("390612345678")).as("Italian leading zero").isNull();
        assertThat(PhoneValidity.plainInternational("80012345678")).as("non-geographic +800").isNull();
        assertThat(PhoneValidity.plainInternational("44")).as("too short").isNull();
        assertThat(PhoneValidity.plainInternational("44207946095812345678")).as("too long").isNull();
        assertThat(PhoneValidity.plainInternational("2801234")).as("unassigned code").isNull();
        assertThat(PhoneValidity.plainInternational("442079460958").getNationalNumber()).isEqualTo(2079460958L);
    }

    @Test
    void valid_agreesWithIsValidNumber_forSharedCallingCodes() {
        int valid = 0;
        for (String digits : sample(13, 40)) {
            PhoneNumber n;
            try {
                n = UTIL.parse("+" + digits, "ZZ");
            } catch (NumberParseException e) {
                continue;
            }
            boolean expected = UTIL.isValidNumber(n);
            assertThat(PhoneValidity.valid(n)).as("+" + digits).isEqualTo(expected);
            if (expected && UTIL.getRegionCodesForCountryCode(n.getCountryCode()).size() > 1) valid++;
        }
        assertThat(valid).as("valid numbers of codes shared by several regions (+1, +44, +7...)").isGreaterThan(500);
    }

    @Test
    void plainNational_givesTheNumberParseGives() throws Exception {
        SplittableRandom rnd = new SplittableRandom(14);
        int direct = 0;
        for (String region : List.of("US", "GB", "DE", "FR", "IN", "AR", "BR", "RU", "IT", "MX", "JP", "AU", "CN")) {
            for (int i = 0; i < 3000; i++) {
                StringBuilder d = new StringBuilder();
                int len = 7 + rnd.nextInt(9);
                for (int k = 0; k < len; k++) d.append((char) ('0' + rnd.nextInt(10)));
                String digits = d.toString();
                String written = digits.substring(0, 3) + " " + digits.substring(3, 6) + "-" + digits.substring(6);
                PhoneNumber plain = PhoneValidity.plainNational(digits, region);
                if (plain == null) continue;
                direct++;
                PhoneNumber parsed = UTIL.parseAndKeepRawInput(written, region);
                assertThat(plain.getCountryCode()).as(region + " " + written).isEqualTo(parsed.getCountryCode());
                assertThat(plain.getNationalNumber()).as(region + " " + written).isEqualTo(parsed.getNationalNumber());
                assertThat(plain.isItalianLeadingZero()).isEqualTo(parsed.isItalianLeadingZero());
                assertThat(plain.getCountryCodeSource()).as(region + " " + written)
                        .isEqualTo(parsed.getCountryCodeSource());
                assertThat(PhoneValidity.valid(plain)).isEqualTo(UTIL.isValidNumber(parsed));
            }
        }
        assertThat(direct).as("most candidates take the direct path").isGreaterThan(15_000);
        assertThat(PhoneValidity.plainNational("02079460958", "GB")).as("trunk prefix").isNull();
        assertThat(PhoneValidity.plainNational("442079460958", "GB")).as("starts with the country code").isNull();
        assertThat(PhoneValidity.plainNational("01144207946", "US")).as("international prefix").isNull();
        assertThat(PhoneValidity.plainNational("1234567", "AR")).as("a national prefix pattern").isNull();
    }
}
