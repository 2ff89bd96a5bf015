package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsDriverLicenseRecognizerTest {
    private final UsDriverLicenseRecognizer dl = new UsDriverLicenseRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"A1234567", "D123456789012", "AB123456", "123456789", "12345678"})
    void driverLicense_stateFormats_reportedWithContext(String value) {
        assertThat(Scan.values(dl, "driver license " + value)).containsExactly(value);
        assertThat(Scan.values(dl, "DL: " + value)).containsExactly(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1234567", "AB123456", "123456789"})
    void driverLicense_withoutContext_notReported(String value) {
        assertThat(Scan.values(dl, "ticket " + value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ABC1234567", "A123456", "Ab1234567", "A12345B7", "1234567890", "AB12345678", "00000000", "1234567",
        "#12345678", "(Closes: #1013311)"
    })
    void driverLicense_otherShapes_notReported(String value) {
        assertThat(Scan.values(dl, "driver license " + value)).isEmpty();
    }
}
