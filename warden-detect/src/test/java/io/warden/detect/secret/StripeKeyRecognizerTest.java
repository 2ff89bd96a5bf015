package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeKeyRecognizerTest {
    private final StripeKeyRecognizer stripe = new StripeKeyRecognizer();

    @Test
    void liveSecretKey_reported() {
        String k = "sk_" + "live_" + Fakes.alnum(24, 11);
        assertThat(found(stripe, "stripe.api_key = '" + k + "'")).containsExactly("SECRET_STRIPE_KEY:" + k);
        assertThat(Fakes.score(stripe, k)).isEqualTo(0.95);
        assertThat(Fakes.score(stripe, "rk_" + "live_" + Fakes.alnum(99, 12))).isEqualTo(0.95);
    }

    @Test
    void testAndPublishableKeys_lowerScores() {
        assertThat(Fakes.score(stripe, "sk_" + "test_" + Fakes.alnum(24, 13))).isEqualTo(0.85);
        assertThat(Fakes.score(stripe, "pk_" + "live_" + Fakes.alnum(24, 14))).isEqualTo(0.6);
        assertThat(found(stripe, "pk_" + "test_" + Fakes.alnum(24, 15))).isEmpty();
    }

    @Test
    void nearMisses_notReported() {
        assertThat(found(stripe, "sk_" + "live_" + Fakes.alnum(23, 16))).isEmpty();
        assertThat(found(stripe, "task_" + "live_" + Fakes.alnum(30, 16))).isEmpty();
        assertThat(found(stripe, "is_live_stream = true")).isEmpty();
    }
}
