package io.warden.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob sealed while it is written: kept only when asked, nothing left otherwise. */
class BlobWriterTest {
    private static final Keyring KEYS = Keyring.generate().addDataset("d", Instant.now());

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        Path d = dir.resolve("d");
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(1).nextBytes(b);
        return b;
    }

    @Test
    void finishedAndKept_isABlobThatUnsealsToWhatWasWritten() throws Exception {
        BlobStore blobs = new BlobStore(dir);
        byte[] data = data(3 << 20); // more than one sealed segment, more than the pipe holds
        BlobStore.Stored stored;
        try (BlobWriter w = new BlobWriter(blobs, KEYS, "d")) {
            for (int off = 0; off < data.length; off += 10_000) {
                w.out().write(data, off, Math.min(10_000, data.length - off));
            }
            stored = w.finish();
            w.keep();
        }
        assertThat(stored.size()).isEqualTo(data.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(data)));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        blobs.get(KEYS, "d", stored.blob(), back);
        assertThat(back.toByteArray()).isEqualTo(data);
        assertThat(files()).hasSize(1);
    }

    @Test
    void finishedButNotKept_isDeletedOnClose() throws Exception {
        BlobStore blobs = new BlobStore(dir);
        try (BlobWriter w = new BlobWriter(blobs, KEYS, "d")) {
            w.out().write(data(100_000));
            w.finish();
            assertThat(files()).hasSize(1);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void closedBeforeFinishing_leavesNothing() throws Exception {
        BlobStore blobs = new BlobStore(dir);
        try (BlobWriter w = new BlobWriter(blobs, KEYS, "d")) {
            w.out().write(data(2 << 20));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aSealerThatCannotSeal_failsTheWriterWithItsReason() {
        BlobStore blobs = new BlobStore(dir);
        try (BlobWriter w = new BlobWriter(blobs, KEYS, "no-such-dataset")) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 64; i++) w.out().write(data(100_000));
                w.finish();
            }).isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY));
        }
        assertThat(dir.resolve("no-such-dataset").toFile().list()).isNullOrEmpty();
    }
}
