package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsItinRecognizerTest {
    private final UsItinRecognizer itin = new UsItinRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"912-50-1234", "912-65-1234", "912-70-1234", "999-88-1234", "900-90-0000", "912-94-1234"})
    void itin_dashedInIrsRanges_reported(String value) {
        var span = Scan.single(itin, "filed with " + value + " today");
        assertThat(span.entity()).isEqualTo("US_ITIN");
        assertThat(span.score()).isEqualTo(UsSsnRecognizer.DASHED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"912-49-1234", "912-66-1234", "912-69-1234", "912-89-1234", "912-93-1234", "812-70-1234"})
    void itin_groupOutsideIrsRanges_notReported(String value) {
        assertThat(Scan.values(itin, "ITIN " + value)).isEmpty();
    }

    @Test
    void itin_bare_needsContext() {
        assertThat(Scan.values(itin, "ref 912701234")).isEmpty();
        assertThat(Scan.values(itin, "taxpayer id 912701234")).containsExactly("912701234");
    }

    @Test
    void itin_insideLongerNumber_notReported() {
        assertThat(Scan.values(itin, "ITIN 1912-70-1234 912-70-12345")).isEmpty();
    }
}
