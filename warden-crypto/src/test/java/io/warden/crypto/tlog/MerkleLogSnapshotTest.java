package io.warden.crypto.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleLogSnapshotTest {
    private static final String ORIGIN = "audit.example.com/warden";
    private static final NoteSigner KEY = NoteSigner.generate(ORIGIN);

    @TempDir
    Path tmp;

    private Path logWith(int n) {
        Path dir = tmp.resolve("log");
        try (MerkleLog log = MerkleLog.open(dir)) {
            for (int i = 0; i < n; i++) log.append(("request " + i).getBytes(UTF_8));
        }
        return dir;
    }

    @Test
    void theHeadOfAClosedLog_isItsTreeHead() {
        Path dir = logWith(37);
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(MerkleLogSnapshot.acknowledgedHead(dir)).isEqualTo(log.treeHead());
        }
    }

    @Test
    void aLiveLog_givesAHeadItAcknowledged_andACopyOfExactlyThoseEntries_whileItGrows() throws Exception {
        Path dir = tmp.resolve("live");
        try (MerkleLog log = MerkleLog.open(dir)) {
            for (int i = 0; i < 50; i++) log.append(("before " + i).getBytes(UTF_8));
            AtomicBoolean stop = new AtomicBoolean();
            Thread appender = Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) log.append(("during " + i).getBytes(UTF_8));
            });
            try {
                TreeHead head = MerkleLogSnapshot.acknowledgedHead(dir);
                assertThat(head.size()).isGreaterThanOrEqualTo(50);
                assertThat(log.root(head.size())).isEqualTo(head.root());
                byte[] note = Checkpoint.of(ORIGIN, head).sign(KEY);
                Path copy = tmp.resolve("copy");
                assertThat(MerkleLogSnapshot.copy(dir, head.size(), copy)).isEqualTo(head);
                assertThat(MerkleLogVerifier.verify(copy, note, KEY.verifier()).ok()).isTrue();
                assertThat(LogTamper.entries(copy)).hasSize((int) head.size());
                assertThat(Files.getPosixFilePermissions(LogTamper.entriesFile(copy)))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                try (MerkleLog reopened = MerkleLog.open(copy)) {
                    assertThat(reopened.treeHead()).isEqualTo(head);
                }
            } finally {
                stop.set(true);
                appender.join();
            }
        }
    }

    @Test
    void aTornTail_isNotPartOfTheSnapshot() throws Exception {
        Path dir = logWith(10);
        LogTamper.append(LogTamper.entriesFile(dir), new byte[] {0, 0, 0, 9, 'h', 'a'});
        assertThat(MerkleLogSnapshot.acknowledgedHead(dir).size()).isEqualTo(10);
    }

    @Test
    void anAlteredEntry_isRefused_notLaunderedIntoACleanCopy() throws Exception {
        Path dir = logWith(20);
        LogTamper.alterEntry(dir, 7, true);
        assertThatThrownBy(() -> MerkleLogSnapshot.acknowledgedHead(dir)).isInstanceOf(WardenException.class)
                .hasMessageContaining("entry 7").extracting(e -> ((WardenException) e).code())
                .isEqualTo(ErrorCode.VERIFICATION_FAILED);
        assertThatThrownBy(() -> MerkleLogSnapshot.copy(dir, 20, tmp.resolve("copy")))
                .hasMessageContaining("entry 7");
    }

    @Test
    void copyingMoreThanWasAcknowledged_orIntoAnExistingDirectory_fails() throws Exception {
        Path dir = logWith(5);
        assertThatThrownBy(() -> MerkleLogSnapshot.copy(dir, 6, tmp.resolve("copy")))
                .hasMessageContaining("acknowledged 5 entries");
        Files.createDirectory(tmp.resolve("there"));
        assertThatThrownBy(() -> MerkleLogSnapshot.copy(dir, 5, tmp.resolve("there")))
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.OUTPUT_FAILED);
        assertThatThrownBy(() -> MerkleLogSnapshot.acknowledgedHead(tmp.resolve("none")))
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
    }
}
