package io.warden.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OmsStatementTest {
    private static final String D1 = "a".repeat(64);
    private static final String D2 = "b".repeat(64);
    private final OmsStatement statement = new OmsStatement("model",
            Serialization.files(false, List.of("model.sig", ".git")),
            List.of(Resource.sha256("x/y.bin", D1), Resource.sha256("z", D2)));

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> OmsStatement.parse(json.getBytes(UTF_8)))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining(message);
    }

    @Test
    void toJsonThenParse_givesTheSameStatement() {
        assertThat(OmsStatement.parse(statement.toJson())).isEqualTo(statement);
    }

    @Test
    void subjectDigest_isSha256OfTheConcatenatedRawDigests() throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(java.util.HexFormat.of().parseHex(D1));
        md.update(java.util.HexFormat.of().parseHex(D2));
        assertThat(statement.subjectDigest()).isEqualTo(java.util.HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void parse_refusesWhatAV1VerifierCannotCheck() {
        String good = new String(statement.toJson(), UTF_8);
        assertMalformed(good.replace("https://model_signing/signature/v1.0", "https://model_signing/Digests/v0.1"),
                "pre-1.0 format");
        assertMalformed(good.replace("\"files\"", "\"shards\""), "shard serialization");
        assertMalformed(good.replace("\"hash_type\": \"sha256\"", "\"hash_type\": \"blake3\""), "blake3");
        assertMalformed(good.replace(D2, D1), "inconsistent");
        assertMalformed(good.replace("\"z\"", "\"x/y.bin\""), "listed twice");
        assertMalformed(good.replace("https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"),
                "not an in-toto v1 statement");
        assertMalformed(good.replace("\"_type\"", "\"_type\": \"x\", \"_type\""), "not valid JSON");
        assertMalformed("{\"_type\": \"https://in-toto.io/Statement/v1\"}", "\"predicateType\" must be a string");
    }

    @Test
    void signedIgnorePathNamingTheModelItself_isRefused_andOnesOutsideItAreDropped() {
        for (String whole : List.of(".", "", "./")) {
            assertThatThrownBy(() -> IgnorePaths.fromSignature(List.of(whole)))
                    .isInstanceOf(WardenException.class).hasMessageContaining("would ignore the whole model");
        }
        assertThat(IgnorePaths.fromSignature(List.of("../x", "/etc", "./a//b/", "a/b")).paths()).containsExactly("a/b");
        assertThat(IgnorePaths.fromSignature(List.of("dir")).ignores("dir/file")).isTrue();
        assertThat(IgnorePaths.fromSignature(List.of("dir")).ignores("dir2")).isFalse();
    }

    @Test
    void parse_escapesHostileValuesInMessages() {
        String good = new String(statement.toJson(), UTF_8);
        assertMalformed(good.replace("https://model_signing/signature/v1.0", "evil\\nline\\u001b[31m"),
                "evil\\nline\\u001b[31m");
    }
}
