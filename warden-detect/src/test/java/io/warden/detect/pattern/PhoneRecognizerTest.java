package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {
    private final PhoneRecognizer phone = new PhoneRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "+44 20 7946 0958", "+1 415 555 2671", "+1 (415) 555-2671", "+49 30 12345678", "+33 1 23 45 67 89",
        "+91 98765 43210", "+14155552671", "+44 (0)20 7946 0958"
    })
    void phone_international_reported(String value) {
        String text = "reach me on " + value + " please";
        var span = Scan.single(phone, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.score()).isEqualTo(PhoneRecognizer.PLUS);
        assertThat(span.entity()).isEqualTo("PHONE_NUMBER");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(415) 555-2671", "415-555-2671", "415.555.2671", "415 555 2671", "1-800-555-0199", "020 7946 0958",
        "030 12345678", "01 23 45 67 89", "98765 43210", "(0)20 7946 0958"
    })
    void phone_nationalWithSeparators_reported(String value) {
        String text = "office " + value + ".";
        var span = Scan.single(phone, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.score()).isEqualTo(PhoneRecognizer.NATIONAL);
    }

    @Test
    void phone_csvFields_found() {
        assertThat(Scan.values(phone, "Pok Lynch,pok@example.com,510-207-3040,San Antonio,05452"))
                .containsExactly("510-207-3040");
        assertThat(Scan.values(phone, "\"Jane\",\"+44 20 7946 0958\"")).containsExactly("+44 20 7946 0958");
    }

    @Test
    void phone_unbalancedParenthesis_leftOut() {
        assertThat(Scan.values(phone, "AMD (800-292-9263) in the USA")).containsExactly("800-292-9263");
    }

    @Test
    void phone_internationalDialingPrefix_reported() {
        assertThat(Scan.values(phone, "dial 0049 30 12345678")).containsExactly("0049 30 12345678");
        assertThat(Scan.values(phone, "dial 011 44 20 7946 0958")).containsExactly("011 44 20 7946 0958");
    }

    @Test
    void phone_bareDigits_needContext() {
        assertThat(Scan.values(phone, "order 4155552671 shipped")).isEmpty();
        assertThat(Scan.values(phone, "call 4155552671 today")).containsExactly("4155552671");
        assertThat(Scan.spans(phone, "4155552671", "mobile_number")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-01-31", "31.01.2024", "01/31/2024", "2024 01 31", "192.168.1.1", "10.0.0.25", "123-45-6789",
        "536 22 1234", "4111 1111 1111 1111", "4111111111111111", "4012888888881881", "2021 2022 2023",
        "555-1234", "3.14159265", "12:30", "$415 555 2671", "415-555-2671x", "415-555-2671-22", "A-415-555-2671",
        "12345678", "100 200 300", "30 12345678 999 123 456 789", "1.2.3.4.5.6.7", "02110-1301", "1998-2004",
        "2019 2020 2021", "(2.13.90.0.18-1.2)", "(79.0.3945.79-1)", "#1013311", "1013311", "123 456 7890",
        "123-456-7890", "185 777 3456"
    })
    void phone_otherNumbers_notReported(String value) {
        assertThat(Scan.values(phone, "call " + value + " now")).isEmpty();
    }

    @Test
    void phone_listOfNumbers_eachFound() {
        assertThat(Scan.values(phone, "call 415-555-2671 212-555-0123 or (415) 555-2671 (212) 555-0123"))
                .containsExactly("415-555-2671", "212-555-0123", "(415) 555-2671", "(212) 555-0123");
        assertThat(Scan.values(phone, "+44 20 7946 0958, +1 415 555 2671"))
                .containsExactly("+44 20 7946 0958", "+1 415 555 2671");
    }

    @Test
    void phone_regionsConfigurable() {
        var gbOnly = new PhoneRecognizer(List.of("GB"));
        assertThat(Scan.values(gbOnly, "office 415-555-2671")).isEmpty();
        assertThat(Scan.values(gbOnly, "office 020 7946 0958")).containsExactly("020 7946 0958");
        assertThat(Scan.values(gbOnly, "office +1 415 555 2671")).containsExactly("+1 415 555 2671");
        assertThatThrownBy(() -> new PhoneRecognizer(List.of("XX"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The NANP shortcut must give exactly libphonenumber's parse-then-validate verdict. */
    @Test
    void nanpShortcut_agreesWithParse_onRandomNumbers() throws Exception {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder d = new StringBuilder().append((char) ('2' + rnd.nextInt(8)));
            for (int k = 1; k < 10; k++) d.append((char) ('0' + rnd.nextInt(10)));
            String digits = d.toString();
            String national = "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
            var parsed = util.parseAndKeepRawInput(national, "US");
            boolean expected = util.isValidNumber(parsed);
            assertThat(parsed.getCountryCodeSource()).isEqualTo(
                    com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY);
            assertThat(String.valueOf(parsed.getNationalNumber())).isEqualTo(digits);
            assertThat(PhoneRecognizer.nanpValid(digits, 0)).as(digits).isEqualTo(expected);
            boolean plusExpected = util.isValidNumber(util.parse("+1 " + national, "ZZ"));
            assertThat(PhoneRecognizer.nanpValid("1" + digits, 1)).as("+1 " + digits).isEqualTo(plusExpected);
            if (expected) valid++;
        }
        assertThat(valid).as("the sample holds valid and invalid numbers").isBetween(1000, 19_000);
    }
}
