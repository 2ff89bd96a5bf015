package io.warden.detect.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.detect.ScanText;
import org.junit.jupiter.api.Test;

class WordTableTest {
    private final WordTable table = new WordTable.Builder()
            .addKey("smith", 1)
            .addKey("smith", 2)
            .addKey("new york", 4)
            .addKey("port aux français", 8)
            .build();

    @Test
    void wordLookup_ignoresCaseAndMergesFlags() {
        assertThat(table.get("xx SMITH yy", 3, 8)).isEqualTo(3);
        assertThat(table.get("Smithe", 0, 6)).isZero();
    }

    @Test
    void phraseLookup_overTokens() {
        ScanText st = new ScanText("From New York and Port-aux-Français", null);
        st.tokenCount();
        assertThat(table.getTokens(st, 1, 2)).isEqualTo(4);
        assertThat(table.getTokens(st, 4, 3)).isEqualTo(8);
        assertThat(table.getTokens(st, 0, 2)).isZero();
    }

    @Test
    void normalize_splitsLikeScanText() {
        assertThat(WordTable.normalize("  St. Louis ")).isEqualTo("st louis");
        assertThat(WordTable.normalize("O'Brien")).isEqualTo("o brien");
        assertThat(table.get("NEW   york")).isEqualTo(4);
    }
}
