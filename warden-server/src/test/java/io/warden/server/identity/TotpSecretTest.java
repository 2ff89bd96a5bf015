package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpSecretTest {
    /** Base32 of the ASCII "12345678901234567890", RFC 6238's SHA-1 seed, as authenticator apps take it. */
    private static final String RFC_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void generate_gives160BitsForSha1AndTheHashLengthOtherwise() {
        assertThat(TotpSecret.generate(TotpAlgorithm.SHA1).key()).hasSize(20);
        assertThat(TotpSecret.generate(TotpAlgorithm.SHA256).key()).hasSize(32);
        assertThat(TotpSecret.generate(TotpAlgorithm.SHA512).key()).hasSize(64);
        assertThat(TotpSecret.generate(TotpAlgorithm.SHA1).base32()).matches("[A-Z2-7]{32}")
                .isNotEqualTo(TotpSecret.generate(TotpAlgorithm.SHA1).base32());
    }

    @Test
    void base32_isRfc4648WithoutPaddingAndRoundTrips() {
        TotpSecret s = TotpSecret.ofBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(s.base32()).isEqualTo(RFC_SEED_BASE32);
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32).key()).isEqualTo(s.key());
        assertThat(TotpSecret.fromBase32(RFC_SEED_BASE32.toLowerCase()).key()).isEqualTo(s.key());
        TotpSecret odd = TotpSecret.ofBytes(new byte[17]); // 136 bits: 28 characters, no padding
        assertThat(odd.base32()).isEqualTo("A".repeat(28));
        assertThat(TotpSecret.fromBase32(odd.base32()).key()).hasSize(17);
    }

    @Test
    void fromBase32_refusesMalformedShortOrHugeSecretsWithoutQuotingThem() {
        String[][] cases = {
            {RFC_SEED_BASE32 + "====", "not unpadded base32"},
            {"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1", "not unpadded base32"},
            {"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQO", "not unpadded base32"},
            {"A".repeat(25) + "B", "not canonical base32"},
            {"GEZDGNBVGY3TQOJQ", "shorter than 128 bits"},
            {"GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", "printable ASCII"},
            {RFC_SEED_BASE32 + "\u0000", "printable ASCII"},
            {"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQÖJQ", "printable ASCII"},
            {"A".repeat(1 << 20), "longer than"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> TotpSecret.fromBase32(c[0])).as(c[0].length() > 64 ? "1 MB" : c[0])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[1]).hasMessageNotContaining("GEZD");
        }
        assertThatThrownBy(() -> TotpSecret.fromBase32(null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> TotpSecret.fromBase32(""))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void toString_neverShowsTheSecret() {
        TotpSecret s = TotpSecret.fromBase32(RFC_SEED_BASE32);
        assertThat(s.toString()).isEqualTo("TotpSecret[hidden]").doesNotContain("GEZD");
    }

    @Test
    void enrollmentUri_followsTheKeyUriFormatAndPercentEncodesNames() {
        TotpSecret s = TotpSecret.fromBase32(RFC_SEED_BASE32);
        String uri = OtpAuthUri.of(Totp.DEFAULT, s, "Warden Example", "alice@example.com");
        assertThat(uri).isEqualTo("otpauth://totp/Warden%20Example:alice%40example.com?secret=" + RFC_SEED_BASE32
                + "&issuer=Warden%20Example&algorithm=SHA1&digits=6&period=30");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/Warden Example:alice@example.com");
    }

    @Test
    void enrollmentUri_encodesReservedAndNonAsciiCharacters() {
        String uri = OtpAuthUri.of(new Totp(TotpAlgorithm.SHA512, 8), TotpSecret.generate(TotpAlgorithm.SHA512),
                "Zürich & Co+", "bob?#/x");
        assertThat(uri).startsWith("otpauth://totp/Z%C3%BCrich%20%26%20Co%2B:bob%3F%23%2Fx?secret=")
                .contains("&issuer=Z%C3%BCrich%20%26%20Co%2B&algorithm=SHA512&digits=8&period=30");
        URI parsed = URI.create(uri);
        assertThat(parsed.getPath()).isEqualTo("/Zürich & Co+:bob?#/x");
        assertThat(parsed.getQuery()).contains("issuer=Zürich & Co+");
    }

    @Test
    void enrollmentUri_refusesColonsControlCharactersEmptyAndHugeNames() {
        TotpSecret s = TotpSecret.generate(TotpAlgorithm.SHA1);
        String[][] cases = {
            {"Warden:Inc", "alice", "the issuer contains a colon"},
            {"Warden", "alice:bob", "the account name contains a colon"},
            {"Warden\n", "alice", "control characters"},
            {"Warden", "al\u0000ice", "control characters"},
            {"W".repeat(1 << 20), "alice", "longer than 128"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> OtpAuthUri.of(Totp.DEFAULT, s, c[0], c[1])).as(c[2])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[2]).hasMessageNotContaining(s.base32());
        }
        assertThatThrownBy(() -> OtpAuthUri.of(Totp.DEFAULT, s, " ", "alice"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the issuer is empty");
        assertThatThrownBy(() -> OtpAuthUri.of(Totp.DEFAULT, s, "Warden", null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("the account name is missing");
    }
}
