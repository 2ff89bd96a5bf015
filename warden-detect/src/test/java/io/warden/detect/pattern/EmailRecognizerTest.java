package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {
    private final EmailRecognizer email = new EmailRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "john.doe@example.com", "o'brien@example.co.uk", "first+tag@mail.example.org", "a_b-c%d@sub.domain.io",
        "Jane.Smith@EXAMPLE.COM", "andré.müller@example.de", "x@example.museum"
    })
    void email_validAddress_reportedWholeAtFullScore(String address) {
        String text = "write to " + address + " today";
        var span = Scan.single(email, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(address);
        assertThat(span.score()).isEqualTo(1.0);
        assertThat(span.entity()).isEqualTo("EMAIL_ADDRESS");
    }

    @Test
    void email_sentencePunctuation_trimmed() {
        assertThat(Scan.values(email, "Mail me at jane@example.com.")).containsExactly("jane@example.com");
        assertThat(Scan.values(email, "(jane@example.com)")).containsExactly("jane@example.com");
        assertThat(Scan.values(email, "<jane@example.com>, bob@example.org;"))
                .containsExactly("jane@example.com", "bob@example.org");
    }

    @Test
    void email_runOnSentence_cutBackToPublicSuffix() {
        assertThat(Scan.values(email, "write a@example.com.Then stop")).containsExactly("a@example.com");
    }

    @Test
    void email_keyValue_leavesKeyOut() {
        assertThat(Scan.values(email, "email=jane@example.com")).containsExactly("jane@example.com");
        assertThat(Scan.values(email, "\"jane@example.com\"")).containsExactly("jane@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "john@localhost", "john@example", "john@example.notarealtld", "@example.com", "john.@example.com",
        "john@-example.com", "john@.com", "user@123.45", "a@b", "@@@", "john@example..com"
    })
    void email_nearMiss_notReported(String text) {
        assertThat(Scan.values(email, text)).isEmpty();
    }

    @Test
    void email_localPartOver64Chars_notReported() {
        assertThat(Scan.values(email, "a".repeat(65) + "@example.com")).isEmpty();
        assertThat(Scan.values(email, "a".repeat(64) + "@example.com")).hasSize(1);
    }

    @Test
    void email_manyAddresses_allFound() {
        String text = "a@example.com b@example.org,c@example.net";
        assertThat(Scan.values(email, text)).containsExactly("a@example.com", "b@example.org", "c@example.net");
    }
}
