package io.warden.detect.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardRecognizerTest {
    private final CreditCardRecognizer cards = new CreditCardRecognizer();

    /** Test numbers published by the networks and payment processors (Stripe, PayPal, Adyen docs). */
    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111111", "4012888888881881", "4222222222222", "5555555555554444", "2223003122003222",
        "378282246310005", "6011111111111117", "3530111333300000", "30569309025904", "6200000000000005",
        "4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005", "3056 930902 5904"
    })
    void creditCard_testNumbers_reportedAtFullScore(String number) {
        String text = "card: " + number + ".";
        var span = Scan.single(cards, text);
        assertThat(text.substring(span.start(), span.end())).isEqualTo(number);
        assertThat(span.score()).isEqualTo(1.0);
    }

    @Test
    void creditCard_invalidLuhn_notReported() {
        assertThat(Scan.values(cards, "card 4111111111111112")).isEmpty();
        assertThat(Scan.values(cards, "card 4111 1111 1111 1112")).isEmpty();
    }

    @Test
    void creditCard_unknownIin_needsContext() {
        assertThat(Scan.rawScore(cards, "9999123456789019", "9999123456789019"))
                .isEqualTo(CreditCardRecognizer.UNKNOWN_IIN_SCORE);
        assertThat(Scan.values(cards, "ref 9999123456789019")).isEmpty();
        assertThat(Scan.values(cards, "credit card 9999123456789019")).containsExactly("9999123456789019");
    }

    @Test
    void creditCard_wrongLengthForNetwork_needsContext() {
        // Amex is 15 digits; a Luhn-valid 16-digit number starting 37 is not an Amex card
        assertThat(Scan.rawScore(cards, "3700000000000007", "3700000000000007"))
                .isEqualTo(CreditCardRecognizer.UNKNOWN_IIN_SCORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "44111111111111111111", // 20 digits
        "4111 1111 1111 1111 1111", // five groups of four
        "1 4111 1111 1111 1111", // continues a number on the left
        "4111-1111-1111-1111-0", "ID-4111111111111111", "4111111111111111.25", "x4111111111111111",
        "4111 1111-1111 1111", // mixed separators
        "4111  1111  1111  1111", // double spaces
        "0000000000000000", "411111111111", // all zeros; 12 digits
        "+4111111111111111", // an international phone number
    })
    void creditCard_nearMiss_notReported(String text) {
        assertThat(Scan.values(cards, "card " + text)).isEmpty();
    }

    @Test
    void creditCard_afterAWord_found() {
        assertThat(Scan.values(cards, "paid with 4111 1111 1111 1111 on Monday"))
                .containsExactly("4111 1111 1111 1111");
    }

    @Test
    void creditCard_twoCardsInOneLine_bothFound() {
        assertThat(Scan.values(cards, "4111111111111111, 5555 5555 5555 4444"))
                .containsExactly("4111111111111111", "5555 5555 5555 4444");
    }

    @Test
    void creditCard_knownIin_byNetworkRanges() {
        assertThat(CreditCardRecognizer.knownIin(411111, 16)).isTrue();
        assertThat(CreditCardRecognizer.knownIin(222100, 16)).isTrue();
        assertThat(CreditCardRecognizer.knownIin(272099, 16)).isTrue();
        assertThat(CreditCardRecognizer.knownIin(272100, 16)).isFalse();
        assertThat(CreditCardRecognizer.knownIin(644000, 16)).isTrue();
        assertThat(CreditCardRecognizer.knownIin(352800, 16)).isTrue();
        assertThat(CreditCardRecognizer.knownIin(352700, 16)).isFalse();
        assertThat(CreditCardRecognizer.knownIin(340000, 16)).isFalse();
    }
}
