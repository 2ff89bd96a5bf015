package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A durable, append-only Merkle-tree log in a directory: entries (opaque byte arrays of at most
 * {@value #MAX_ENTRY_BYTES} bytes) and the hash of every complete subtree, so appends, tree heads and proofs each
 * cost O(log n) hashes and reads.
 *
 * <p>An append is acknowledged only once its entry and hashes are forced to disk. Appends arriving while a write is
 * under way are group-committed: one writer thread takes every waiting entry, writes and forces them together, then
 * acknowledges each with its index. If a write fails, that append and every later one fail with
 * {@code OUTPUT_FAILED} until the log is reopened (the log fails closed); an append that failed may still be found in
 * the log after reopening, but none is ever acknowledged without being on disk.
 *
 * <p>{@link #open} checks the whole log and repairs a crash's torn tail (see {@code docs/audit-log.md}). One process
 * at a time may hold a log open (a file lock). Thread-safe.
 */
public final class MerkleLog implements AutoCloseable {
    /** The largest entry, in bytes: 1 MiB. */
    public static final int MAX_ENTRY_BYTES = LogFiles.MAX_ENTRY_BYTES;
    /** Appenders wait while this many bytes are queued for the writer. */
    private static final long MAX_QUEUED_BYTES = 64L << 20;

    private final Path dir;
    private final FileChannel entries;
    private final FileChannel hashes;
    private final ProofBuilder proofs;
    private final Thread writer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private List<Append> queue = new ArrayList<>();
    private long queuedBytes;
    private boolean closed;

    private volatile TreeHead head;
    private volatile WardenException failure;

    // owned by the writer thread
    private final MerkleAccumulator tree;
    private long entriesEnd;
    private long storedHashes;

    private record Append(byte[] entry, byte[] leafHash, CompletableFuture<Long> done) {}

    private MerkleLog(Path dir, FileChannel entries, FileChannel hashes, LogRecovery.State state) {
        this.dir = dir;
        this.entries = entries;
        this.hashes = hashes;
        this.tree = state.tree();
        this.entriesEnd = state.entriesEnd();
        this.storedHashes = state.storedHashes();
        this.head = tree.treeHead();
        this.proofs = new ProofBuilder(this::readHash);
        this.writer = Thread.ofPlatform().name("merkle-log-writer " + dir).daemon().unstarted(this::run);
        writer.start();
    }

    /**
     * Opens the log in {@code dir}, creating the directory and an empty log when there is none.
     *
     * @throws WardenException VERIFICATION_FAILED when an entry the log had acknowledged is damaged, missing or does
     *     not match its stored hashes; MALFORMED_INPUT when the files are not a Merkle log; OUTPUT_FAILED when the
     *     files cannot be created, read or locked (another process has the log open)
     */
    public static MerkleLog open(Path dir) {
        requireNonNull(dir, "dir");
        Path entriesFile = dir.resolve(LogFiles.ENTRIES);
        Path hashesFile = dir.resolve(LogFiles.HASHES);
        FileChannel e = null;
        FileChannel h = null;
        try {
            Files.createDirectories(dir);
            if (!Files.exists(entriesFile)) create(entriesFile, hashesFile);
            if (!Files.exists(hashesFile)) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "Merkle log " + dir + " has no hash file");
            }
            e = FileChannel.open(entriesFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            h = FileChannel.open(hashesFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock(e, dir); // released when the channel closes
            return new MerkleLog(dir, e, h, LogRecovery.run(dir, e, h));
        } catch (IOException ex) {
            closeQuietly(e, h);
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot open Merkle log " + dir + ": "
                    + LogFiles.reason(ex), ex);
        } catch (RuntimeException ex) {
            closeQuietly(e, h);
            throw ex;
        }
    }

    /**
     * Appends {@code entry} and returns its index once it is durable; blocks until then.
     *
     * @throws WardenException RECORD_TOO_LARGE over {@value #MAX_ENTRY_BYTES} bytes; OUTPUT_FAILED when it cannot be
     *     written, or the log failed earlier or is closed
     */
    public long append(byte[] entry) {
        try {
            return appendAsync(entry).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WardenException w) throw w;
            throw e;
        }
    }

    /**
     * Queues {@code entry} for the next group commit; the future completes with its index once it is durable, or
     * exceptionally with an OUTPUT_FAILED {@link WardenException}. Copies {@code entry}. Waits only while 64 MiB are
     * already queued.
     *
     * @throws WardenException RECORD_TOO_LARGE over {@value #MAX_ENTRY_BYTES} bytes
     */
    public CompletableFuture<Long> appendAsync(byte[] entry) {
        requireNonNull(entry, "entry");
        if (entry.length > MAX_ENTRY_BYTES) {
            throw new WardenException(ErrorCode.RECORD_TOO_LARGE, "a Merkle log entry has at most " + MAX_ENTRY_BYTES
                    + " bytes; this one has " + entry.length);
        }
        byte[] copy = entry.clone();
        Append a = new Append(copy, MerkleHashes.leafHash(copy), new CompletableFuture<>());
        lock.lock();
        try {
            while (!closed && failure == null && queuedBytes > MAX_QUEUED_BYTES) room.awaitUninterruptibly();
            if (failure != null) return CompletableFuture.failedFuture(failedEarlier());
            if (closed) {
                return CompletableFuture.failedFuture(new WardenException(ErrorCode.OUTPUT_FAILED,
                        "cannot append to Merkle log " + dir + ": it is closed"));
            }
            queue.add(a);
            queuedBytes += copy.length + LogFiles.RECORD_OVERHEAD;
            work.signal();
        } finally {
            lock.unlock();
        }
        return a.done();
    }

    /** The size and root of the log as of its last durable append. */
    public TreeHead treeHead() {
        return head;
    }

    /** The number of durable entries. */
    public long size() {
        return head.size();
    }

    /** The root of the first {@code size} entries, for any size up to {@link #size()}. */
    public byte[] root(long size) {
        TreeHead h = head;
        checkSize(size, h);
        return size == h.size() ? h.root() : proofs.root(size);
    }

    /** The leaf hash of entry {@code index} (below {@link #size()}). */
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size()) throw new IllegalArgumentException("no entry " + index + " in " + this);
        return readHash(HashLayout.storedHashIndex(0, index));
    }

    /**
     * The inclusion proof of entry {@code index} in the tree of the first {@code size} entries (RFC 9162 §2.1.3.1), for
     * {@link MerkleProofs#verifyInclusion}.
     */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size, head);
        if (index < 0 || index >= size) throw new IllegalArgumentException("no entry " + index + " in size " + size);
        return proofs.inclusion(index, size);
    }

    /**
     * The consistency proof between the trees of the first {@code size1} and {@code size2} entries (RFC 9162
     * §2.1.4.1), {@code 0 < size1 <= size2 <= size()}, for {@link MerkleProofs#verifyConsistency}.
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize(size2, head);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        return proofs.consistency(size1, size2);
    }

    /** The log's directory. */
    public Path directory() {
        return dir;
    }

    /** Writes what is queued, then stops the writer and releases the files; later appends fail. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        closeQuietly(entries, hashes);
        if (interrupted) Thread.currentThread().interrupt();
    }

    @Override
    public String toString() {
        return "MerkleLog[" + dir + ", size " + size() + "]";
    }

    private void run() {
        while (true) {
            List<Append> batch;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) work.awaitUninterruptibly();
                if (queue.isEmpty()) return;
                batch = queue;
                queue = new ArrayList<>();
                queuedBytes = 0;
                room.signalAll();
            } finally {
                lock.unlock();
            }
            if (failure == null) {
                try {
                    commit(batch);
                    continue;
                } catch (IOException e) {
                    failure = new WardenException(ErrorCode.OUTPUT_FAILED, "cannot append to Merkle log " + dir + ": "
                            + LogFiles.reason(e) + "; it refuses appends until it is reopened", e);
                } catch (RuntimeException | Error e) {
                    failure = new WardenException(ErrorCode.OUTPUT_FAILED, "cannot append to Merkle log " + dir + ": "
                            + e.getClass().getSimpleName() + "; it refuses appends until it is reopened", e);
                }
            }
            for (Append a : batch) a.done().completeExceptionally(failedEarlier());
        }
    }

    /** Writes and forces the entries, then their hashes, then publishes the new head and acknowledges. */
    private void commit(List<Append> batch) throws IOException {
        int recordBytes = 0;
        for (Append a : batch) recordBytes += a.entry().length + LogFiles.RECORD_OVERHEAD;
        ByteBuffer records = ByteBuffer.allocate(recordBytes);
        for (Append a : batch) LogFiles.putRecord(records, a.entry());
        LogFiles.writeFully(entries, records.flip(), entriesEnd);
        entries.force(false);

        long first = tree.size();
        long newHashes = HashLayout.storedHashCount(first + batch.size()) - storedHashes;
        ByteBuffer stored = ByteBuffer.allocate(Math.toIntExact(newHashes * MerkleHashes.HASH_BYTES));
        for (Append a : batch) tree.add(a.leafHash(), stored::put);
        LogFiles.writeFully(hashes, stored.flip(), LogFiles.hashOffset(storedHashes));
        hashes.force(false);

        entriesEnd += recordBytes;
        storedHashes += newHashes;
        head = tree.treeHead();
        for (int i = 0; i < batch.size(); i++) batch.get(i).done().complete(first + i);
    }

    private WardenException failedEarlier() {
        WardenException f = failure;
        return new WardenException(f.code(), f.getMessage(), f.getCause());
    }

    private byte[] readHash(long index) {
        try {
            return LogFiles.readHash(hashes, index);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INTERNAL, "cannot read Merkle log " + dir + ": " + LogFiles.reason(e), e);
        }
    }

    private void checkSize(long size, TreeHead h) {
        if (size < 0 || size > h.size()) throw new IllegalArgumentException("no tree of size " + size + " in " + this);
    }

    /** Creates an empty log: the hash file first, so an entries file never exists without one. */
    private static void create(Path entriesFile, Path hashesFile) throws IOException {
        if (Files.exists(hashesFile) && Files.size(hashesFile) > LogFiles.HEADER_BYTES) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "Merkle log " + entriesFile.getParent()
                    + " has hashes but no entries file");
        }
        AtomicFile.writeOwnerOnly(hashesFile, LogFiles.HASHES_MAGIC);
        AtomicFile.writeOwnerOnly(entriesFile, LogFiles.ENTRIES_MAGIC);
    }

    private static void lock(FileChannel ch, Path dir) throws IOException {
        FileLock fl;
        try {
            fl = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            fl = null;
        }
        if (fl == null) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot open Merkle log " + dir
                    + ": it is open elsewhere (locked)");
        }
    }

    private static void closeQuietly(FileChannel... channels) {
        for (FileChannel c : channels) {
            if (c == null) continue;
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do with a channel that is going away
            }
        }
    }
}
