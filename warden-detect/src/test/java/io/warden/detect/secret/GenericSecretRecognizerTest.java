package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericSecretRecognizerTest {
    private final GenericSecretRecognizer generic = new GenericSecretRecognizer();

    @Test
    void passwordAssignments_valueOnly() {
        assertThat(found(generic, "password=hunter22")).containsExactly("SECRET_GENERIC:hunter22");
        assertThat(found(generic, "DB_PASSWORD: 'S3cure!pw'")).containsExactly("SECRET_GENERIC:S3cure!pw");
        assertThat(found(generic, "{\"passwd\": \"tr0ub4dor&3\"}")).containsExactly("SECRET_GENERIC:tr0ub4dor&3");
        assertThat(found(generic, "conn.pass => qwerty12")).containsExactly("SECRET_GENERIC:qwerty12");
        assertThat(Fakes.score(generic, "password=hunter22")).isEqualTo(0.8);
    }

    @Test
    void highEntropyValuesAfterSecretWords_reported() {
        String v = Fakes.alnum(32, 61);
        assertThat(found(generic, "api_key = \"" + v + "\"")).containsExactly("SECRET_GENERIC:" + v);
        assertThat(found(generic, "clientSecret: " + v)).containsExactly("SECRET_GENERIC:" + v);
        assertThat(found(generic, "export AUTH_TOKEN=" + v)).containsExactly("SECRET_GENERIC:" + v);
        assertThat(Fakes.score(generic, "private_key := " + v)).isEqualTo(0.9);
    }

    @Test
    void bearerScheme_skipped() {
        String v = Fakes.alnum(40, 62);
        assertThat(found(generic, "Authorization: Bearer " + v)).containsExactly("SECRET_GENERIC:" + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=****", "password=\"********\"", "password: <password>", "password=${PASSWORD}",
        "password=$DB_PASS", "password: {{ vault_pw }}", "password=changeme", "password: example",
        "token=xxxxxxxxxxxxxxxx", "secret: REDACTED", "password = config.db.password", "password=getPassword()",
        "api_key=YOUR_API_KEY", "password: null", "password=%s", "password: DB_PASSWORD", "password=",
        "token: your-token-here", "password: [hidden]"})
    void placeholders_notReported(String text) {
        assertThat(found(generic, text)).isEmpty();
    }

    @Test
    void prose_notReported() {
        assertThat(found(generic, "Password: incorrect, please retry")).isEmpty();
        assertThat(found(generic, "The token: a small gift")).isEmpty();
        assertThat(found(generic, "if password == other then")).isEmpty();
    }

    @Test
    void lowEntropyOrShortValuesAfterSecretWords_notReported() {
        assertThat(found(generic, "token=abcdefgh")).isEmpty(); // one class
        assertThat(found(generic, "token=Ab1")).isEmpty(); // short
        assertThat(found(generic, "secret=aaaaBBBB1111aaaa")).isEmpty(); // low entropy
        assertThat(found(generic, "key=" + Fakes.alnum(32, 1))).isEmpty(); // "key" alone is not telling
        assertThat(found(generic, "bypass=" + Fakes.alnum(8, 1))).isEmpty(); // "pass" only as a word
    }

    @Test
    void entropyThreshold_boundary() {
        // 16 chars: 8 appear once and 4 twice -> exactly 3.5 bits/char, the threshold for 16 chars
        String at = "aB3dE5gH" + "kMnP" + "kMnP";
        assertThat(Entropy.bitsPerChar(at, 0, at.length())).isEqualTo(3.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(found(generic, "token=" + at)).containsExactly("SECRET_GENERIC:" + at);
        // 6 once and 5 twice -> 3.375 bits/char: below
        String below = "aB3dE5" + "kMnPQ" + "kMnPQ";
        assertThat(found(generic, "token=" + below)).isEmpty();
    }
}
