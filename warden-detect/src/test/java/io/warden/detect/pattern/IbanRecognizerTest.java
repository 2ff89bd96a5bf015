package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanRecognizerTest {
    private final IbanRecognizer iban = new IbanRecognizer();

    /** Examples from the SWIFT IBAN Registry, paper and electronic format. */
    @ParameterizedTest
    @ValueSource(strings = {
        "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB29 NWBK 6016 1331 9268 19",
        "GB29NWBK60161331926819", "FR14 2004 1010 0505 0001 3M02 606", "NO93 8601 1117 947", "BE68 5390 0754 7034",
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "LC55 HEMM 0001 0001 0012 0012 0002 3015",
        "CH93 0076 2011 6238 5295 7", "NL91 ABNA 0417 1643 00", "SC18 SSCB 1101 0000 0000 0000 1497 USD",
        "BR18 0036 0305 0000 1000 9795 493C 1", "IT60 X054 2811 1010 0000 0123 456"
    })
    void iban_registryExamples_reportedAtFullScore(String value) {
        String text = "Please transfer to " + value + ", thanks";
        var span = Scan.single(iban, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(value);
        assertThat(span.score()).isEqualTo(1.0);
        assertThat(span.entity()).isEqualTo("IBAN_CODE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DE89 3704 0044 0532 0130 01", // check fails
        "DE88370400440532013000", // check digits changed
        "DE89 3704 0044 0532 0130", // too short for DE
        "DE89 3704 0044 0532 0130 000", // too long for DE
        "XX89370400440532013000", // no such country
        "de89370400440532013000", // lower case
        "DE89 37040044 0532 0130 00", // wrong grouping
    })
    void iban_nearMiss_notReported(String value) {
        assertThat(Scan.values(iban, "IBAN " + value)).isEmpty();
    }

    @Test
    void iban_mod97_matchesIsoExample() {
        assertThat(IbanRecognizer.mod97("GB82WEST12345698765432", 0, 22)).isEqualTo(1);
        assertThat(IbanRecognizer.mod97("GB82 WEST 1234 5698 7654 32", 0, 27)).isEqualTo(1);
    }

    @Test
    void iban_generatedByDatafaker_allFound() {
        Faker faker = new Faker(new java.util.Random(42));
        for (String country : new String[] {"DE", "FR", "GB", "ES", "NL", "PL", "IT", "CH"}) {
            String value = faker.finance().iban(country);
            assertThat(Scan.values(iban, "acct " + value)).as(country).containsExactly(value);
        }
    }
}
