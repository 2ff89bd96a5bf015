package io.warden.core.io;

import static io.warden.core.io.JsonlRecordReaderTest.assertMalformed;
import static io.warden.core.testing.RecordCollector.asMap;
import static io.warden.core.testing.RecordCollector.readAll;
import static io.warden.core.testing.TestFiles.SECRET;
import static io.warden.core.testing.TestFiles.bytes;
import static io.warden.core.testing.TestFiles.concat;
import static io.warden.core.testing.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.core.testing.TestFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {
    private static final ReadOptions OPTS = ReadOptions.defaults();
    private static final Path ADULT = Path.of("../shared/data/adult/adult.csv");

    @TempDir
    Path dir;

    @Test
    void csv_headerNamesColumns_andIndexCountsDataRows() {
        Path f = TestFiles.write(dir, "p.csv", "name,age\nAnn,41\n\nBob,7\n");
        List<Record> records = readAll(f, OPTS);
        assertThat(records).extracting(Record::index).containsExactly(0L, 1L);
        assertThat(asMap(records.get(1))).containsExactly(entry("name", "Bob"), entry("age", "7"));
    }

    @Test
    void csv_rfc4180_quotedFieldsHoldDelimitersNewlinesAndDoubledQuotes() {
        Path f = TestFiles.write(dir, "q.csv", "a,b\r\n\"x, y\",\"line1\r\nline2 \"\"quoted\"\"\"\r\n");
        assertThat(readAll(f, OPTS).get(0).values()).containsExactly("x, y", "line1\r\nline2 \"quoted\"");
    }

    @Test
    void csv_withoutHeader_namesColumnsCol1ToColN() {
        Path f = TestFiles.write(dir, "n.csv", "1,2,3\n4,5,6\n");
        List<Record> records = readAll(f, OPTS.withHeader(false));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).names()).containsExactly("col1", "col2", "col3");
    }

    @Test
    void csv_duplicateAndEmptyHeaderNames_areMadeUnique() {
        Path f = TestFiles.write(dir, "d.csv", "name,name,,name_2\n1,2,3,4\n");
        assertThat(readAll(f, OPTS).get(0).names()).containsExactly("name", "name_2", "col3", "name_2_2");
    }

    @Test
    void csv_adultData_detectsSemicolonAndReadsAllRows() {
        try (RecordReader r = Readers.open(ADULT, OPTS)) {
            List<Record> records = readAll(r);
            assertThat(records).hasSize(30_162);
            assertThat(records.get(0).names()).startsWith("sex", "age", "race");
            assertThat(records.get(0).values()).startsWith("Male", "39", "White");
            assertThat(r.warnings()).isEmpty();
            assertThat(r.bytesRead()).isEqualTo(2_516_935L);
        }
    }

    @Test
    void csv_tsvExtension_forcesTab_andExplicitDelimiterWins() {
        Path tsv = TestFiles.write(dir, "t.tsv", "a,b\tc\n1,2\t3\n");
        assertThat(readAll(tsv, OPTS).get(0).values()).containsExactly("1,2", "3");
        Path csv = TestFiles.write(dir, "p.csv", "a|b\n1|2\n");
        assertThat(readAll(csv, OPTS.withDelimiter('|')).get(0).values()).containsExactly("1", "2");
    }

    @Test
    void csv_raggedRows_arePaddedOrExtended_andWarnedOnce() {
        Path f = TestFiles.write(dir, "r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9,10\n11\n");
        try (RecordReader r = Readers.open(f, OPTS)) {
            List<Record> records = readAll(r);
            assertThat(records).hasSize(4);
            assertThat(records.get(1).names()).containsExactly("a", "b", "c");
            assertThat(records.get(1).values()).containsExactly("4", "5", null);
            assertThat(records.get(2).names()).containsExactly("a", "b", "c", "col4", "col5");
            assertThat(records.get(3).values()).containsExactly("11", null, null);
            assertThat(r.warnings()).singleElement().asString()
                    .startsWith("ragged rows: 3 rows had a different field count than the header; first at line 3");
        }
    }

    @Test
    void csv_unbalancedQuote_failsWithMalformedInputAndLine() {
        Path f = TestFiles.write(dir, "u.csv", "a,b\n1,2\n3,\"" + SECRET + "\n4,5\n");
        assertMalformed(() -> readAll(f, OPTS), "unbalanced quote starting at line 3");
    }

    @Test
    void csv_characterAfterClosingQuote_failsWithoutQuotingIt() {
        Path f = TestFiles.write(dir, "c.csv", "a,b\n\"x\"" + SECRET + ",2\n");
        assertMalformed(() -> readAll(f, OPTS), "line 2: unexpected character after a closing quote");
    }

    @Test
    void csv_recordLargerThanMaxRecordBytes_failsWithRecordTooLarge() {
        String wide = String.join(",", java.util.Collections.nCopies(60, SECRET));
        Path f = TestFiles.write(dir, "big.csv", "a\n1\n" + wide + "\n");
        assertThatThrownBy(() -> readAll(f, OPTS.withMaxRecordBytes(200)))
                .isInstanceOf(WardenException.class)
                .hasMessage("record at line 3 exceeds 200 bytes (raise --max-record-size)")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.RECORD_TOO_LARGE);
    }

    @Test
    void csv_singleHugeField_failsWithRecordTooLarge_inBoundedMemory() {
        char[] huge = new char[300_000];
        Arrays.fill(huge, 'x');
        Path f = TestFiles.write(dir, "huge.csv", "a,b\n1,\"" + new String(huge) + "\"\n");
        assertThatThrownBy(() -> readAll(f, OPTS.withMaxRecordBytes(1000)))
                .hasMessageStartingWith("record at line 2 exceeds 1000 bytes (raise --max-record-size)");
    }

    @Test
    void csv_unbalancedQuoteInLargeFile_surfacesAsRecordTooLargeWithHint() {
        Path f = TestFiles.write(dir, "uq.csv", "a,b\n1,\"oops\n" + "2,3\n".repeat(100_000));
        assertThatThrownBy(() -> readAll(f, OPTS.withMaxRecordBytes(1000)))
                .hasMessage("record at line 2 exceeds 1000 bytes (raise --max-record-size);"
                        + " an unbalanced quote can also cause this");
    }

    @Test
    void csv_emptyFile_andHeaderOnly_haveNoRecords() {
        assertThat(readAll(TestFiles.write(dir, "e.csv", ""), OPTS)).isEmpty();
        assertThat(readAll(TestFiles.write(dir, "h.csv", "a,b\n"), OPTS)).isEmpty();
    }

    @Test
    void csv_bom_isDroppedFromTheFirstHeaderName() {
        Path f = TestFiles.write(dir, "bom.csv", concat(bytes(0xEF, 0xBB, 0xBF), utf8("id;name\n1;x\n")));
        assertThat(readAll(f, OPTS).get(0).names()).containsExactly("id", "name");
    }

    @Test
    void csv_gzip_isReadTransparently() {
        Path f = TestFiles.writeGzip(dir, "p.csv.gz", "a;b\n1;2\n");
        assertThat(asMap(readAll(f, OPTS).get(0))).containsExactly(entry("a", "1"), entry("b", "2"));
    }

    @Test
    void csv_truncatedGzip_failsWithMalformedInput() {
        Path f = TestFiles.writeTruncatedGzip(dir, "p.csv.gz", "a,b\n" + "1,2\n".repeat(20_000));
        assertThatThrownBy(() -> readAll(f, OPTS)).hasMessage("truncated gzip stream");
    }

    @Test
    void csv_binaryFile_isRejected() {
        Path f = TestFiles.write(dir, "b.csv", concat(utf8("a,b\n"), bytes(0x89, 0, 0x50)));
        assertMalformed(() -> readAll(f, OPTS), "binary file (NUL byte at offset 5); not CSV/JSONL/text");
    }

    @Test
    void csv_invalidUtf8_reject_failsWithExactByteOffset() {
        Path f = TestFiles.write(dir, "u.csv", concat(utf8("a,b\n1,"), bytes(0xFF), utf8(SECRET + "\n")));
        assertThatThrownBy(() -> readAll(f, OPTS.withInvalidUtf8(ReadOptions.InvalidUtf8.REJECT)))
                .isInstanceOf(WardenException.class)
                .hasMessage("invalid UTF-8 at byte offset 6")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_ENCODING);
    }

    @Test
    void csv_invalidUtf8_replace_substitutesAndWarns() {
        Path f = TestFiles.write(dir, "u.csv", concat(utf8("a,b\n1,x"), bytes(0xFF), utf8("\n2,"), bytes(0xFE),
                utf8("\n")));
        try (RecordReader r = Readers.open(f, OPTS)) {
            List<Record> records = readAll(r);
            assertThat(records).extracting(x -> x.values().get(1)).containsExactly("x\uFFFD", "\uFFFD");
            assertThat(r.warnings()).containsExactly("2 invalid UTF-8 sequence(s) replaced; first at byte offset 7");
        }
    }
}
