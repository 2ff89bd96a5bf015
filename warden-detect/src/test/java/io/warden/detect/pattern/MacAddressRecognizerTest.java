package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressRecognizerTest {
    private final MacAddressRecognizer mac = new MacAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "0000.0c07.ac01", "FF:FF:FF:FF:FF:FF"})
    void mac_ieeeAndCiscoForms_reported(String value) {
        var span = Scan.single(mac, "device " + value + ".");
        assertThat(span.entity()).isEqualTo("MAC_ADDRESS");
        assertThat(span.end() - span.start()).isEqualTo(value.length());
    }

    @Test
    void mac_scoresByForm() {
        assertThat(Scan.rawScore(mac, "00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E")).isEqualTo(0.9);
        assertThat(Scan.rawScore(mac, "00-1A-2B-3C-4D-5E", "00-1A-2B-3C-4D-5E")).isEqualTo(0.85);
        assertThat(Scan.rawScore(mac, "10-12-14-16-18-20", "10-12-14-16-18-20")).isEqualTo(0.5);
        assertThat(Scan.rawScore(mac, "0000.0c07.ac01", "0000.0c07.ac01")).isEqualTo(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00:1A:2B:3C:4D", "00:1A:2B-3C:4D:5E", "00:1A:2B:3C:4D:5E:6F", "00:1A:2B:3C:4D:5G", "x00:1A:2B:3C:4D:5E",
        "000:1A:2B:3C:4D:5E", "1234.5678.9012", "0000.0c07.ac01.ffff"
    })
    void mac_nearMiss_notReported(String value) {
        assertThat(Scan.values(mac, "mac " + value)).isEmpty();
    }
}
