package io.warden.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvColumnNamesTest {

    @Test
    void fromHeader_makesDuplicateAndEmptyNamesUnique() {
        CsvColumnNames names = CsvColumnNames.fromHeader(Arrays.asList("name", "name", "", null, "name"));
        assertThat(names.first(5)).containsExactly("name", "name_2", "col3", "col4", "name_3");
    }

    @Test
    void first_addsColNNamesBeyondTheHeader_avoidingTakenNames() {
        CsvColumnNames names = CsvColumnNames.fromHeader(Arrays.asList("a", "col3"));
        assertThat(names.first(4)).containsExactly("a", "col3", "col3_2", "col4");
        assertThat(names.first(2)).containsExactly("a", "col3");
    }

    @Test
    void generated_namesCol1ToColN() {
        assertThat(CsvColumnNames.generated(3).first(3)).containsExactly("col1", "col2", "col3");
    }
}
