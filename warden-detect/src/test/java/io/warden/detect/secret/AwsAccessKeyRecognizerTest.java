package io.warden.detect.secret;

import static io.warden.detect.secret.Fakes.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsAccessKeyRecognizerTest {
    private final AwsAccessKeyRecognizer aws = new AwsAccessKeyRecognizer();

    @Test
    void accessKeyId_reported() {
        String key = Fakes.awsKeyId();
        assertThat(found(aws, "aws_access_key_id=" + key)).containsExactly("SECRET_AWS_ACCESS_KEY:" + key);
        assertThat(Fakes.score(aws, "\"" + key + "\"")).isEqualTo(0.95);
    }

    @Test
    void documentedExample_isAPlaceholder() {
        assertThat(found(aws, "aws_access_key_id=" + Fakes.awsDocumentedKeyId())).isEmpty();
    }

    @Test
    void temporaryAndOtherPrefixes_reported() {
        for (String prefix : new String[] {"ASIA", "ABIA", "ACCA"}) {
            String key = prefix + "Q2W3E4R5T6Y7U2I3";
            assertThat(found(aws, "id: " + key)).containsExactly("SECRET_AWS_ACCESS_KEY:" + key);
        }
    }

    @Test
    void wrongLengthOrAlphabet_notReported() {
        String key = Fakes.awsKeyId();
        assertThat(found(aws, key.substring(0, 19))).isEmpty();
        assertThat(found(aws, key + "Q")).isEmpty();
        assertThat(found(aws, key.substring(0, 19) + "1")).isEmpty(); // '1' is not base32
        assertThat(found(aws, "AKIA" + key.substring(4).toLowerCase())).isEmpty();
        assertThat(found(aws, "AKIB" + key.substring(4))).isEmpty(); // unknown prefix
    }

    @Test
    void embeddedInLongerWord_notReported() {
        assertThat(found(aws, "x" + Fakes.awsKeyId())).isEmpty();
        assertThat(found(aws, Fakes.awsKeyId() + "_suffix")).isEmpty();
    }
}
