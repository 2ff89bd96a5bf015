package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackRecognizerTest {
    private final SlackRecognizer slack = new SlackRecognizer();

    @Test
    void botToken_reported() {
        String t = "xoxb-" + "2401234567" + "-" + "2411234567890" + "-" + Fakes.alnum(24, 5);
        assertThat(found(slack, "SLACK_BOT_TOKEN=" + t)).containsExactly("SECRET_SLACK_TOKEN:" + t);
        assertThat(Fakes.score(slack, t)).isEqualTo(0.95);
    }

    @Test
    void otherShapes_lowerScore() {
        String t = "xoxp-" + Fakes.base64Url(30, 6).replace('_', 'a');
        assertThat(Fakes.score(slack, t)).isEqualTo(0.75);
    }

    @Test
    void webhook_reportedWithScheme() {
        String url = "https://hooks.slack.com/services/" + "T0" + Fakes.alnum(8, 1).toUpperCase() + "/B0"
                + Fakes.alnum(8, 2).toUpperCase() + "/" + Fakes.alnum(24, 3);
        assertThat(found(slack, "webhook: " + url + " ok")).containsExactly("SECRET_SLACK_WEBHOOK:" + url);
    }

    @Test
    void nearMisses_notReported() {
        assertThat(found(slack, "xoxb-" + "12345")).isEmpty();
        assertThat(found(slack, "xoxz-" + Fakes.alnum(30, 1))).isEmpty();
        assertThat(found(slack, "https://hooks.slack.com/services/")).isEmpty();
        assertThat(found(slack, "hugs and kisses xox")).isEmpty();
    }
}
