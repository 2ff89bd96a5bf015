package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class TokenTest {
    @Test
    void generate_hasThePrefixBase62BodyAndChecksum() throws Exception {
        Token api = Token.generate(TokenKind.API);
        Token session = Token.generate(TokenKind.SESSION);
        assertThat(api.reveal()).matches("wdn_[0-9A-Za-z]{49}").hasSize(Token.LENGTH);
        assertThat(session.reveal()).matches("wds_[0-9A-Za-z]{49}");
        assertThat(api.reveal()).isNotEqualTo(Token.generate(TokenKind.API).reveal());
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(api.reveal().getBytes(StandardCharsets.US_ASCII)));
        assertThat(api.hash()).isEqualTo(expectedHash);
    }

    @Test
    void parse_roundTripsGeneratedTokensOfEitherKind() {
        for (TokenKind kind : TokenKind.values()) {
            Token t = Token.generate(kind);
            Token back = Token.parse(t.reveal());
            assertThat(back.kind()).isEqualTo(kind);
            assertThat(back.hash()).isEqualTo(t.hash());
            assertThat(Token.parse(t.reveal(), kind).reveal()).isEqualTo(t.reveal());
        }
    }

    @Test
    void parse_anySingleCharacterChange_isRefusedByTheChecksum() {
        String good = Token.generate(TokenKind.API).reveal();
        for (int i = 4; i < good.length(); i++) {
            char c = good.charAt(i);
            String changed = good.substring(0, i) + (c == 'a' ? 'b' : 'a') + good.substring(i + 1);
            assertThatThrownBy(() -> Token.parse(changed)).as("position " + i)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageNotContaining(changed.substring(4, 20));
        }
    }

    @Test
    void parse_otherPrefixOrKind_isRefused() {
        String good = Token.generate(TokenKind.API).reveal();
        assertThatThrownBy(() -> Token.parse("wds_" + good.substring(4)))
                .hasMessage("the token's checksum does not match");
        assertThatThrownBy(() -> Token.parse("ghp_" + good.substring(4)))
                .hasMessage("the token does not start with a Warden token prefix");
        assertThatThrownBy(() -> Token.parse(good, TokenKind.SESSION))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage("the token is not a session token");
    }

    @Test
    void parse_malformedTokens_areRefusedWithOneLineAndNoToken() {
        String good = Token.generate(TokenKind.API).reveal();
        String[][] cases = {
            {good.substring(0, 52), "not 53 characters long"},
            {good + "x", "not 53 characters long"},
            {" " + good.substring(1), "does not start with a Warden token prefix"},
            {good.substring(0, 10) + "-" + good.substring(11), "outside base62"},
            {good.substring(0, 10) + "é" + good.substring(11), "outside base62"},
            {good.substring(0, 10) + "\u0000" + good.substring(11), "outside base62"},
            {"wdn_" + "z".repeat(43) + "000000", "checksum does not match"},
            {"x".repeat(1 << 20), "not 53 characters long"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Token.parse(c[0])).as(c[1])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[1]).hasMessageNotContaining(good.substring(4, 20));
        }
        assertThatThrownBy(() -> Token.parse(null)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> Token.parse("")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void parse_bodyAbove256Bits_isRefusedEvenWithAValidChecksum() {
        String head = "wdn_" + "z".repeat(43); // 62^43 - 1 > 2^256
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        String sum = base62(crc.getValue());
        assertThatThrownBy(() -> Token.parse(head + sum)).hasMessage("the token's random part is out of range");
    }

    @Test
    void parse_bodyAtTheLimit_isAccepted_oneAboveIsRefused() {
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertThat(Token.parse(withChecksum("wds_" + base62(max, 43))).kind()).isEqualTo(TokenKind.SESSION);
        assertThatThrownBy(() -> Token.parse(withChecksum("wds_" + base62(max.add(BigInteger.ONE), 43))))
                .hasMessage("the token's random part is out of range");
        assertThat(Token.parse(withChecksum("wds_" + "0".repeat(43))).kind()).isEqualTo(TokenKind.SESSION);
    }

    @Test
    void parse_generatedTokens_roundTrip() {
        for (int i = 0; i < 1000; i++) {
            Token t = Token.generate(i % 2 == 0 ? TokenKind.API : TokenKind.SESSION);
            assertThat(Token.parse(t.reveal()).hash()).isEqualTo(t.hash());
        }
    }

    private static String withChecksum(String head) {
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        return head + base62(crc.getValue());
    }

    private static String base62(BigInteger v, int width) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = v.divideAndRemainder(BigInteger.valueOf(62));
            out[i] = alphabet.charAt(qr[1].intValue());
            v = qr[0];
        }
        return new String(out);
    }

    @Test
    void toString_neverShowsTheToken() {
        Token t = Token.generate(TokenKind.SESSION);
        assertThat(t.toString()).isEqualTo("Token[SESSION, hidden]").doesNotContain(t.reveal().substring(4));
    }

    private static String base62(long v) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = alphabet.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
