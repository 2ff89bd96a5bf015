package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreetAddressRecognizerTest {
    private final StreetAddressRecognizer address = new StreetAddressRecognizer();

    @Test
    void numberNameSuffix_reported() {
        assertThat(Spans.found(address, "Deliver to 42 Elm Street please."))
                .containsExactly("LOCATION:42 Elm Street");
        assertThat(Spans.score(address, "Send it to 42 Elm Street please.", "42 Elm Street")).isEqualTo(0.7);
    }

    @Test
    void abbreviatedSuffixWithPeriod_includesPeriod() {
        assertThat(Spans.found(address, "Meet at 12 W 42nd St. tomorrow"))
                .containsExactly("LOCATION:12 W 42nd St.");
    }

    @Test
    void houseNumberWithLetter_reported() {
        assertThat(Spans.found(address, "He lived at 221B Baker Street for years."))
                .containsExactly("LOCATION:221B Baker Street");
    }

    @Test
    void unitAndCityTail_oneSpanHighScore() {
        String text = "Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 today.";
        assertThat(Spans.found(address, text))
                .containsExactly("LOCATION:1600 Pennsylvania Avenue NW, Washington, DC 20500");
        assertThat(Spans.score(address, "x 12 Main St Apt 4B y", "12 Main St Apt 4B")).isEqualTo(0.85);
        assertThat(Spans.found(address, "Office: 500 Oak Road, Suite 100, Springfield, IL 62704-1234."))
                .containsExactly("LOCATION:500 Oak Road, Suite 100, Springfield, IL 62704-1234");
        assertThat(Spans.found(address, "Flat at 9 Market Lane #12 is free"))
                .containsExactly("LOCATION:9 Market Lane #12");
    }

    @Test
    void cityTailWithStateNameOrKnownCity() {
        assertThat(Spans.found(address, "Lives at 77 Ocean Drive, Miami Beach, Florida now"))
                .containsExactly("LOCATION:77 Ocean Drive, Miami Beach, Florida");
        assertThat(Spans.found(address, "Visit 10 Downing Street, London soon"))
                .containsExactly("LOCATION:10 Downing Street, London");
    }

    @Test
    void weakSuffix_needsContext() {
        assertThat(Spans.found(address, "We ran 5 Miles Run yesterday")).isEmpty();
        assertThat(Spans.found(address, "My address is 5 Willow Run")).containsExactly("LOCATION:5 Willow Run");
    }

    @Test
    void poBox_reported() {
        assertThat(Spans.found(address, "Write to P.O. Box 1234 or PO Box 99."))
                .containsExactly("LOCATION:P.O. Box 1234", "LOCATION:PO Box 99");
    }

    @Test
    void nearMisses_notReported() {
        assertThat(Spans.found(address, "Main Street is busy")).isEmpty(); // no number
        assertThat(Spans.found(address, "It cost 3.5 Million Road tax")).isEmpty(); // decimal
        assertThat(Spans.found(address, "12 Street")).isEmpty(); // no street name
        assertThat(Spans.found(address, "12 main street")).isEmpty(); // not capitalised
        assertThat(Spans.found(address, "In 2020 the Street was quiet")).isEmpty();
    }
}
