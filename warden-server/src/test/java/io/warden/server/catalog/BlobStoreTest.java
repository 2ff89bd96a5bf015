package io.warden.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void removeUnfinished_deletesOnlyHiddenTemporaryFiles() throws Exception {
        Path census = Files.createDirectories(dir.resolve("blobs/census"));
        Path other = Files.createDirectories(dir.resolve("blobs/other"));
        Path dead1 = Files.writeString(census.resolve(".0f1e2d3c4b5a69788796a5b4c3d2e1f0.sealed.a1b2c3d4e5f6.tmp"), "x");
        Path dead2 = Files.writeString(other.resolve(".00112233445566778899aabbccddeeff.sealed.0a0b0c0d0e0f.tmp"), "y");
        Path sealed = Files.writeString(census.resolve("0f1e2d3c4b5a69788796a5b4c3d2e1f0.sealed"), "z");
        Path visibleTmp = Files.writeString(census.resolve("notes.tmp"), "kept: not one of ours");
        Path hidden = Files.writeString(census.resolve(".keep"), "kept");
        Path tmpDir = Files.createDirectories(census.resolve(".a-directory.tmp"));
        Files.writeString(dir.resolve("blobs/.top-level.tmp"), "kept: not in a dataset directory");

        BlobStore store = new BlobStore(dir.resolve("blobs"));
        assertThat(store.removeUnfinished()).isEqualTo(2);
        assertThat(dead1).doesNotExist();
        assertThat(dead2).doesNotExist();
        for (Path kept : new Path[] {sealed, visibleTmp, hidden, tmpDir, dir.resolve("blobs/.top-level.tmp")}) {
            assertThat(kept).exists();
        }
        assertThat(store.removeUnfinished()).isZero();
        try (Stream<Path> s = Files.list(census)) {
            assertThat(s.count()).isEqualTo(4);
        }
    }

    @Test
    void removeUnfinished_noBlobDirectoryYet_isZero() {
        assertThat(new BlobStore(dir.resolve("none")).removeUnfinished()).isZero();
    }
}
