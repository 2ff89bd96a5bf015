package io.warden.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.WardenException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"adult", "a", "census-2024.v2", "x_1"})
    void dataset_plainNames_areAccepted(String name) {
        assertThat(Names.dataset(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".hidden", "../etc", "a/b", "a\\b", "Upper", "a b", "x'; DROP TABLE users; --",
        "\u0000", "é", "-dash"})
    void dataset_hostileNames_areRefused(String name) {
        assertThatThrownBy(() -> Names.dataset(name)).isInstanceOf(WardenException.class)
                .hasMessageNotContaining(name.isEmpty() ? "\u0001" : name);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "..\\x", "a\nb", ""})
    void file_pathsAndControlCharacters_areRefused(String name) {
        assertThatThrownBy(() -> Names.file(name)).isInstanceOf(WardenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train.csv", "données.jsonl", "a b (1).parquet", "'; DROP TABLE versions; --"})
    void file_ordinaryNames_areKeptAsGiven(String name) {
        assertThat(Names.file(name)).isEqualTo(name);
    }
}
