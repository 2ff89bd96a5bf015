package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JwtRecognizerTest {
    private final JwtRecognizer jwt = new JwtRecognizer();
    private final String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private final String claims = "{\"sub\":\"1234567890\",\"name\":\"Jane Roe\",\"iat\":1516239022}";

    @Test
    void signedToken_reported() {
        String t = Fakes.jwt(header, claims, Fakes.base64Url(43, 51));
        assertThat(found(jwt, "Authorization: Bearer " + t)).containsExactly("SECRET_JWT:" + t);
        assertThat(Fakes.score(jwt, t)).isEqualTo(0.95);
    }

    @Test
    void unsignedToken_lowerScore() {
        String t = Fakes.jwt("{\"alg\":\"none\"}", claims, "");
        assertThat(Fakes.score(jwt, "token " + t + " end")).isEqualTo(0.8);
    }

    @Test
    void partsThatAreNotJsonObjects_notReported() {
        assertThat(found(jwt, Fakes.jwt("[1,2,3]", claims, Fakes.alnum(20, 1)))).isEmpty();
        assertThat(found(jwt, Fakes.jwt(header, "\"just a string\"", Fakes.alnum(20, 1)))).isEmpty();
        assertThat(found(jwt, "eyJ" + Fakes.alnum(20, 2) + ".eyJ" + Fakes.alnum(20, 3) + "." + Fakes.alnum(9, 4)))
                .isEmpty();
        assertThat(found(jwt, "eyJhbGciOiJIUzI1NiJ9 alone")).isEmpty();
    }
}
