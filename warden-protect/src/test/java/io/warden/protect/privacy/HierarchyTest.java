package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyTest {
    @TempDir
    Path dir;

    @Test
    void read_adultAge_hasFiveLevels_andGeneralizesAlongThem() {
        Hierarchy age = Hierarchy.read(AdultData.DIR.resolve("adult_hierarchy_age.csv"));
        assertThat(age.levels()).isEqualTo(5);
        assertThat(age.leaves()).isEqualTo(100);
        assertThat(age.generalize("39", 0)).isEqualTo("39");
        assertThat(age.generalize("39", 1)).isEqualTo("35-39");
        assertThat(age.generalize("39", 2)).isEqualTo("30-39");
        assertThat(age.generalize("39", 3)).isEqualTo("20-39");
        assertThat(age.generalize("39", 4)).isEqualTo("*");
        assertThat(age.contains("39")).isTrue();
        assertThat(age.contains("35-39")).isFalse();
    }

    @Test
    void read_everyAdultHierarchy_crlfLineEnds() {
        for (String column : AdultData.COLUMNS) {
            Hierarchy h = Hierarchy.read(AdultData.DIR.resolve("adult_hierarchy_" + column + ".csv"));
            assertThat(h.generalize(h.leaves() > 0 ? firstLeaf(column) : "", h.levels() - 1)).isEqualTo("*");
        }
    }

    @Test
    void parse_quotesByteOrderMarkAndBlankLines_areHandled() {
        Hierarchy h = parse("\uFEFF\"a;1\";\"x \"\"y\"\"\";*\r\n\r\nb;x \"y\";*\n\n");
        assertThat(h.leaves()).isEqualTo(2);
        assertThat(h.generalize("a;1", 1)).isEqualTo("x \"y\"");
        assertThat(h.generalize("b", 1)).isEqualTo("x \"y\"");
        assertThat(h.leavesUnder(1, 0)).isEqualTo(2);
    }

    @Test
    void parse_raggedRow_namesFileAndLine() {
        assertMalformed("a;x;*\nb;x\nc;x;*\n", "h.csv:2: 2 values where the first row has 3 (one per level)");
    }

    @Test
    void parse_truncatedLastLine_namesItsLine() {
        assertMalformed("a;x;*\nb;x;*\nc;", "h.csv:3: 2 values where the first row has 3 (one per level)");
    }

    @Test
    void parse_emptyOrBlank_isEmpty() {
        assertMalformed("", "h.csv: the hierarchy is empty");
        assertMalformed("\n \r\n\t\n", "h.csv: the hierarchy is empty");
    }

    @Test
    void parse_repeatedLeaf_namesBothLines_notTheValue() {
        assertMalformed("secret;x;*\nb;x;*\nsecret;y;*\n", "h.csv:3: the same original value as line 1");
        assertThatThrownBy(() -> parse("secret;x;*\nsecret;x;*\n")).message().doesNotContain("secret");
    }

    @Test
    void parse_levelsThatAreNotATree_fail() {
        assertMalformed("a;x;p\nb;x;q\n",
                "h.csv:2: a level-1 value generalizes to another level-2 value than on line 1 (the levels must form a tree)");
    }

    @Test
    void parse_unclosedQuote_andTextAfterQuote_fail() {
        assertMalformed("a;\"x;*\n", "h.csv:1: a quoted value is not closed");
        assertMalformed("a;\"x\"y;*\n", "h.csv:1: text after a closing quote");
    }

    @Test
    void read_binaryFile_isRejected() throws Exception {
        Path file = dir.resolve("h.bin");
        Files.write(file, new byte[] {'a', ';', 0, 1, 2, '\n', (byte) 0x89, 'P', 'N', 'G'});
        assertThatThrownBy(() -> Hierarchy.read(file)).isInstanceOf(WardenException.class)
                .hasMessage("h.bin: not a text hierarchy (binary data or not UTF-8)");
    }

    @Test
    void read_invalidUtf8_isRejected() throws Exception {
        Path file = dir.resolve("h.csv");
        Files.write(file, new byte[] {'a', ';', (byte) 0xC3, (byte) 0x28, ';', '*', '\n'});
        assertThatThrownBy(() -> Hierarchy.read(file)).isInstanceOf(WardenException.class)
                .hasMessageContaining("not a text hierarchy");
    }

    @Test
    void read_missingFile_isInputNotFound() {
        assertThatThrownBy(() -> Hierarchy.read(dir.resolve("nope.csv")))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessage("nope.csv: hierarchy file not found");
    }

    @Test
    void of_rows_validatesLikeTheReader_namingRows() {
        Hierarchy h = Hierarchy.of(List.of(List.of("a", "*"), List.of("b", "*")));
        assertThat(h.generalize("b", 1)).isEqualTo("*");
        assertThatThrownBy(() -> Hierarchy.of(List.of(List.of("a", "*"), List.of("b"))))
                .hasMessage("hierarchy row 2: 1 values where the first row has 2 (one per level)");
        assertThatThrownBy(() -> Hierarchy.of(List.of(List.of()))).hasMessage("hierarchy row 1: the row is empty");
    }

    @Test
    void checkCovers_missingValues_givesColumnAndCounts_notValues() {
        Hierarchy h = Hierarchy.of(List.of(List.of("a", "*"), List.of("b", "*")));
        h.checkCovers("zip", List.of("a", "b", "a"));
        assertThatThrownBy(() -> h.checkCovers("zip", List.of("a", "90210", "90210", "10001")))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
                .hasMessage("quasi-identifier 'zip': 2 distinct values in 3 records missing from its hierarchy");
    }

    private static String firstLeaf(String column) {
        return AdultData.table().rows().get(0)[AdultData.table().indexOf(column)];
    }

    private static Hierarchy parse(String text) {
        return Hierarchy.parse(new StringReader(text), "h.csv");
    }

    private static void assertMalformed(String text, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessage(message);
    }

    @Test
    void read_fileWithQuotedSeparators_roundTrips() throws Exception {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "\"1;2\";low;*\n3;low;*\n", StandardCharsets.UTF_8);
        assertThat(Hierarchy.read(file).generalize("1;2", 1)).isEqualTo("low");
    }
}
