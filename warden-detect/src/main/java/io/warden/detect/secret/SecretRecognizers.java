package io.warden.detect.secret;

import io.warden.detect.Recognizer;
import java.util.List;

/** Explicit registration of the built-in secret and credential recognizers. */
public final class SecretRecognizers {
    private SecretRecognizers() {}

    /**
     * The built-in recognizers of this package, in priority order: specific formats first, so that a GitHub
     * token assigned to {@code token=} is reported as SECRET_GITHUB_TOKEN rather than SECRET_GENERIC.
     */
    public static List<Recognizer> all() {
        return List.of(new PrivateKeyRecognizer(), new AwsAccessKeyRecognizer(), new AwsSecretKeyRecognizer(),
                new GitHubTokenRecognizer(), new GitLabTokenRecognizer(), new SlackRecognizer(),
                new StripeKeyRecognizer(), new GoogleApiKeyRecognizer(), new JwtRecognizer(),
                new GenericSecretRecognizer());
    }
}
