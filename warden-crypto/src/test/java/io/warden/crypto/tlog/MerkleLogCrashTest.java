package io.warden.crypto.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Merkle log under a process killed with SIGKILL mid-append, and on a disk that fills up. */
class MerkleLogCrashTest {
    @TempDir
    Path tmp;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) run("umount", mounted.toString());
    }

    @Test
    void killedMidAppend_everyAcknowledgedEntryIsKept_andTheTornTailCut() throws Exception {
        Path dir = tmp.resolve("log");
        Map<Long, String> acknowledged = new HashMap<>();
        for (int run = 0; run < 3; run++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path")),
                    MerkleLogChild.class.getName(), dir.toString(), "run" + run)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int seen = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    int space = line.indexOf(' ');
                    if (space < 0) continue; // the last line may be cut by the kill
                    String before = acknowledged.put(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
                    assertThat(before).as("index acknowledged twice").isNull();
                    if (++seen == 1500 + 700 * run) child.toHandle().destroyForcibly(); // SIGKILL; keeps our pipe open
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).as("acknowledgements before the child ended").isGreaterThanOrEqualTo(1500);

            try (MerkleLog log = MerkleLog.open(dir)) {
                List<byte[]> entries = LogTamper.entries(dir);
                assertThat((long) entries.size()).isEqualTo(log.size());
                long last = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
                assertThat(log.size()).isGreaterThan(last);
                acknowledged.forEach((index, entry) ->
                        assertThat(new String(entries.get(index.intValue()), UTF_8)).isEqualTo(entry));
                assertThat(log.treeHead().root()).isEqualTo(Rfc9162.mth(entries));
            }
            assertThat(Files.size(LogTamper.hashesFile(dir)))
                    .isEqualTo(8 + 32 * HashLayout.storedHashCount(LogTamper.entries(dir).size()));
        }
    }

    @Test
    void aFullDisk_failsTheAppendAndEveryLaterOne_untilReopened() throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString()) == 0,
                "mounting a 64 KiB tmpfs needs root");
        mounted = mnt;
        Path spare = Files.write(mnt.resolve("spare"), new byte[16 << 10]);
        Path dir = mnt.resolve("log");
        List<String> acknowledged = new ArrayList<>();
        WardenException failure = null;
        MerkleLog log = MerkleLog.open(dir);
        try {
            for (int i = 0; i < 1000 && failure == null; i++) {
                String entry = i + "x".repeat(1000);
                try {
                    assertThat(log.append(entry.getBytes(UTF_8))).isEqualTo(i);
                    acknowledged.add(entry);
                } catch (WardenException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.OUTPUT_FAILED);
            assertThat(failure.getMessage()).startsWith("cannot append to Merkle log " + dir + ": ")
                    .contains("No space left on device").endsWith("it refuses appends until it is reopened");
            Files.delete(spare); // there is room again, but this log stays failed
            assertThatThrownBy(() -> log.append(new byte[1])).isInstanceOf(WardenException.class)
                    .hasMessage(failure.getMessage());
            assertThat(log.size()).isEqualTo(acknowledged.size());
        } finally {
            log.close();
        }
        try (MerkleLog reopened = MerkleLog.open(dir)) {
            List<byte[]> entries = LogTamper.entries(dir);
            // the failed append's entry may have reached the disk whole before its hashes failed: then it is kept
            assertThat(reopened.size()).isBetween((long) acknowledged.size(), acknowledged.size() + 1L);
            for (int i = 0; i < acknowledged.size(); i++) {
                assertThat(new String(entries.get(i), UTF_8)).isEqualTo(acknowledged.get(i));
            }
            assertThat(reopened.treeHead().root()).isEqualTo(Rfc9162.mth(entries));
            assertThat(reopened.append("after".getBytes(UTF_8))).isEqualTo(entries.size());
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
