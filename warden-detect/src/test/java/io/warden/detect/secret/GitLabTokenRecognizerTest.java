package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitLabTokenRecognizerTest {
    private final GitLabTokenRecognizer gl = new GitLabTokenRecognizer();

    @Test
    void personalAccessToken_reported() {
        String t = "glpat-" + Fakes.base64Url(20, 7);
        assertThat(found(gl, "CI_TOKEN: " + t)).containsExactly("SECRET_GITLAB_TOKEN:" + t);
        String longer = "glpat-" + Fakes.base64Url(38, 8);
        assertThat(found(gl, longer)).containsExactly("SECRET_GITLAB_TOKEN:" + longer);
    }

    @Test
    void tooShortOrInsideWord_notReported() {
        assertThat(found(gl, "glpat-" + Fakes.alnum(19, 7))).isEmpty();
        assertThat(found(gl, "xglpat-" + Fakes.alnum(20, 7))).isEmpty();
    }
}
