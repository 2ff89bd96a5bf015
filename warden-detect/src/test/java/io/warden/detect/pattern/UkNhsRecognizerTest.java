package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UkNhsRecognizerTest {
    private final UkNhsRecognizer nhs = new UkNhsRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", "401 023 2137"})
    void nhs_groupedValid_reported(String value) {
        var span = Scan.single(nhs, "number " + value);
        assertThat(span.entity()).isEqualTo("UK_NHS");
        assertThat(span.score()).isEqualTo(UkNhsRecognizer.GROUPED);
    }

    @Test
    void nhs_context_liftsGroupedAboveAPhoneNumber() {
        var span = Scan.single(nhs, "NHS number 943 476 5919");
        assertThat(span.score()).isGreaterThan(PhoneRecognizer.NATIONAL);
    }

    @Test
    void nhs_contiguous_needsContext() {
        assertThat(Scan.values(nhs, "ref 9434765919")).isEmpty();
        assertThat(Scan.values(nhs, "patient 9434765919")).containsExactly("9434765919");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "943 476 5918", "9434765918", // check digit wrong
        "943 476 591", "943 4765 919", "943-476 5919", // shape
        "0000000000", "1943 476 5919", "943 476 5919 1", "94347659190", "x9434765919"
    })
    void nhs_invalid_notReported(String value) {
        assertThat(Scan.values(nhs, "NHS " + value)).isEmpty();
    }

    @Test
    void nhs_checkDigitTen_neverIssued() {
        // body 100000001: 1*10 + 1*2 = 12, 12 mod 11 = 1, check 11 - 1 = 10: no valid number has this body
        for (char check = '0'; check <= '9'; check++) {
            assertThat(UkNhsRecognizer.mod11("100000001" + check, 0, 10)).isFalse();
        }
        assertThat(UkNhsRecognizer.mod11("9434765919", 0, 10)).isTrue();
    }
}
