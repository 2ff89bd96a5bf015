package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceRecognizerTest {
    private final PlaceRecognizer place = new PlaceRecognizer();

    @Test
    void countries_reported() {
        assertThat(Spans.found(place, "She grew up in Germany and moved to Canada."))
                .containsExactly("LOCATION:Germany", "LOCATION:Canada");
        assertThat(Spans.score(place, "Exports from Brazil rose.", "Brazil")).isEqualTo(0.85);
    }

    @Test
    void multiWordPlaces_oneSpan() {
        assertThat(Spans.found(place, "Flights from New York to San Francisco and the United Kingdom."))
                .containsExactly("LOCATION:New York", "LOCATION:San Francisco", "LOCATION:United Kingdom");
    }

    @Test
    void cityCommaStateOrCountry_bothReported_cityRaised() {
        assertThat(Spans.found(place, "Offices in Springfield, IL and Lyon, France."))
                .containsExactly("LOCATION:Springfield", "LOCATION:IL", "LOCATION:Lyon", "LOCATION:France");
        assertThat(Spans.score(place, "Houston, Texas", "Houston")).isEqualTo(0.85);
        assertThat(Spans.score(place, "Houston smiled", "Houston")).isLessThan(0.5);
    }

    @Test
    void prepositionBeforeAmbiguousPlace_raisesIt() {
        assertThat(Spans.found(place, "The conference is in Florence this year."))
                .containsExactly("LOCATION:Florence");
        assertThat(Spans.found(place, "The flight from Nice was late.")).containsExactly("LOCATION:Nice");
    }

    @Test
    void capitalsAndMajorCities_reported() {
        assertThat(Spans.found(place, "Trains link Nairobi and Mombasa; flights reach Chicago."))
                .containsExactly("LOCATION:Nairobi", "LOCATION:Mombasa", "LOCATION:Chicago");
    }

    @Test
    void placesThatAreCommonWords_needContext() {
        assertThat(Spans.found(place, "That was Nice of you, and Reading is fun.")).isEmpty();
        assertThat(Spans.found(place, "They roasted a Turkey.")).isEmpty();
        assertThat(Spans.found(place, "She visited Nice last summer.")).containsExactly("LOCATION:Nice");
    }

    @Test
    void placesThatAreNames_weakerWithoutContext() {
        assertThat(Spans.score(place, "Florence smiled.", "Florence")).isLessThan(0.5);
        assertThat(Spans.found(place, "The city of Florence is old.")).containsExactly("LOCATION:Florence");
    }

    @Test
    void countryCodes_inRunningTextOnly() {
        assertThat(Spans.found(place, "Shipping to the USA and the UK is free."))
                .containsExactly("LOCATION:USA", "LOCATION:UK");
        assertThat(Spans.found(place, "PLEASE TELL US NOW")).isEmpty();
        assertThat(Spans.found(place, "let us know")).isEmpty();
    }

    @Test
    void lowerCasePlaces_notReported() {
        assertThat(Spans.found(place, "germany and france")).isEmpty();
    }
}
