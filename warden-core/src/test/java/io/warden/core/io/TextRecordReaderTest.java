package io.warden.core.io;

import static io.warden.core.testing.RecordCollector.readAll;
import static io.warden.core.testing.TestFiles.SECRET;
import static io.warden.core.testing.TestFiles.bytes;
import static io.warden.core.testing.TestFiles.concat;
import static io.warden.core.testing.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.core.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextRecordReaderTest {
    private static final ReadOptions LINES = ReadOptions.defaults().withFormat(InputFormat.TEXT);

    @TempDir
    Path dir;

    @Test
    void lineMode_splitsOnLfAndCrlf_andKeepsAFinalLineWithoutNewline() {
        Path f = TestFiles.write(dir, "a.txt", "one\r\ntwo\n\nthree");
        List<Record> records = readAll(f, LINES);
        assertThat(records).extracting(r -> r.values().get(0)).containsExactly("one", "two", "", "three");
        assertThat(records).extracting(Record::index).containsExactly(0L, 1L, 2L, 3L);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.names()).containsExactly("text");
            assertThat(r.chunk()).isNull();
        });
    }

    @Test
    void lineMode_loneCarriageReturnStaysInTheLine() {
        Path f = TestFiles.write(dir, "a.txt", "a\rb\n");
        assertThat(readAll(f, LINES)).extracting(r -> r.values().get(0)).containsExactly("a\rb");
    }

    @Test
    void fileMode_returnsTheWholeFileAsOneRecord() {
        Path f = TestFiles.write(dir, "a.txt", "one\r\ntwo\n");
        List<Record> records = readAll(f, LINES.withTextMode(ReadOptions.TextMode.FILE));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.values()).containsExactly("one\r\ntwo\n"));
    }

    @Test
    void emptyFile_hasNoRecords_inBothModes() {
        Path f = TestFiles.write(dir, "empty.txt", "");
        assertThat(readAll(f, LINES)).isEmpty();
        assertThat(readAll(f, LINES.withTextMode(ReadOptions.TextMode.FILE))).isEmpty();
    }

    @Test
    void bom_isDropped() {
        Path f = TestFiles.write(dir, "bom.txt", concat(bytes(0xEF, 0xBB, 0xBF), utf8("first\nsecond")));
        assertThat(readAll(f, LINES)).extracting(r -> r.values().get(0)).containsExactly("first", "second");
    }

    @Test
    void gzip_isDetectedByMagicBytesNotName() {
        Path f = TestFiles.writeGzip(dir, "plain.txt", "x\ny\n");
        assertThat(readAll(f, LINES)).extracting(r -> r.values().get(0)).containsExactly("x", "y");
    }

    @Test
    void gzip_bytesReadCountsCompressedBytes() throws Exception {
        String text = "line of text that compresses well\n".repeat(50_000);
        Path f = TestFiles.writeGzip(dir, "big.txt.gz", text);
        try (RecordReader r = Readers.open(f, LINES)) {
            assertThat(readAll(r)).hasSize(50_000);
            assertThat(r.bytesRead()).isEqualTo(java.nio.file.Files.size(f));
        }
    }

    @Test
    void truncatedGzip_failsWithMalformedInput() {
        Path f = TestFiles.writeTruncatedGzip(dir, "t.txt.gz", "some text\n".repeat(10_000));
        assertThatThrownBy(() -> readAll(f, LINES))
                .isInstanceOf(WardenException.class)
                .hasMessage("truncated gzip stream")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }

    @Test
    void binaryFile_failsWithNulOffset() {
        Path f = TestFiles.write(dir, "bin.txt", concat(utf8("abc"), bytes(0, 1, 2)));
        assertThatThrownBy(() -> readAll(f, LINES))
                .hasMessage("binary file (NUL byte at offset 3); not CSV/JSONL/text");
    }

    @Test
    void invalidUtf8_reject_failsWithExactByteOffset() {
        // "line1\n" (6 bytes) + "é" (2 bytes) + "x" → the bad byte is at offset 9
        Path f = TestFiles.write(dir, "bad.txt", concat(utf8("line1\néx"), bytes(0xFF), utf8(SECRET + "\n")));
        ReadOptions reject = LINES.withInvalidUtf8(ReadOptions.InvalidUtf8.REJECT);
        try (RecordReader r = Readers.open(f, reject)) {
            assertThat(r.next().values()).containsExactly("line1");
            assertThatThrownBy(r::next)
                    .isInstanceOf(WardenException.class)
                    .hasMessage("invalid UTF-8 at byte offset 9")
                    .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_ENCODING);
            assertThatThrownBy(r::next).as("failure is sticky").hasMessage("invalid UTF-8 at byte offset 9");
        }
    }

    @Test
    void invalidUtf8_reject_offsetCountsTheBomAndDecompressedBytes() {
        byte[] content = concat(bytes(0xEF, 0xBB, 0xBF), utf8("ab"), bytes(0xC3));
        Path f = TestFiles.write(dir, "bad.txt.gz", TestFiles.gzip(content));
        assertThatThrownBy(() -> readAll(f, LINES.withInvalidUtf8(ReadOptions.InvalidUtf8.REJECT)))
                .hasMessage("invalid UTF-8 at byte offset 5");
    }

    @Test
    void invalidUtf8_replace_substitutesAndWarnsOnce() {
        Path f = TestFiles.write(dir, "bad.txt",
                concat(utf8("ok\nab"), bytes(0xFF), utf8("c\nd"), bytes(0xE2, 0x82), utf8("\n")));
        try (RecordReader r = Readers.open(f, LINES)) {
            assertThat(readAll(r)).extracting(x -> x.values().get(0)).containsExactly("ok", "ab\uFFFDc", "d\uFFFD");
            assertThat(r.warnings()).containsExactly("2 invalid UTF-8 sequence(s) replaced; first at byte offset 5");
        }
    }

    @Test
    void longLine_isChunkedWithOverlap_andOwnedPartsRebuildIt() {
        String line = "abcdefghijklmnopqrstuvwxyz0123";
        Path f = TestFiles.write(dir, "long.txt", "short\n" + line + "\nafter\n");
        List<Record> records = readAll(f, LINES.withChunking(10, 2));
        assertThat(records).extracting(Record::index).containsExactly(0L, 1L, 1L, 1L, 1L, 2L);
        List<Record> chunks = records.subList(1, 5);
        assertThat(chunks).extracting(r -> r.values().get(0))
                .containsExactly("abcdefghij", "ijklmnopqr", "qrstuvwxyz", "yz0123");
        assertThat(chunks).extracting(Record::chunk).containsExactly(
                new Record.Chunk(0, 8, false), new Record.Chunk(8, 8, false), new Record.Chunk(16, 8, false),
                new Record.Chunk(24, 6, true));
        assertThat(ownedText(chunks)).isEqualTo(line);
    }

    @Test
    void lineOfExactlyChunkChars_isNotChunked() {
        Path f = TestFiles.write(dir, "exact.txt", "0123456789\r\n0123456789");
        assertThat(readAll(f, LINES.withChunking(10, 2))).extracting(Record::chunk).containsExactly(null, null);
    }

    @Test
    void chunking_neverSplitsASurrogatePair_andCountsCodePoints() {
        String line = "abcdefghi😀jklmnopq😀rstuvwxyz";
        Path f = TestFiles.write(dir, "emoji.txt", line);
        List<Record> chunks = readAll(f, LINES.withChunking(10, 2));
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(ownedText(chunks)).isEqualTo(line);
        long cp = 0;
        for (Record r : chunks) {
            String v = r.values().get(0);
            assertThat(Character.isHighSurrogate(v.charAt(v.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(v.charAt(0))).isFalse();
            assertThat(r.chunk().codePointOffset()).isEqualTo(cp);
            cp += v.codePointCount(0, r.chunk().ownChars());
        }
        assertThat(cp).isEqualTo(line.codePointCount(0, line.length()));
    }

    @Test
    void fileMode_chunksTheWholeFile() {
        String text = "line one\nline two\nline three\n";
        Path f = TestFiles.write(dir, "f.txt", text);
        List<Record> chunks = readAll(f, LINES.withTextMode(ReadOptions.TextMode.FILE).withChunking(8, 1));
        assertThat(chunks).extracting(Record::index).containsOnly(0L);
        assertThat(chunks.get(chunks.size() - 1).chunk().last()).isTrue();
        assertThat(ownedText(chunks)).isEqualTo(text);
    }

    @Test
    void close_isIdempotent_andNextAfterCloseFails() {
        Path f = TestFiles.write(dir, "a.txt", "x\n");
        RecordReader r = Readers.open(f, LINES);
        r.close();
        r.close();
        assertThatThrownBy(r::next).isInstanceOf(IllegalStateException.class);
    }

    static String ownedText(List<Record> chunks) {
        StringBuilder sb = new StringBuilder();
        for (Record r : chunks) {
            sb.append(r.values().get(0), 0, r.chunk().ownChars());
        }
        return sb.toString();
    }
}
