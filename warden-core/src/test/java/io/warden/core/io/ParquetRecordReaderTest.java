package io.warden.core.io;

import static io.warden.core.io.JsonlRecordReaderTest.assertMalformed;
import static io.warden.core.testing.RecordCollector.asMap;
import static io.warden.core.testing.RecordCollector.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.core.testing.ParquetFiles;
import io.warden.core.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRecordReaderTest {
    private static final ReadOptions OPTS = ReadOptions.defaults();

    @TempDir
    Path dir;

    @Test
    void parquet_readsColumnsInOrder_withNullsAsNull() {
        Path f = ParquetFiles.write(dir.resolve("p.parquet"),
                "SELECT i AS id, 'name' || i AS name, CASE WHEN i = 1 THEN NULL ELSE i * 1.5 END AS score"
                        + " FROM range(3) t(i)");
        List<Record> records = readAll(f, OPTS);
        assertThat(records).extracting(Record::index).containsExactly(0L, 1L, 2L);
        assertThat(records.get(0).names()).containsExactly("id", "name", "score");
        assertThat(records.get(0).values()).containsExactly("0", "name0", "0.0");
        assertThat(records.get(1).values()).containsExactly("1", "name1", null);
    }

    @Test
    void parquet_structsAndListsFlattenToDottedAndIndexedPaths() {
        Path f = ParquetFiles.write(dir.resolve("n.parquet"),
                "SELECT {'address': {'city': 'Oslo', 'zip': NULL::VARCHAR}} AS user, ['a', 'b'] AS tags,"
                        + " [{'name': 'x'}, {'name': 'y'}] AS items, []::VARCHAR[] AS none,"
                        + " NULL::STRUCT(a INT) AS missing, MAP {'k': 1} AS m");
        Record r = readAll(f, OPTS).get(0);
        assertThat(asMap(r)).containsExactly(
                entry("user.address.city", "Oslo"), entry("user.address.zip", null),
                entry("tags.0", "a"), entry("tags.1", "b"), entry("items.0.name", "x"), entry("items.1.name", "y"),
                entry("missing", null), entry("m.k", "1"));
    }

    @Test
    void parquet_emptyTable_hasNoRecords() {
        Path f = ParquetFiles.write(dir.resolve("e.parquet"), "SELECT 1 AS a WHERE false");
        assertThat(readAll(f, OPTS)).isEmpty();
    }

    @Test
    void parquet_bytesReadGrowsWithRowsToTheFileSize() throws Exception {
        Path f = ParquetFiles.write(dir.resolve("b.parquet"), "SELECT i FROM range(10000) t(i)");
        try (RecordReader r = Readers.open(f, OPTS)) {
            for (int i = 0; i < 5000; i++) {
                r.next();
            }
            assertThat(r.bytesRead()).isEqualTo(Files.size(f) / 2);
            readAll(r);
            assertThat(r.bytesRead()).isEqualTo(Files.size(f));
        }
    }

    @Test
    void parquet_detectedByMagicWhenTheNameSaysNothing() {
        Path f = ParquetFiles.write(dir.resolve("data.bin"), "SELECT 42 AS answer");
        assertThat(readAll(f, OPTS).get(0).values()).containsExactly("42");
    }

    @Test
    void parquet_notAParquetFile_failsWithMalformedInput() {
        Path f = TestFiles.write(dir, "fake.parquet", "a,b\n" + TestFiles.SECRET + ",2\n");
        assertMalformed(() -> readAll(f, OPTS), "not a Parquet file");
    }

    @Test
    void parquet_emptyFile_isNotAParquetFile() {
        Path f = TestFiles.write(dir, "empty.parquet", "");
        assertMalformed(() -> readAll(f, OPTS), "not a Parquet file");
    }

    @Test
    void parquet_truncatedFile_failsWithMalformedInput() throws Exception {
        Path f = ParquetFiles.write(dir.resolve("t.parquet"), "SELECT i FROM range(1000) t(i)");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        assertMalformed(() -> readAll(f, OPTS), "not a Parquet file (no footer; truncated?)");
    }

    @Test
    void parquet_gzipped_failsAskingToDecompress() throws Exception {
        Path p = ParquetFiles.write(dir.resolve("g.parquet"), "SELECT 1 AS a");
        Path f = TestFiles.write(dir, "g.parquet.gz", TestFiles.gzip(Files.readAllBytes(p)));
        assertMalformed(() -> readAll(f, OPTS), "not a Parquet file (gzip-compressed; decompress it first)");
    }

    @Test
    void parquet_forcedAsText_isRejectedAsBinary() {
        Path f = ParquetFiles.write(dir.resolve("x.parquet"), "SELECT 1 AS a");
        assertMalformed(() -> readAll(f, OPTS.withFormat(InputFormat.TEXT)), "binary file (NUL byte at offset");
    }

    @Test
    void parquet_closeIsIdempotent() {
        Path f = ParquetFiles.write(dir.resolve("c.parquet"), "SELECT 1 AS a");
        RecordReader r = Readers.open(f, OPTS);
        r.close();
        r.close();
    }
}
