package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoRecognizerTest {
    private final CryptoRecognizer crypto = new CryptoRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", // genesis block coinbase, P2PKH
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", // Bitcoin wiki P2PKH example
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", // Bitcoin wiki P2SH example
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", // BIP-173 valid vector
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", // the same, lower case
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", // BIP-173 P2WSH
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", // BIP-350 Taproot vector
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", // EIP-55 examples
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
    })
    void crypto_validChecksum_reportedAtFullScore(String address) {
        String text = "send to " + address + ".";
        var span = Scan.single(crypto, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(address);
        assertThat(span.score()).isEqualTo(1.0);
    }

    @Test
    void crypto_ethereumWithoutChecksum_scoredLower() {
        String lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        assertThat(Scan.rawScore(crypto, lower, lower)).isEqualTo(CryptoRecognizer.ETH_NO_CHECKSUM);
        String upper = "0x52908400098527886E0F7030069857D2E4169EE7"; // EIP-55: all caps
        assertThat(Scan.rawScore(crypto, upper, upper)).isEqualTo(CryptoRecognizer.ETH_NO_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", // checksum
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN", // truncated
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNV0N2", // '0' is not Base58
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // BIP-173 checksum
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", // BIP-350: v0 with a Bech32m checksum
        "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", // BIP-350: v2 with a Bech32 checksum
        "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", // mixed case
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", // testnet hrp
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // EIP-55 checksum
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", // 39 hex digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd"
    })
    void crypto_invalid_notReported(String address) {
        assertThat(Scan.values(crypto, "wallet " + address)).isEmpty();
    }

    @Test
    void crypto_base58Check_directVectors() {
        String a = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
        assertThat(CryptoRecognizer.base58Check(a, 0, a.length())).isTrue();
        String b = "1" + a; // an extra leading '1' is an extra zero byte: not 25 bytes any more
        assertThat(CryptoRecognizer.base58Check(b, 0, b.length())).isFalse();
    }
}
