package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnRecognizerTest {
    private final UsSsnRecognizer ssn = new UsSsnRecognizer();

    @Test
    void ssn_dashed_reportedWithoutContext() {
        var span = Scan.single(ssn, "employee 536-22-1234 joined");
        assertThat(span.entity()).isEqualTo("US_SSN");
        assertThat(span.score()).isEqualTo(UsSsnRecognizer.DASHED);
    }

    @Test
    void ssn_spacedOrBare_needsContext() {
        assertThat(Scan.values(ssn, "ref 536 22 1234")).isEmpty();
        assertThat(Scan.values(ssn, "ref 536221234")).isEmpty();
        assertThat(Scan.values(ssn, "social security number 536 22 1234")).containsExactly("536 22 1234");
        assertThat(Scan.values(ssn, "SSN: 536221234")).containsExactly("536221234");
        assertThat(Scan.spans(ssn, "536221234", "customer_ssn")).hasSize(1);
    }

    @Test
    void ssn_placeholder123456789_onlyWithContext() {
        assertThat(Scan.values(ssn, "e.g. 123-45-6789")).isEmpty();
        assertThat(Scan.values(ssn, "SSN: 123-45-6789")).containsExactly("123-45-6789");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
        "078-05-1120", "219-09-9999", "457-55-5462", "111-11-1111", "536-22 1234", "536 22-1234"
    })
    void ssn_neverIssuedOrMalformed_notReported(String value) {
        assertThat(Scan.values(ssn, "SSN " + value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1536-22-1234", "536-22-12345", "x536-22-1234", "536-22-1234-5", "1.536-22-1234", "5362212345",
        "53622123", "ID_536221234", "1 536 22 1234", "536 22 1234 5"
    })
    void ssn_insideLongerNumber_notReported(String value) {
        assertThat(Scan.values(ssn, "SSN " + value)).isEmpty();
    }

    @Test
    void ssn_csvAndLabels_found() {
        assertThat(Scan.values(ssn, "213950,Jane Roe,536-22-1234,02/23/1994")).containsExactly("536-22-1234");
        assertThat(Scan.values(ssn, "SSN:536-22-1234")).containsExactly("536-22-1234");
        assertThat(Scan.values(ssn, "total 1,536-22-1234")).containsExactly("536-22-1234");
        assertThat(Scan.values(ssn, "count 12:536-22-1234")).isEmpty();
    }

    @Test
    void ssn_endOfSentence_reported() {
        assertThat(Scan.values(ssn, "My SSN is 536-22-1234.")).containsExactly("536-22-1234");
    }
}
