package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsPassportRecognizerTest {
    private final UsPassportRecognizer passport = new UsPassportRecognizer();

    @Test
    void passport_withoutContext_notReported() {
        assertThat(Scan.values(passport, "order 912345678 shipped")).isEmpty();
        assertThat(Scan.values(passport, "code A12345678")).isEmpty();
    }

    @Test
    void passport_withContext_reported() {
        assertThat(Scan.values(passport, "US passport number 912345678")).containsExactly("912345678");
        assertThat(Scan.values(passport, "Passport: A12345678")).containsExactly("A12345678");
        assertThat(Scan.spans(passport, "C03005988", "passport_no")).hasSize(1);
    }

    @Test
    void passport_wrongShape_notReported() {
        assertThat(Scan.values(passport, "passport 91234567 9123456789 AB1234567 a12345678 A1234567B 000000000"))
                .isEmpty();
        assertThat(Scan.values(passport, "passport 912-345678 ID_912345678")).isEmpty();
    }
}
