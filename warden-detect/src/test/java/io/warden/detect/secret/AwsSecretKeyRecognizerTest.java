package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsSecretKeyRecognizerTest {
    private final AwsSecretKeyRecognizer aws = new AwsSecretKeyRecognizer();

    @Test
    void secretAssignedToAwsKey_reported() {
        String s = Fakes.awsSecret();
        assertThat(found(aws, "aws_secret_access_key = " + s)).containsExactly("SECRET_AWS_SECRET_KEY:" + s);
        assertThat(found(aws, "{\"SecretAccessKey\": \"" + s + "\"}")).containsExactly("SECRET_AWS_SECRET_KEY:" + s);
        assertThat(Fakes.score(aws, "AWS_SECRET_ACCESS_KEY=" + s)).isEqualTo(0.95);
        assertThat(Fakes.score(aws, "secret: " + s)).isEqualTo(0.9);
    }

    @Test
    void documentedExample_isAPlaceholder() {
        assertThat(found(aws, "aws_secret_access_key = " + Fakes.awsDocumentedSecret())).isEmpty();
    }

    @Test
    void withoutSecretKeyName_notReported() {
        String s = Fakes.awsSecret();
        assertThat(found(aws, "hash: " + s)).isEmpty();
        assertThat(found(aws, "the value " + s + " appears")).isEmpty();
    }

    @Test
    void wrongLengthOrLowEntropy_notReported() {
        assertThat(found(aws, "aws_secret_access_key=" + Fakes.awsSecret().substring(1))).isEmpty();
        assertThat(found(aws, "aws_secret_access_key=" + "abcd".repeat(10))).isEmpty();
        assertThat(found(aws, "aws_secret_access_key=" + "0123456789abcdef0123456789abcdef01234567")).isEmpty();
    }
}
