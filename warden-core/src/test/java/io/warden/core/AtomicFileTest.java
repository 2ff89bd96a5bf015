package io.warden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void write_createsTheFile() throws IOException {
        Path target = dir.resolve("out.json");
        AtomicFile.write(target, out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("hello\n");
        assertThat(dir.toFile().list()).containsExactly("out.json");
    }

    @Test
    void write_replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(dir.toFile().list()).containsExactly("out.json");
    }

    @Test
    void write_largeContent_arrivesWhole() throws IOException {
        Path target = dir.resolve("big.bin");
        byte[] chunk = new byte[100_003];
        for (int i = 0; i < chunk.length; i++) chunk[i] = (byte) i;
        AtomicFile.write(target, out -> {
            for (int i = 0; i < 20; i++) out.write(chunk);
        });
        assertThat(Files.size(target)).isEqualTo(20L * chunk.length);
    }

    @Test
    void writerThrowsIOException_leavesNothing_andOldContentStays() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(new byte[200_000]); // past the buffer: the temp file really has bytes
            throw new IOException("disk full");
        }))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_FAILED))
                .hasMessage("cannot write " + target + ": disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(dir.toFile().list()).containsExactly("out.json");
    }

    @Test
    void writerThrowsRuntimeException_isRethrown_andLeavesNothing() {
        Path target = dir.resolve("out.json");
        var bug = new IllegalStateException("renderer bug");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(1);
            throw bug;
        })).isSameAs(bug);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void missingDirectory_failsClearly_andCreatesNothing() {
        Path target = dir.resolve("no/such/dir/out.json");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> out.write(1)))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_FAILED))
                .hasMessage("cannot write " + target + ": directory " + dir.resolve("no/such/dir")
                        + " does not exist");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void targetIsADirectory_failsClearly() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report.html"));
        assertThatThrownBy(() -> AtomicFile.write(target, out -> out.write(1)))
                .isInstanceOf(WardenException.class)
                .hasMessage("cannot write " + target + ": it is a directory");
        assertThat(dir.toFile().list()).containsExactly("report.html");
    }

    @Test
    void unwritableDirectory_failsWithPermissionDenied() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root ignores permissions").isNotEqualTo("root");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> AtomicFile.write(locked.resolve("x"), out -> out.write(1)))
                    .isInstanceOf(WardenException.class)
                    .hasMessageEndingWith(": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void pending_closedWithoutCommit_leavesNothing() throws IOException {
        Path target = dir.resolve("findings.jsonl");
        try (AtomicFile.Pending p = AtomicFile.open(target)) {
            p.out().write("partial".getBytes(StandardCharsets.UTF_8));
            assertThat(dir.toFile().list()).hasSize(1).allMatch(n -> n.startsWith(".findings.jsonl."));
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void pending_commit_publishes_andCloseAfterwardsKeepsIt() throws IOException {
        Path target = dir.resolve("findings.jsonl");
        try (AtomicFile.Pending p = AtomicFile.open(target)) {
            p.out().write("a\n".getBytes(StandardCharsets.UTF_8));
            p.out().close(); // a writer closing the stream does not lose the file
            p.commit();
            assertThatThrownBy(p::commit).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.readString(target)).isEqualTo("a\n");
        assertThat(dir.toFile().list()).containsExactly("findings.jsonl");
    }

    @Test
    void writeOwnerOnly_givesMode600_evenReplacingAWorldReadableFile() throws IOException {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path target = dir.resolve("keyring.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.writeOwnerOnly(target, "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(dir.toFile().list()).containsExactly("keyring.json");
    }
}
