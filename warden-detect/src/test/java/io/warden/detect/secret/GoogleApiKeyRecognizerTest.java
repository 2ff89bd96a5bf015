package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoogleApiKeyRecognizerTest {
    private final GoogleApiKeyRecognizer google = new GoogleApiKeyRecognizer();

    @Test
    void apiKey_reported() {
        String k = "AIza" + Fakes.base64Url(35, 21);
        assertThat(found(google, "https://maps.example.com/api?key=" + k + "&q=x"))
                .containsExactly("SECRET_GOOGLE_API_KEY:" + k);
    }

    @Test
    void wrongLength_notReported() {
        assertThat(found(google, "AIza" + Fakes.alnum(34, 22))).isEmpty();
        assertThat(found(google, "AIza" + Fakes.alnum(36, 22))).isEmpty();
        assertThat(found(google, "xAIza" + Fakes.alnum(35, 22))).isEmpty();
    }
}
