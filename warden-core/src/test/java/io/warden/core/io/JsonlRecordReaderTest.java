package io.warden.core.io;

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
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlRecordReaderTest {
    private static final ReadOptions OPTS = ReadOptions.defaults();

    @TempDir
    Path dir;

    @Test
    void jsonl_nestedObjectsAndArrays_flattenToDottedPaths() {
        Path f = TestFiles.write(dir, "a.jsonl", """
                {"name":"Ann","age":41,"vip":true,"user":{"address":{"city":"Oslo"}},"tags":["a","b"],\
                "items":[{"name":"x"},{"name":"y","n":[1,[2]]}],"gone":null,"empty":{},"none":[],"f":1.5e3}
                """);
        Record r = readAll(f, OPTS).get(0);
        assertThat(asMap(r)).containsExactly(
                entry("name", "Ann"), entry("age", "41"), entry("vip", "true"), entry("user.address.city", "Oslo"),
                entry("tags.0", "a"), entry("tags.1", "b"), entry("items.0.name", "x"), entry("items.1.name", "y"),
                entry("items.1.n.0", "1"), entry("items.1.n.1.0", "2"), entry("f", "1.5e3"));
    }

    @Test
    void jsonl_blankLinesAreSkipped_andIndexCountsNonBlankLines() {
        Path f = TestFiles.write(dir, "a.ndjson", "{\"a\":1}\n\n   \r\n{\"a\":2}\r\n{\"a\":3}");
        List<Record> records = readAll(f, OPTS);
        assertThat(records).extracting(Record::index).containsExactly(0L, 1L, 2L);
        assertThat(records).extracting(r -> r.values().get(0)).containsExactly("1", "2", "3");
    }

    @Test
    void jsonl_badJson_failsWithLineAndColumn_withoutQuotingInput() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\n\n{\"a\": " + SECRET + "}\n");
        assertMalformed(() -> readAll(f, OPTS), "line 3: invalid JSON (syntax error at column");
    }

    @Test
    void jsonl_unterminatedString_failsWithoutQuotingInput() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\n{\"a\": \"" + SECRET + "\n");
        assertMalformed(() -> readAll(f, OPTS), "line 2: invalid JSON (unexpected end of line)");
    }

    @Test
    void jsonl_nonObjectLine_failsNamingWhatWasFound() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\n[\"" + SECRET + "\"]\n");
        assertMalformed(() -> readAll(f, OPTS), "line 2: invalid JSON (not an object: found an array)");
        Path g = TestFiles.write(dir, "b.jsonl", "{\"a\":1}\n\"" + SECRET + "\"\n");
        assertMalformed(() -> readAll(g, OPTS), "line 2: invalid JSON (not an object: found a string)");
    }

    @Test
    void jsonl_nestingBeyondParserLimit_failsWithGenericReason() {
        Path f = TestFiles.write(dir, "deep.jsonl", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}\n");
        assertMalformed(() -> readAll(f, OPTS),
                "line 1: invalid JSON (nesting or value size over the parser's limits)");
    }

    @Test
    void jsonl_trailingContentAfterObject_fails() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\n{\"a\":1}{\"b\":\"" + SECRET + "\"}\n");
        assertMalformed(() -> readAll(f, OPTS), "line 2: invalid JSON (trailing content after the object at column 8)");
    }

    @Test
    void jsonl_recordsBeforeABadLineAreReturned_thenTheFailureIsSticky() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\nnot json " + SECRET + "\n{\"a\":3}\n");
        try (RecordReader r = Readers.open(f, OPTS)) {
            assertThat(r.next().values()).containsExactly("1");
            assertThatThrownBy(r::next).hasMessageStartingWith("line 2:");
            assertThatThrownBy(r::next).hasMessageStartingWith("line 2:");
        }
    }

    @Test
    void jsonl_lineLongerThanMaxRecordBytes_failsWithRecordTooLarge() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\":1}\n{\"a\":\"" + "x".repeat(500) + SECRET + "\"}\n");
        assertThatThrownBy(() -> readAll(f, OPTS.withMaxRecordBytes(100)))
                .isInstanceOf(WardenException.class)
                .hasMessage("record at line 2 exceeds 100 bytes (raise --max-record-size)")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.RECORD_TOO_LARGE);
    }

    @Test
    void jsonl_maxRecordBytesCountsUtf8Bytes_notChars() {
        String line = "{\"a\":\"" + "é".repeat(20) + "\"}"; // 28 chars, 48 bytes
        Path f = TestFiles.write(dir, "a.jsonl", line + "\n");
        assertThat(readAll(f, OPTS.withMaxRecordBytes(48))).hasSize(1);
        assertThatThrownBy(() -> readAll(f, OPTS.withMaxRecordBytes(47))).hasMessageContaining("exceeds 47 bytes");
    }

    @Test
    void jsonl_gzip_isReadTransparently() {
        Path f = TestFiles.writeGzip(dir, "a.jsonl.gz", "{\"a\":{\"b\":\"c\"}}\n");
        assertThat(asMap(readAll(f, OPTS).get(0))).containsExactly(entry("a.b", "c"));
    }

    @Test
    void jsonl_truncatedGzip_failsWithMalformedInput() {
        Path f = TestFiles.writeTruncatedGzip(dir, "a.jsonl.gz", "{\"a\":\"some value\"}\n".repeat(5000));
        assertThatThrownBy(() -> readAll(f, OPTS)).hasMessage("truncated gzip stream");
    }

    @Test
    void jsonl_emptyFile_hasNoRecords() {
        assertThat(readAll(TestFiles.write(dir, "e.jsonl", ""), OPTS)).isEmpty();
        assertThat(readAll(TestFiles.write(dir, "blank.jsonl", "\n \n"), OPTS)).isEmpty();
    }

    @Test
    void jsonl_binaryFile_isRejected() {
        Path f = TestFiles.write(dir, "b.jsonl", concat(utf8("{\"a\":"), bytes(0), utf8("}")));
        assertMalformed(() -> readAll(f, OPTS), "binary file (NUL byte at offset 5); not CSV/JSONL/text");
    }

    @Test
    void jsonl_invalidUtf8_reject_failsWithExactByteOffset() {
        // {"a":"ok"}\n is 11 bytes; {"a":" is 6 more → the bad byte is at 17
        Path f = TestFiles.write(dir, "u.jsonl", concat(utf8("{\"a\":\"ok\"}\n{\"a\":\""), bytes(0xC3, 0x28),
                utf8("\"}\n")));
        assertThatThrownBy(() -> readAll(f, OPTS.withInvalidUtf8(ReadOptions.InvalidUtf8.REJECT)))
                .hasMessage("invalid UTF-8 at byte offset 17");
    }

    @Test
    void jsonl_invalidUtf8_replace_substitutesAndWarns() {
        Path f = TestFiles.write(dir, "u.jsonl", concat(utf8("{\"a\":\"ok\"}\n{\"a\":\""), bytes(0xC3, 0x28),
                utf8("\"}\n")));
        try (RecordReader r = Readers.open(f, OPTS)) {
            List<Record> records = readAll(r);
            assertThat(records.get(1).values()).containsExactly("\uFFFD(");
            assertThat(r.warnings()).containsExactly("1 invalid UTF-8 sequence(s) replaced; first at byte offset 17");
        }
    }

    @Test
    void jsonl_bom_isDropped() {
        Path f = TestFiles.write(dir, "bom.jsonl", concat(bytes(0xEF, 0xBB, 0xBF), utf8("{\"a\":1}\n")));
        assertThat(readAll(f, OPTS)).hasSize(1);
    }

    @Test
    void jsonl_forcedOnACsvFile_failsClearlyOnLineOne() {
        Path f = TestFiles.write(dir, "people.csv", "name,email\n" + SECRET + ",a@b.c\n");
        assertMalformed(() -> readAll(f, OPTS.withFormat(InputFormat.JSONL)),
                "line 1: invalid JSON (syntax error at column");
        assertThatThrownBy(() -> readAll(f, OPTS.withFormat(InputFormat.JSONL)))
                .hasMessageEndingWith("is the file really JSONL?");
    }

    static void assertMalformed(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call)
                .isInstanceOf(WardenException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("SECRET")
                .hasNoCause()
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }
}
