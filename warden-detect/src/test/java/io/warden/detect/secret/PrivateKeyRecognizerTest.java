package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivateKeyRecognizerTest {
    private final PrivateKeyRecognizer pem = new PrivateKeyRecognizer();

    private static String block(String label, String newline) {
        return "-----BEGIN " + label + "-----" + newline + Fakes.pemBody(3, 31).replace("\n", newline)
                + "-----END " + label + "-----";
    }

    @Test
    void wholeBlock_reportedAsOneSpan() {
        for (String label : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY",
                "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"}) {
            String b = block(label, "\n");
            assertThat(found(pem, "key file:\n" + b + "\ntrailer")).containsExactly("SECRET_PRIVATE_KEY:" + b);
            assertThat(Fakes.score(pem, b)).isEqualTo(1.0);
        }
    }

    @Test
    void escapedNewlinesInJson_reported() {
        String b = block("PRIVATE KEY", "\\n");
        assertThat(found(pem, "{\"private_key\": \"" + b + "\\n\"}")).containsExactly("SECRET_PRIVATE_KEY:" + b);
    }

    @Test
    void truncatedBlock_lowerScoreOverBody() {
        String begin = "-----BEGIN RSA PRIVATE KEY-----\n";
        String body = Fakes.pemBody(2, 41).strip();
        String text = "cut here " + begin + body + "\n";
        assertThat(found(pem, text)).containsExactly("SECRET_PRIVATE_KEY:" + begin + body);
        assertThat(Fakes.score(pem, text)).isEqualTo(0.8);
    }

    @Test
    void certificatesAndPublicKeys_notReported() {
        assertThat(found(pem, block("CERTIFICATE", "\n"))).isEmpty();
        assertThat(found(pem, block("PUBLIC KEY", "\n"))).isEmpty();
        assertThat(found(pem, "-----BEGIN PRIVATE KEY")).isEmpty();
    }
}
