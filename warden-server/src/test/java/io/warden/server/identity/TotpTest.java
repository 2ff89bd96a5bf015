package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final TotpSecret SEED_SHA1 = seed("12345678901234567890");
    private static final TotpSecret SEED_SHA256 = seed("12345678901234567890123456789012");
    private static final TotpSecret SEED_SHA512 =
            seed("1234567890123456789012345678901234567890123456789012345678901234");
    private static final Totp SIX = Totp.DEFAULT;
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L); // step 56666666, 20 s into it

    private static TotpSecret seed(String ascii) {
        return TotpSecret.ofBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void code_matchesEveryRfc6238AppendixBVector() {
        // RFC 6238 Appendix B: time (s), SHA-1, SHA-256, SHA-512; 8 digits, 30 s step, T0 = 0.
        String[][] vectors = {
            {"59", "94287082", "46119246", "90693936"},
            {"1111111109", "07081804", "68084774", "25091201"},
            {"1111111111", "14050471", "67062674", "99943326"},
            {"1234567890", "89005924", "91819424", "93441116"},
            {"2000000000", "69279037", "90698825", "38618901"},
            {"20000000000", "65353130", "77737706", "47863826"},
        };
        Totp sha1 = new Totp(TotpAlgorithm.SHA1, 8);
        Totp sha256 = new Totp(TotpAlgorithm.SHA256, 8);
        Totp sha512 = new Totp(TotpAlgorithm.SHA512, 8);
        for (String[] v : vectors) {
            Instant t = Instant.ofEpochSecond(Long.parseLong(v[0]));
            assertThat(sha1.code(SEED_SHA1, t)).as("SHA1 at " + v[0]).isEqualTo(v[1]);
            assertThat(sha256.code(SEED_SHA256, t)).as("SHA256 at " + v[0]).isEqualTo(v[2]);
            assertThat(sha512.code(SEED_SHA512, t)).as("SHA512 at " + v[0]).isEqualTo(v[3]);
            assertThat(sha1.verify(SEED_SHA1, v[1], t, Totp.NO_STEP)).hasValue(sha1.step(t));
            assertThat(sha512.verify(SEED_SHA512, v[3], t, Totp.NO_STEP)).hasValue(sha512.step(t));
        }
    }

    @Test
    void code_sixDigitsIsTheLastSixOfRfc4226Truncation() {
        // RFC 4226 Appendix D: counter 1 gives 287082 (time 30..59 is step 1).
        assertThat(SIX.code(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(SIX.code(SEED_SHA1, Instant.ofEpochSecond(0))).isEqualTo("755224");
    }

    @Test
    void verify_acceptsOneStepEitherSideAndReturnsTheMatchedStep() {
        long now = SIX.step(NOW);
        for (int d = -1; d <= 1; d++) {
            String code = SIX.code(SEED_SHA1, NOW.plusSeconds(30L * d));
            assertThat(SIX.verify(SEED_SHA1, code, NOW, Totp.NO_STEP)).hasValue(now + d);
        }
    }

    @Test
    void verify_codeTwoStepsAway_isRejected() {
        assertThat(SIX.verify(SEED_SHA1, SIX.code(SEED_SHA1, NOW.minusSeconds(60)), NOW, Totp.NO_STEP)).isEmpty();
        assertThat(SIX.verify(SEED_SHA1, SIX.code(SEED_SHA1, NOW.plusSeconds(60)), NOW, Totp.NO_STEP)).isEmpty();
    }

    @Test
    void verify_replayedCode_isRejected() {
        String code = SIX.code(SEED_SHA1, NOW);
        OptionalLong first = SIX.verify(SEED_SHA1, code, NOW, Totp.NO_STEP);
        assertThat(first).isPresent();
        assertThat(SIX.verify(SEED_SHA1, code, NOW.plusSeconds(5), first.getAsLong())).isEmpty();
    }

    @Test
    void verify_olderCodeAfterANewerOneWasAccepted_isRejected() {
        String previous = SIX.code(SEED_SHA1, NOW.minusSeconds(30));
        long accepted = SIX.verify(SEED_SHA1, SIX.code(SEED_SHA1, NOW), NOW, Totp.NO_STEP).getAsLong();
        assertThat(SIX.verify(SEED_SHA1, previous, NOW, accepted)).isEmpty();
        String next = SIX.code(SEED_SHA1, NOW.plusSeconds(30));
        assertThat(SIX.verify(SEED_SHA1, next, NOW.plusSeconds(30), accepted)).hasValue(accepted + 1);
    }

    @Test
    void verify_wrongSecretOrAlgorithm_isRejected() {
        String code = SIX.code(SEED_SHA1, NOW);
        assertThat(SIX.verify(TotpSecret.generate(TotpAlgorithm.SHA1), code, NOW, Totp.NO_STEP)).isEmpty();
        assertThat(new Totp(TotpAlgorithm.SHA256, 6).verify(SEED_SHA1, code, NOW, Totp.NO_STEP)).isEmpty();
    }

    @Test
    void verify_allowsSpacesBetweenDigits() {
        String code = SIX.code(SEED_SHA1, NOW);
        String spaced = code.substring(0, 3) + " " + code.substring(3);
        assertThat(SIX.verify(SEED_SHA1, spaced, NOW, Totp.NO_STEP)).isPresent();
    }

    @Test
    void verify_malformedCodes_areRefusedWithOneLine() {
        for (String bad : new String[] {" ", "12345", "1234567", "12a456", "12345\n", "１２３４５６", "-12345",
            "9".repeat(1 << 20)}) {
            assertThatThrownBy(() -> SIX.verify(SEED_SHA1, bad, NOW, Totp.NO_STEP)).as(bad.length() > 50 ? "1 MB" : bad)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessage("the TOTP code is not 6 digits");
        }
        assertThatThrownBy(() -> SIX.verify(SEED_SHA1, null, NOW, Totp.NO_STEP))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the TOTP code is missing");
        assertThatThrownBy(() -> SIX.verify(SEED_SHA1, "", NOW, Totp.NO_STEP))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the TOTP code is empty");
        assertThatThrownBy(() -> SIX.verify(null, "123456", NOW, Totp.NO_STEP))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> SIX.verify(SEED_SHA1, "123456", null, Totp.NO_STEP))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> SIX.verify(SEED_SHA1, "123456", NOW, -2))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> SIX.step(Instant.ofEpochSecond(-1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void verify_atTheEpoch_skipsTheStepBeforeIt() {
        Instant epoch = Instant.EPOCH;
        assertThat(SIX.verify(SEED_SHA1, SIX.code(SEED_SHA1, epoch), epoch, Totp.NO_STEP)).hasValue(0);
    }

    @Test
    void constructor_refusesDigitsOtherThanSixOrEight() {
        assertThatThrownBy(() -> new Totp(TotpAlgorithm.SHA1, 7))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new Totp(null, 6)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }
}
