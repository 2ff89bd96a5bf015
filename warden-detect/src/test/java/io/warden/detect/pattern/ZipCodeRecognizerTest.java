package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipCodeRecognizerTest {
    private final ZipCodeRecognizer zip = new ZipCodeRecognizer();

    @Test
    void zip_afterStateAbbreviation_reported() {
        var span = Scan.single(zip, "San Francisco, CA 94105");
        assertThat(span.score()).isEqualTo(ZipCodeRecognizer.ZIP5_STATE);
        assertThat(Scan.values(zip, "Austin, TX, 78701")).containsExactly("78701");
        assertThat(Scan.values(zip, "Albany, New York 12207")).containsExactly("12207");
        assertThat(Scan.values(zip, "Dallas, Texas 75001")).containsExactly("75001");
    }

    @Test
    void zip_stateWhoseRangeDoesNotHoldIt_notAState() {
        assertThat(Scan.values(zip, "Fix PR 22773 now")).isEmpty(); // Puerto Rico is 006xx-009xx
        assertThat(Scan.values(zip, "CA 10001")).isEmpty();
        assertThat(Scan.values(zip, "San Juan, PR 00901")).containsExactly("00901");
        assertThat(Scan.values(zip, "Charlotte, North Carolina 28202")).containsExactly("28202");
        assertThat(ZipCodeRecognizer.inState("NY", 100)).isTrue();
        assertThat(ZipCodeRecognizer.inState("NY", 150)).isFalse();
    }

    @Test
    void zip_fiveDigitsAlone_needsContext() {
        assertThat(Scan.values(zip, "we counted 94105 birds")).isEmpty();
        assertThat(Scan.values(zip, "zip 94105")).containsExactly("94105");
        assertThat(Scan.spans(zip, "94105", "postal_code")).hasSize(1);
        assertThat(Scan.values(zip, "in 94105")).isEmpty(); // lower-case "in" is not Indiana
    }

    @Test
    void zip_plusFour_reported() {
        assertThat(Scan.values(zip, "mail to 94105-1234")).containsExactly("94105-1234");
        assertThat(Scan.single(zip, "CA 94105-1234").score()).isEqualTo(ZipCodeRecognizer.ZIP9_STATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"})
    void zip_ukPostcodes_reported(String value) {
        assertThat(Scan.values(zip, "London " + value + ", UK")).containsExactly(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00000", "94105-12345", "194105", "9410", "94105.5", "SW1A 1CA", "QW1A 1AA", "SW1A1AA", "sw1a 1aa",
        "AB 123", "ZIP-94105x"
    })
    void zip_nearMiss_notReported(String value) {
        assertThat(Scan.values(zip, "zip " + value)).isEmpty();
    }
}
