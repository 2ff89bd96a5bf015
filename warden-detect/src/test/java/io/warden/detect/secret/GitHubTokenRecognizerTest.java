package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitHubTokenRecognizerTest {
    private final GitHubTokenRecognizer gh = new GitHubTokenRecognizer();

    @Test
    void classicTokens_reported() {
        for (String p : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
            String t = p + Fakes.alnum(36, p.hashCode());
            assertThat(found(gh, "token " + t + " end")).containsExactly("SECRET_GITHUB_TOKEN:" + t);
        }
    }

    @Test
    void fineGrainedToken_reported() {
        String t = "github_pat_" + Fakes.alnum(22, 1) + "_" + Fakes.alnum(59, 2);
        assertThat(found(gh, "GH_TOKEN=" + t)).containsExactly("SECRET_GITHUB_TOKEN:" + t);
        assertThat(Fakes.score(gh, t)).isEqualTo(0.95);
    }

    @Test
    void nearMisses_notReported() {
        assertThat(found(gh, "ghp_" + Fakes.alnum(35, 3))).isEmpty(); // too short
        assertThat(found(gh, "ghx_" + Fakes.alnum(36, 3))).isEmpty(); // unknown type
        assertThat(found(gh, "xghp_" + Fakes.alnum(36, 3))).isEmpty(); // inside a word
        assertThat(found(gh, "ghp_" + Fakes.alnum(36, 3) + "_x")).isEmpty(); // runs on
        assertThat(found(gh, "the night was high and the light was bright")).isEmpty();
    }
}
