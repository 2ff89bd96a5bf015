package io.warden.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Readers over streams (uploads being unsealed on the server): the text formats, gzip, and clear refusals. */
class ReadersStreamTest {
    private static List<Record> read(byte[] bytes, String name) throws Exception {
        List<Record> out = new ArrayList<>();
        try (RecordReader r = Readers.open(new ByteArrayInputStream(bytes), Path.of(name), ReadOptions.defaults())) {
            for (Record rec; (rec = r.next()) != null; ) out.add(rec);
        }
        return out;
    }

    @Test
    void open_csvStream_readsRecordsWithHeader() throws Exception {
        List<Record> rows = read("name,email\nAda,\"a@b.org\"\nBob,\"multi\nline\"\n".getBytes(StandardCharsets.UTF_8),
                "people.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).values()).containsExactly("Bob", "multi\nline");
        assertThat(rows.get(0).names()).containsExactly("name", "email");
    }

    @Test
    void open_gzipJsonlStream_isDecompressed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"a\":{\"b\":\"x\"}}\n{\"a\":{\"b\":\"y\"}}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(bytes.toByteArray(), "data.jsonl.gz")).hasSize(2);
    }

    @Test
    void open_binaryStream_isMalformed() {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) junk[i] = (byte) (i * 31);
        assertThatThrownBy(() -> read(junk, "x.csv")).isInstanceOfSatisfying(WardenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void open_parquetByName_isRefusedAsAStream() {
        assertThatThrownBy(() -> read(new byte[] {'P', 'A', 'R', '1'}, "t.parquet"))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.getMessage())
                        .contains("Parquet cannot be read as a stream"));
    }

    @Test
    void open_emptyStream_hasNoRecords() throws Exception {
        assertThat(read(new byte[0], "empty.txt")).isEmpty();
    }
}
