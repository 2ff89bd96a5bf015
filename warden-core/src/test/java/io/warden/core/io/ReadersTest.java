package io.warden.core.io;

import static io.warden.core.testing.RecordCollector.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.core.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadersTest {
    private static final ReadOptions OPTS = ReadOptions.defaults();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "a.csv, CSV", "a.TSV, CSV", "a.psv.gz, CSV", "a.jsonl, JSONL", "a.ndjson, JSONL", "a.json.gz, JSONL",
        "a.parquet, PARQUET", "a.txt, TEXT", "README, TEXT", "a.log.gz, TEXT", "a.gz, TEXT"
    })
    void detectFormat_usesTheNameWithGzStripped(String name, InputFormat expected) {
        assertThat(Readers.detect(Path.of(name))).isEqualTo(expected);
    }

    @Test
    void detect_recognisesParquetByContentWhenTheNameSaysText() {
        Path p = io.warden.core.testing.ParquetFiles.write(dir.resolve("export"), "SELECT 1 AS a");
        assertThat(Readers.detect(p)).isEqualTo(InputFormat.PARQUET);
        Path t = TestFiles.write(dir, "notes", "PAR1 is how this text starts\n");
        assertThat(Readers.detect(t)).isEqualTo(InputFormat.TEXT);
        assertThat(readAll(t, OPTS)).hasSize(1);
    }

    @Test
    void open_missingFile_failsWithInputNotFoundNamingThePath() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> Readers.open(missing, OPTS))
                .isInstanceOf(WardenException.class)
                .hasMessageContaining(missing.toString())
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
    }

    @Test
    void open_directory_failsWithInputNotFoundNamingThePath() {
        assertThatThrownBy(() -> Readers.open(dir, OPTS))
                .isInstanceOf(WardenException.class)
                .hasMessage("input is a directory, not a file: " + dir)
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
    }

    @Test
    void open_unreadableFile_failsWithInputNotFound() throws Exception {
        assumeThat(System.getProperty("user.name")).as("root can read anything").isNotEqualTo("root");
        Path f = TestFiles.write(dir, "secret.csv", "a\n1\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> Readers.open(f, OPTS))
                .hasMessageContaining(f.toString())
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
    }

    @Test
    void open_gzipIsDetectedByContent_soAGzNameOnPlainTextStillReads() {
        Path f = TestFiles.write(dir, "plain.csv.gz", "a,b\n1,2\n");
        assertThat(readAll(f, OPTS)).hasSize(1);
    }

    @Test
    void open_corruptGzip_failsWithMalformedInput() {
        byte[] gz = TestFiles.gzip(TestFiles.utf8("a,b\n".repeat(1000)));
        for (int i = 20; i < gz.length - 8; i++) {
            gz[i] = (byte) ~gz[i];
        }
        Path f = TestFiles.write(dir, "bad.csv.gz", gz);
        assertThatThrownBy(() -> readAll(f, OPTS))
                .hasMessageMatching("(corrupt|truncated) gzip stream")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }

    @Test
    void open_gzipHeaderOnly_isTruncated() {
        Path f = TestFiles.write(dir, "h.txt.gz", TestFiles.bytes(0x1f, 0x8b));
        assertThatThrownBy(() -> Readers.open(f, OPTS)).hasMessage("truncated gzip stream");
    }

    @Test
    void open_csvForcedOnJsonl_readsWithoutCrashing() {
        Path f = TestFiles.write(dir, "a.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 3, \"b\": 4}\n");
        List<Record> records = readAll(f, OPTS.withFormat(InputFormat.CSV).withHeader(false));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).values()).containsExactly("{\"a\": 1", " \"b\": 2}");
    }

    @Test
    void open_parquetForcedOnCsv_failsWithNotAParquetFile() {
        Path f = TestFiles.write(dir, "a.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> Readers.open(f, OPTS.withFormat(InputFormat.PARQUET)))
                .hasMessage("not a Parquet file")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }

    @Test
    void open_quoteAsDelimiter_isBadUsage() {
        Path f = TestFiles.write(dir, "a.csv", "a\n");
        assertThatThrownBy(() -> Readers.open(f, OPTS.withDelimiter('"')))
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.BAD_USAGE);
    }
}
