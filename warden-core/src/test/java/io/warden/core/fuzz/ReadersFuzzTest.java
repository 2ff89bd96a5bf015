package io.warden.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.PolicyLoader;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets for every parser of untrusted input: whatever the bytes, a reader returns records or fails with a
 * user-category {@link WardenException} — never another exception, never an internal error.
 *
 * <p>In a normal test run Jazzer replays the seed inputs under {@code src/test/resources/.../ReadersFuzzTestInputs}
 * (and an empty input); {@code JAZZER_FUZZ=1 mvn -pl warden-core test -Dtest=ReadersFuzzTest} fuzzes for real.
 */
class ReadersFuzzTest {
    private static final ReadOptions SMALL = ReadOptions.defaults().withMaxRecordBytes(1 << 16).withChunking(64, 8);

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] input) throws IOException {
        readAll(input, "in.csv", SMALL.withFormat(InputFormat.CSV));
    }

    @FuzzTest(maxDuration = "30s")
    void jsonl(byte[] input) throws IOException {
        readAll(input, "in.jsonl", SMALL.withFormat(InputFormat.JSONL));
    }

    @FuzzTest(maxDuration = "30s")
    void text(byte[] input) throws IOException {
        readAll(input, "in.txt", SMALL.withFormat(InputFormat.TEXT).withInvalidUtf8(ReadOptions.InvalidUtf8.REJECT));
    }

    @FuzzTest(maxDuration = "30s")
    void policy(byte[] input) {
        try {
            PolicyLoader.parse(input, "p.yaml");
        } catch (WardenException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    private static void readAll(byte[] input, String name, ReadOptions options) throws IOException {
        Path dir = Files.createTempDirectory("warden-fuzz");
        Path file = dir.resolve(name);
        try {
            Files.write(file, input);
            try (RecordReader r = Readers.open(file, options)) {
                for (Record rec = r.next(); rec != null; rec = r.next()) {
                    assertThat(rec.names()).hasSameSizeAs(rec.values());
                }
            } catch (WardenException e) {
                assertThat(e.code().category()).as(e.getMessage()).isEqualTo(ErrorCode.Category.USER);
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
