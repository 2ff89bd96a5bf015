package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void round_keepsSixSignificantDigits_plain() {
        assertThat(ReportText.round(0.95).toPlainString()).isEqualTo("0.95");
        assertThat(ReportText.round(1.0).toPlainString()).isEqualTo("1");
        assertThat(ReportText.round(1.0 / 3).toPlainString()).isEqualTo("0.333333");
        assertThat(ReportText.round(2.0 / 3).toPlainString()).isEqualTo("0.666667");
        assertThat(ReportText.round(123456789.0).toPlainString()).isEqualTo("123457000");
        assertThat(ReportText.round(0.0000204747).toPlainString()).isEqualTo("0.0000204747");
        assertThat(ReportText.round(0).toPlainString()).isEqualTo("0");
    }

    @Test
    void round_isWithinHalfAUnitInTheSixthDigit() {
        var random = new SplittableRandom(20250314);
        for (int i = 0; i < 20_000; i++) {
            // magnitudes from 1e-12 to 1e9, both signs
            double d = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-12, 10));
            BigDecimal r = ReportText.round(d);
            assertThat(r.stripTrailingZeros().precision()).as("%s", d).isLessThanOrEqualTo(6);
            assertThat(r.toPlainString()).doesNotContain("E");
            assertThat(Math.abs(r.doubleValue() - d)).as("%s", d).isLessThanOrEqualTo(Math.abs(d) * 5e-6);
        }
    }

    @Test
    void humanFormats() {
        assertThat(ReportText.count(1234567)).isEqualTo("1,234,567");
        assertThat(ReportText.bytes(999)).isEqualTo("999 B");
        assertThat(ReportText.bytes(1_234)).isEqualTo("1.2 kB");
        assertThat(ReportText.bytes(734_003_200)).isEqualTo("734 MB");
        assertThat(ReportText.bytes(2_000_000_000L)).isEqualTo("2.0 GB");
        assertThat(ReportText.bytes(999_960)).isEqualTo("1.0 MB");
        assertThat(ReportText.duration(850)).isEqualTo("850 ms");
        assertThat(ReportText.duration(8_449)).isEqualTo("8.4 s");
        assertThat(ReportText.duration(192_000)).isEqualTo("3 min 12 s");
        assertThat(ReportText.duration(3_720_000)).isEqualTo("1 h 02 min");
        assertThat(ReportText.throughput(734_003_200, 2_350)).isEqualTo("312 MB/s");
        assertThat(ReportText.throughput(5_123_456, 4_210)).isEqualTo("1.22 MB/s");
        assertThat(ReportText.throughput(1, 0)).isEqualTo("–");
        assertThat(ReportText.percent(0.1944)).isEqualTo("19.4%");
        assertThat(ReportText.percent(1)).isEqualTo("100%");
        assertThat(ReportText.percent(0.0001)).isEqualTo("<0.1%");
        assertThat(ReportText.percent(0.99999)).isEqualTo(">99.9%");
        assertThat(ReportText.score(1)).isEqualTo("1.00");
        assertThat(ReportText.score(0.955)).isEqualTo("0.96");
    }

    @Test
    void toolNameAndVersion() {
        assertThat(ReportText.toolName("warden 0.1.0")).isEqualTo("warden");
        assertThat(ReportText.toolVersion("warden 0.1.0")).isEqualTo("0.1.0");
        assertThat(ReportText.toolVersion("warden")).isEmpty();
    }

    @Test
    void printable_leavesNoControlCharactersOrLoneSurrogates() {
        var random = new SplittableRandom(42);
        String alphabet = "a\u0000\u001b[\u0007\u007f\u0085\u009b\ud83d\ude00\u00e9\t\n\r<'";
        for (int i = 0; i < 5_000; i++) {
            var b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = b.toString();
            String p = ReportText.printable(s);
            assertThat(p).hasSameSizeAs(s);
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                assertThat(c < 0x20 || (c >= 0x7f && c <= 0x9f)).as("%s", s).isFalse();
            }
            // no lone surrogates left: UTF-8 round trip is lossless
            assertThat(new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(p);
        }
    }

    @Test
    void printable_whitespaceBecomesSpace_controlsBecomeReplacementCharacter() {
        assertThat(ReportText.printable("a\tb\nc\r\u001b[31m\u0000")).isEqualTo("a b c \uFFFD[31m\uFFFD");
        assertThat(ReportText.printable("prénom 😀")).isEqualTo("prénom 😀");
    }

    @Test
    void entityTitlesAndKinds() {
        assertThat(Entities.title("EMAIL_ADDRESS")).isEqualTo("Email address");
        assertThat(Entities.title("SECRET_AWS_ACCESS_KEY")).isEqualTo("Secret: AWS access key");
        assertThat(Entities.title("EMPLOYEE_ID")).isEqualTo("Employee id");
        assertThat(Entities.kind("SECRET_JWT")).isEqualTo(Entities.Kind.SECRET);
        assertThat(Entities.kind("ZIP_CODE")).isEqualTo(Entities.Kind.QUASI_IDENTIFIER);
        assertThat(Entities.kind("EMPLOYEE_ID")).isEqualTo(Entities.Kind.IDENTIFIER);
    }
}
