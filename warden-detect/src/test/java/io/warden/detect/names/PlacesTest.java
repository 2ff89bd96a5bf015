package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void stateAbbreviations_upperCaseOnly() {
        assertThat(Places.isUsState("CA")).isTrue();
        assertThat(Places.isUsState("DC")).isTrue();
        assertThat(Places.isUsState("PR")).isTrue();
        assertThat(Places.isUsState("ca")).isFalse();
        assertThat(Places.isUsState("XX")).isFalse();
        assertThat(Places.isUsState("C")).isFalse();
    }

    @Test
    void stateNames_anyCaseAndSpacing() {
        assertThat(Places.isUsState("California")).isTrue();
        assertThat(Places.isUsState("new  york")).isTrue();
        assertThat(Places.isUsState("District of Columbia")).isTrue();
        assertThat(Places.isUsState("Bavaria")).isFalse();
        assertThat(Places.isUsState("")).isFalse();
        assertThat(Places.isUsState(null)).isFalse();
    }

    @Test
    void abbreviationInText_allocationFreeCheck() {
        String text = "Springfield, IL 62704";
        assertThat(Places.isUsStateAbbreviation(text, 13, 15)).isTrue();
        assertThat(Places.isUsStateAbbreviation(text, 0, 2)).isFalse();
    }
}
