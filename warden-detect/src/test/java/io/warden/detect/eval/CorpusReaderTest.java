package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    private static final String SECRET = "Sup3rSecretValue";

    private static List<EvalRecord> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<EvalRecord> read(byte[] bytes) {
        try (CorpusReader r = CorpusReader.of(new ByteArrayInputStream(bytes), "c.json")) {
            List<EvalRecord> out = new java.util.ArrayList<>();
            for (EvalRecord rec = r.next(); rec != null; rec = r.next()) out.add(rec);
            return out;
        }
    }

    private static WardenException failure(String json) {
        return failure(json.getBytes(StandardCharsets.UTF_8));
    }

    private static WardenException failure(byte[] bytes) {
        try {
            read(bytes);
        } catch (WardenException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET).startsWith("c.json: ");
            return e;
        }
        throw new AssertionError("expected a WardenException");
    }

    @Test
    void reads_presidioResearchRecords_ignoringExtraFields() {
        List<EvalRecord> records = read("""
                [{"full_text": "Hi Jo, call 555", "masked": "Hi {{name}}", "template_id": 3,
                  "metadata": {"a": [1, {"b": null}]},
                  "spans": [{"entity_type": "PERSON", "entity_value": "Jo", "start_position": 3, "end_position": 5,
                             "extra": {"x": 1}}]},
                 {"spans": [], "full_text": ""}]
                """);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).text()).isEqualTo("Hi Jo, call 555");
        assertThat(records.get(0).spans()).containsExactly(new LabeledSpan("PERSON", 3, 5));
        assertThat(records.get(1).spans()).isEmpty();
    }

    @Test
    void offsets_areCodePoints_soASpanMayEndAtTheCodePointLength() {
        // "😀 Jo": 4 chars, 4 code points? no: 😀 is 2 chars; code points = 4 ("😀", " ", "J", "o")
        List<EvalRecord> records = read("""
                [{"full_text": "😀 Jo", "spans": [{"entity_type": "PERSON", "start_position": 2, "end_position": 4}]}]
                """);
        assertThat(records.get(0).spans()).containsExactly(new LabeledSpan("PERSON", 2, 4));
        WardenException e = failure("""
                [{"full_text": "😀 Jo", "spans": [{"entity_type": "PERSON", "start_position": 3, "end_position": 5}]}]
                """);
        assertThat(e.getMessage()).contains("record 0", "span 0", "beyond the text (4 code points)");
    }

    @Test
    void gzipCompressed_isReadTransparently() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("[{\"full_text\": \"a\", \"spans\": []}]".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(bytes.toByteArray())).hasSize(1);
    }

    @Test
    void records_areStreamed_goodRecordsBeforeABadOneAreReturned() {
        byte[] json = ("[{\"full_text\": \"a\", \"spans\": []}, {\"full_text\": \"" + SECRET + "\"")
                .getBytes(StandardCharsets.UTF_8);
        try (CorpusReader r = CorpusReader.of(new ByteArrayInputStream(json), "c.json")) {
            assertThat(r.next()).isNotNull();
            assertThat(r.recordsRead()).isEqualTo(1);
            assertThatThrownBy(r::next).isInstanceOf(WardenException.class).hasMessageContaining("record 1");
        }
    }

    @Test
    void truncatedJson_isMalformedWithRecordIndex() {
        WardenException e = failure("[{\"full_text\": \"a\", \"spans\": []}, {\"full_text\": \"" + SECRET + "\", \"sp");
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).contains("record 1").contains("truncated");
    }

    @Test
    void invalidToken_messageNeverQuotesTheContent() {
        WardenException e = failure("[{\"full_text\": " + SECRET + ", \"spans\": []}]");
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).contains("record 0", "invalid JSON", "line 1");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void notAList_isMalformed() {
        assertThat(failure("{\"full_text\": \"a\", \"spans\": []}").getMessage())
                .contains("expected a JSON list of records");
        assertThat(failure("\"just a string\"").getMessage()).contains("expected a JSON list of records");
    }

    @Test
    void listOfNonObjects_isMalformed() {
        assertThat(failure("[1, 2]").getMessage()).contains("record 0", "expected a JSON object");
    }

    @Test
    void missingFields_areMalformed() {
        assertThat(failure("[{\"spans\": []}]").getMessage()).contains("record 0", "missing \"full_text\"");
        assertThat(failure("[{\"full_text\": \"" + SECRET + "\"}]").getMessage()).contains("missing \"spans\"");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"start_position\": 0, \"end_position\": 1}]}]")
                .getMessage()).contains("span 0", "missing \"entity_type\"");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"end_position\": 1}]}]")
                .getMessage()).contains("missing \"start_position\"");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 1}]}]")
                .getMessage()).contains("missing \"end_position\"");
    }

    @Test
    void wrongFieldTypes_areMalformed() {
        assertThat(failure("[{\"full_text\": 5, \"spans\": []}]").getMessage())
                .contains("\"full_text\" must be a string");
        assertThat(failure("[{\"full_text\": \"a\", \"spans\": {}}]").getMessage())
                .contains("\"spans\" must be a list");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 0.5, "
                + "\"end_position\": 1}]}]").getMessage()).contains("must be an integer");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": 0, "
                + "\"end_position\": 99999999999}]}]").getMessage()).contains("out of range");
        assertThat(failure("[{\"full_text\": \"abc\", \"spans\": [{\"entity_type\": \"\", \"start_position\": 0, "
                + "\"end_position\": 1}]}]").getMessage()).contains("non-empty string");
    }

    @Test
    void negativeOffset_isMalformedNamingTheRecord() {
        WardenException e = failure("[{\"full_text\": \"ok\", \"spans\": []}, {\"full_text\": \"" + SECRET
                + "\", \"spans\": [{\"entity_type\": \"X\", \"start_position\": -1, \"end_position\": 3}]}]");
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).contains("record 1", "negative start_position -1");
    }

    @Test
    void startNotBeforeEnd_isMalformed() {
        assertThat(failure("[{\"full_text\": \"" + SECRET + "\", \"spans\": [{\"entity_type\": \"X\", "
                + "\"start_position\": 4, \"end_position\": 4}]}]").getMessage())
                .contains("record 0", "start_position 4 is not before end_position 4");
    }

    @Test
    void spanBeyondText_isMalformed() {
        assertThat(failure("[{\"full_text\": \"" + SECRET + "\", \"spans\": [{\"entity_type\": \"X\", "
                + "\"start_position\": 4, \"end_position\": 17}]}]").getMessage())
                .contains("end_position 17 is beyond the text (16 code points)");
    }

    @Test
    void emptyFile_isMalformed() {
        assertThat(failure(new byte[0]).getMessage()).contains("empty file");
        assertThat(failure("  \n ").getMessage()).contains("empty file");
    }

    @Test
    void binaryFile_isMalformed() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        WardenException e = failure(png);
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).contains("binary file");
    }

    @Test
    void invalidUtf8InsideAString_isMalformed() {
        byte[] head = "[{\"full_text\": \"ab".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\", \"spans\": []}]".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // lead byte followed by a non-continuation byte
        bytes[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
        WardenException e = failure(bytes);
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        assertThat(e.getMessage()).contains("record 0");
    }

    @Test
    void damagedGzip_isMalformed() {
        byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5};
        assertThat(failure(bad).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }

    @Test
    void truncatedGzip_isMalformed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            String json = "[{\"full_text\": \"" + "a".repeat(50_000) + "\", \"spans\": []}]";
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(failure(cut).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
    }

    @Test
    void contentAfterTheList_isMalformed() {
        assertThat(failure("[] []").getMessage()).contains("after the end of the list");
    }

    @Test
    void missingFile_isInputNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> CorpusReader.open(dir.resolve("nope.json")))
                .isInstanceOfSatisfying(WardenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
                    assertThat(e.getMessage()).contains("no such file");
                });
    }

    @Test
    void directory_isInputNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> CorpusReader.open(dir))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INPUT_NOT_FOUND));
    }

    @Test
    void readAll_readsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "[{\"full_text\": \"x\", \"spans\": [{\"entity_type\": \"A\", \"start_position\": 0, "
                + "\"end_position\": 1}]}]");
        assertThat(CorpusReader.readAll(f)).singleElement()
                .satisfies(r -> assertThat(r.toString()).doesNotContain("\"x\"").contains("spans=1"));
    }
}
