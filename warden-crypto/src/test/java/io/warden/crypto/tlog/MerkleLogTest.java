package io.warden.crypto.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleLogTest {
    @TempDir
    Path tmp;

    @Test
    void appendsAndReopen_keepEntriesRootsAndProofs_thatMatchAnInMemoryTree() throws Exception {
        Path dir = tmp.resolve("log");
        List<byte[]> entries = MerkleProofsTest.randomEntries(new Random(5), 700);
        MemoryTree expected = MemoryTree.of(entries);
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.treeHead()).isEqualTo(new TreeHead(0, MerkleHashes.emptyRoot()));
            for (int i = 0; i < 300; i++) assertThat(log.append(entries.get(i))).isEqualTo(i);
            List<CompletableFuture<Long>> async = new ArrayList<>();
            for (int i = 300; i < 500; i++) async.add(log.appendAsync(entries.get(i)));
            for (int i = 0; i < async.size(); i++) assertThat(async.get(i).join()).isEqualTo(300 + i);
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("entries"))).isEqualTo(
                PosixFilePermissions.fromString("rw-------"));
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.size()).isEqualTo(500);
            for (int i = 500; i < 700; i++) log.append(entries.get(i));
            assertThat(log.treeHead()).isEqualTo(new TreeHead(700, expected.root()));
            assertThat(LogTamper.entries(dir)).containsExactlyElementsOf(entries);
            Random random = new Random(6);
            for (int k = 0; k < 200; k++) {
                long size = 1 + random.nextInt(700);
                long index = random.nextInt((int) size);
                long size1 = 1 + random.nextInt((int) size);
                assertThat(log.root(size)).isEqualTo(expected.proofs.root(size));
                assertThat(log.leafHash(index)).isEqualTo(MerkleHashes.leafHash(entries.get((int) index)));
                List<byte[]> inclusion = log.inclusionProof(index, size);
                assertThat(inclusion).containsExactlyElementsOf(expected.proofs.inclusion(index, size));
                MerkleProofs.verifyInclusion(index, size, log.leafHash(index), inclusion, log.root(size));
                List<byte[]> consistency = log.consistencyProof(size1, size);
                MerkleProofs.verifyConsistency(size1, size, log.root(size1), log.root(size), consistency);
            }
            assertThatThrownBy(() -> log.root(701)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.leafHash(700)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void manyConcurrentAppenders_getDistinctContiguousIndices_andTheRootOfWhatTheyWrote() throws Exception {
        int threads = 16;
        int each = 250;
        Path dir = tmp.resolve("log");
        ConcurrentHashMap<Long, String> byIndex = new ConcurrentHashMap<>();
        try (MerkleLog log = MerkleLog.open(dir); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String entry = "thread " + thread + " record " + i;
                        String before = byIndex.put(log.append(entry.getBytes(StandardCharsets.UTF_8)), entry);
                        assertThat(before).isNull();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
            assertThat(log.size()).isEqualTo(threads * each);
            List<byte[]> written = LogTamper.entries(dir);
            assertThat(byIndex.keySet()).hasSize(threads * each).allMatch(i -> i >= 0 && i < threads * each);
            for (int i = 0; i < written.size(); i++) {
                assertThat(new String(written.get(i), StandardCharsets.UTF_8)).isEqualTo(byIndex.get((long) i));
            }
            assertThat(log.treeHead().root()).isEqualTo(Rfc9162.mth(written));
        }
        try (MerkleLog again = MerkleLog.open(dir)) {
            assertThat(again.treeHead().root()).isEqualTo(Rfc9162.mth(LogTamper.entries(dir)));
        }
    }

    @Test
    void aTornTailPastTheHashes_isCutBackToTheLastWholeRecord() throws Exception {
        Path dir = logOf(10);
        long whole = Files.size(LogTamper.entriesFile(dir));
        byte[] rec = LogTamper.record("never acknowledged".getBytes(StandardCharsets.UTF_8));
        for (int cut : new int[] {1, 3, 4, 7, rec.length - 4, rec.length - 1}) {
            LogTamper.append(LogTamper.entriesFile(dir), java.util.Arrays.copyOf(rec, cut));
            try (MerkleLog log = MerkleLog.open(dir)) {
                assertThat(log.size()).as("cut at %d", cut).isEqualTo(10);
            }
            assertThat(Files.size(LogTamper.entriesFile(dir))).isEqualTo(whole);
        }
        byte[] garbage = rec.clone();
        garbage[rec.length - 1] ^= 0x55; // whole length, wrong checksum: still a torn tail
        LogTamper.append(LogTamper.entriesFile(dir), garbage);
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.size()).isEqualTo(10);
            assertThat(log.append("next".getBytes(StandardCharsets.UTF_8))).isEqualTo(10);
        }
        assertThat(LogTamper.entries(dir)).hasSize(11);
    }

    @Test
    void wholeRecordsPastTheHashes_areKept_andTheirHashesWritten() throws Exception {
        Path dir = logOf(10);
        List<byte[]> entries = new ArrayList<>(LogTamper.entries(dir));
        for (String s : List.of("durable but", "not yet hashed")) {
            byte[] e = s.getBytes(StandardCharsets.UTF_8);
            entries.add(e);
            LogTamper.append(LogTamper.entriesFile(dir), LogTamper.record(e));
        }
        LogTamper.append(LogTamper.entriesFile(dir), new byte[] {0, 0, 0}); // and a torn one after them
        LogTamper.append(LogTamper.hashesFile(dir), new byte[32 * 3 + 17]); // a crash's zeroed hash blocks
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.treeHead()).isEqualTo(new TreeHead(12, Rfc9162.mth(entries)));
        }
        assertThat(Files.size(LogTamper.hashesFile(dir))).isEqualTo(8 + 32 * HashLayout.storedHashCount(12));
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.inclusionProof(11, 12)).containsExactlyElementsOf(MemoryTree.of(entries).proofs.inclusion(11, 12));
        }
    }

    @Test
    void aLostHashFileTail_isRebuiltFromTheEntries() throws Exception {
        Path dir = logOf(33);
        byte[] root = Rfc9162.mth(LogTamper.entries(dir));
        LogTamper.truncate(LogTamper.hashesFile(dir), 8 + 32 * 20 + 5);
        try (MerkleLog log = MerkleLog.open(dir)) {
            assertThat(log.treeHead()).isEqualTo(new TreeHead(33, root));
        }
    }

    @Test
    void aDamagedOrAlteredAcknowledgedEntry_failsOpeningNamingIt() throws Exception {
        Path dir = logOf(20);
        long offset = LogTamper.records(dir).get(7).offset();
        LogTamper.alterEntry(dir, 7, false);
        refused(dir, ErrorCode.VERIFICATION_FAILED, "entry 7 (byte offset " + offset + ") is damaged: its checksum "
                + "does not match (the log was altered or damaged; it is not opened)");

        dir = logOf(20);
        LogTamper.alterEntry(dir, 12, true);
        refused(dir, ErrorCode.VERIFICATION_FAILED, "entry 12 (byte offset "
                + LogTamper.records(dir).get(12).offset() + ") does not match the hash stored for it");

        dir = logOf(20);
        LogTamper.overwrite(LogTamper.hashesFile(dir), 8 + 32 * HashLayout.storedHashIndex(2, 1), new byte[] {1});
        refused(dir, ErrorCode.VERIFICATION_FAILED, "entry 7 ");

        dir = logOf(20);
        LogTamper.overwrite(LogTamper.entriesFile(dir), LogTamper.records(dir).get(3).offset(), new byte[] {0x7f});
        refused(dir, ErrorCode.VERIFICATION_FAILED, "entry 3 (byte offset");
    }

    @Test
    void truncatedEntries_failOpening_unlessOnlyUnacknowledgedOnesAreLost() throws Exception {
        Path dir = logOf(20);
        LogTamper.truncate(LogTamper.entriesFile(dir), LogTamper.records(dir).get(15).offset() + 5);
        refused(dir, ErrorCode.VERIFICATION_FAILED, "entry 15 (byte offset");

        dir = logOf(20);
        LogTamper.truncate(LogTamper.entriesFile(dir), LogTamper.records(dir).get(15).offset());
        refused(dir, ErrorCode.VERIFICATION_FAILED, "its hash file covers 20 entries but the entries file holds only 15: "
                + "entries were removed");

        dir = logOf(20);
        LogTamper.truncate(LogTamper.entriesFile(dir), 8);
        refused(dir, ErrorCode.VERIFICATION_FAILED, "holds only 0");
    }

    @Test
    void filesThatAreNotALog_failWithMalformedInput() throws Exception {
        Path dir = logOf(3);
        LogTamper.overwrite(LogTamper.entriesFile(dir), 0, "NOTALOG!".getBytes(StandardCharsets.US_ASCII));
        refused(dir, ErrorCode.MALFORMED_INPUT, "entries is not a Warden Merkle log file (wrong header)");

        dir = logOf(3);
        Files.delete(LogTamper.hashesFile(dir));
        refused(dir, ErrorCode.MALFORMED_INPUT, "has no hash file");

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        refused(file, ErrorCode.OUTPUT_FAILED, "cannot open Merkle log " + file + ": a file is in the way of the directory");
    }

    @Test
    void aLogIsOpenOnce_entriesHaveALimit_andAClosedLogRefusesAppends() throws Exception {
        Path dir = tmp.resolve("log");
        MerkleLog log = MerkleLog.open(dir);
        refused(dir, ErrorCode.OUTPUT_FAILED, "it is open elsewhere (locked)");
        assertThat(log.append(new byte[0])).isZero();
        assertThat(log.append(new byte[MerkleLog.MAX_ENTRY_BYTES])).isEqualTo(1);
        assertThatThrownBy(() -> log.append(new byte[MerkleLog.MAX_ENTRY_BYTES + 1]))
                .isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.RECORD_TOO_LARGE));
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(new byte[1])).isInstanceOf(WardenException.class)
                .hasMessageEndingWith("it is closed");
        try (MerkleLog reopened = MerkleLog.open(dir)) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(reopened.toString()).isEqualTo("MerkleLog[" + dir + ", size 2]");
        }
    }

    @Test
    void anAppendedEntry_isCopied() throws Exception {
        try (MerkleLog log = MerkleLog.open(tmp.resolve("log"))) {
            byte[] entry = {1, 2, 3};
            CompletableFuture<Long> f = log.appendAsync(entry);
            entry[0] = 9;
            f.join();
            assertThat(log.leafHash(0)).isEqualTo(MerkleHashes.leafHash(new byte[] {1, 2, 3}));
        }
        assertThat(LogTamper.entries(tmp.resolve("log")).get(0)).containsExactly(1, 2, 3);
    }

    /** A closed log of {@code n} entries "entry 0", "entry 1", ... in a new directory. */
    private Path logOf(int n) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "log");
        try (MerkleLog log = MerkleLog.open(dir)) {
            for (int i = 0; i < n; i++) log.append(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    private static void refused(Path dir, ErrorCode code, String message) {
        ThrowingCallable open = () -> MerkleLog.open(dir).close();
        assertThatThrownBy(open).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessageContaining(message);
    }
}
