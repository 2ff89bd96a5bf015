package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {
    private final IpAddressRecognizer ip = new IpAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "10.0.0.254", "255.255.255.255", "172.16.0.1", "127.0.0.1", "203.0.113.7"})
    void ipv4_dottedQuad_reported(String value) {
        assertThat(Scan.values(ip, "from " + value + ", then")).containsExactly(value);
    }

    @Test
    void ipv4_versionLike_needsContext() {
        assertThat(Scan.rawScore(ip, "8.8.8.8", "8.8.8.8")).isEqualTo(IpAddressRecognizer.V4_VERSION_LIKE);
        assertThat(Scan.rawScore(ip, "192.168.1.1", "192.168.1.1")).isEqualTo(IpAddressRecognizer.V4);
        assertThat(Scan.values(ip, "Standards-Version: 3.6.1.1")).isEmpty();
        assertThat(Scan.values(ip, "use the DNS server 8.8.8.8 here")).containsExactly("8.8.8.8");
    }

    @Test
    void ipv4_packageRevision_notReported() {
        assertThat(Scan.values(ip, "binutils (2.10.0.27-4) unstable; gettext 1:0.19.80.1")).isEmpty();
    }

    @Test
    void ipv4_withPortOrPrefix_addressOnly() {
        assertThat(Scan.values(ip, "connect 10.0.0.1:8080 now")).containsExactly("10.0.0.1");
        assertThat(Scan.values(ip, "route 10.0.0.0/8 via")).containsExactly("10.0.0.0");
        assertThat(Scan.values(ip, "Server at 192.168.1.1.")).containsExactly("192.168.1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.04", "1.2.3.4.5", "v1.2.3.4", "1.2.3.4a", "3.14.15.92.65",
        "1..2.3.4", "192.168.1", "1234.1.1.1"
    })
    void ipv4_nearMiss_notReported(String value) {
        assertThat(Scan.values(ip, "version " + value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2001:db8::1", "::1", "fe80::1%eth0", "::ffff:192.0.2.128", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "2001:DB8:0:0:8:800:200C:417A", "ff02::2", "fe80::", "1::"
    })
    void ipv6_textForms_reportedWhole(String value) {
        var span = Scan.single(ip, "see " + value + " up");
        assertThat(("see " + value + " up").substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.score()).isEqualTo(IpAddressRecognizer.V6);
    }

    @Test
    void ipv6_bracketedWithPort_addressOnly() {
        assertThat(Scan.values(ip, "http://[2001:db8::1]:443/")).containsExactly("2001:db8::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "14:30:05", "std::abs", "a::b", "dead::beef", "Foo::Bar", "2001:db8:::1", "1:2:3:4:5:6:7:8:9",
        "00:1A:2B:3C:4D:5E", "12345::1", "ratio 3:4"
    })
    void ipv6_nearMiss_notReported(String value) {
        assertThat(Scan.values(ip, "see " + value + " here")).isEmpty();
    }
}
