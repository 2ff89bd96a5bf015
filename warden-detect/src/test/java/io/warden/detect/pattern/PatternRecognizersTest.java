package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.Recognizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registration list and how the recognizers play together under the Analyzer's overlap resolution. */
class PatternRecognizersTest {

    @Test
    void all_namesUniqueLowerCaseAndEntitiesPresidioNames() {
        List<Recognizer> all = PatternRecognizers.all();
        Set<String> names = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (Recognizer r : all) {
            assertThat(names.add(r.name())).as(r.name()).isTrue();
            assertThat(r.name()).matches("[a-z_]+");
            entities.addAll(r.entities());
            for (String w : r.context()) assertThat(w).as(r.name()).matches("[a-z0-9]+");
        }
        assertThat(entities).containsExactlyInAnyOrder(
                "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_ITIN", "US_PASSPORT",
                "US_DRIVER_LICENSE", "UK_NHS", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DOMAIN_NAME", "DATE_TIME", "AGE",
                "ZIP_CODE", "CRYPTO");
    }

    @Test
    void all_emailAndUrlWinOverTheirDomain() {
        assertThat(Scan.all("Write to jane.doe@example.com or see https://example.org/about."))
                .containsExactly("EMAIL_ADDRESS:jane.doe@example.com", "URL:https://example.org/about");
        assertThat(Scan.all("Visit www.example.com or example.net"))
                .containsExactly("URL:www.example.com", "DOMAIN_NAME:example.net");
    }

    @Test
    void all_urlWithUserInfo_staysOneUrl() {
        assertThat(Scan.all("clone https://user:pw@example.com:8443/repo.git now"))
                .containsExactly("URL:https://user:pw@example.com:8443/repo.git");
        assertThat(Scan.all("mailto:jane@example.com")).containsExactly("EMAIL_ADDRESS:jane@example.com");
    }

    @Test
    void all_mixedRecord_eachValueOnce() {
        String text = "Jane (42 years old) paid with 4111 1111 1111 1111 on 2024-01-31 from 192.168.1.20; "
                + "IBAN DE89 3704 0044 0532 0130 00, phone +44 20 7946 0958, SSN 536-22-1234.";
        assertThat(Scan.all(text)).containsExactly(
                "AGE:42", "CREDIT_CARD:4111 1111 1111 1111", "DATE_TIME:2024-01-31", "IP_ADDRESS:192.168.1.20",
                "IBAN_CODE:DE89 3704 0044 0532 0130 00", "PHONE_NUMBER:+44 20 7946 0958", "US_SSN:536-22-1234");
    }

    @Test
    void all_nineBareDigits_contextDecidesTheEntity() {
        assertThat(Scan.all("passport 536221234")).containsExactly("US_PASSPORT:536221234");
        assertThat(Scan.all("SSN 536221234")).containsExactly("US_SSN:536221234");
        assertThat(Scan.all("driver license 536221234")).containsExactly("US_DRIVER_LICENSE:536221234");
        assertThat(Scan.all("we shipped 536221234 units")).isEmpty();
    }

    @Test
    void all_passportNextToALicense_eachGetsItsEntity() {
        assertThat(Scan.all("Background check: driver's license C9105336, passport Y52825041, ok."))
                .containsExactly("US_DRIVER_LICENSE:C9105336", "US_PASSPORT:Y52825041");
    }

    @Test
    void all_thousandsSeparators_notIdentifiers() {
        assertThat(Scan.all("we sold 1,536,221,234 units and 12,345 more")).isEmpty();
    }

    @Test
    void all_plainProse_nothingReported() {
        String text = "The quick brown fox jumps over the lazy dog. In the end, e.g. the results (see Fig. 3) were "
                + "good: 3.14 is pi, version 1.2.3 shipped, and we sold 1,234 units for $5,000.00 at 99.5% uptime.";
        assertThat(Scan.all(text)).isEmpty();
    }
}
