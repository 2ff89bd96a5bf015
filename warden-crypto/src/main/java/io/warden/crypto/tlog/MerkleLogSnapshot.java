package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Consistent copies of a Merkle log that may be live (held open and growing in another process): the tree head of
 * what it has acknowledged, and a copy of exactly its first N entries. What backups use.
 *
 * <p>Reads the log's files without locking or changing them. The writer forces entries to disk before it writes their
 * hashes, and the hashes before it acknowledges; so the entries the hash file covers are whole and durable, and an
 * append under way (a torn tail, hashes not yet written) is simply not part of the snapshot. Every entry read is
 * checked against the hashes the log stored for it: a log altered behind the writer's back is refused, never copied
 * into a fresh, self-consistent log.
 */
public final class MerkleLogSnapshot {
    private MerkleLogSnapshot() {}

    /**
     * The size and root of the entries the log in {@code dir} has acknowledged (those its hash file covers), computed
     * from the entries themselves.
     *
     * @throws WardenException INPUT_NOT_FOUND when there is no log; MALFORMED_INPUT when the files are not a Merkle
     *     log; VERIFICATION_FAILED when an acknowledged entry is damaged, missing or differs from its stored hashes
     */
    public static TreeHead acknowledgedHead(Path dir) {
        requireNonNull(dir, "dir");
        try (ReadOnlyLog log = ReadOnlyLog.open(dir)) {
            long covered = HashLayout.entriesCovered(LogFiles.storedHashes(log.hashes));
            return read(dir, log, covered, null).treeHead();
        } catch (IOException e) {
            throw cannotRead(dir, e);
        }
    }

    /**
     * Writes a new log in {@code to} (a directory that does not exist yet) holding exactly the first {@code size}
     * acknowledged entries of the log in {@code from}: their records and stored hashes, byte for byte, forced to disk
     * and readable by their owner only. Returns its tree head.
     *
     * <p>On failure {@code to} may be left half-written: write into a temporary directory and rename it.
     *
     * @throws WardenException as {@link #acknowledgedHead}, and VERIFICATION_FAILED when the log has acknowledged
     *     fewer than {@code size} entries; OUTPUT_FAILED when {@code to} exists or cannot be written
     */
    public static TreeHead copy(Path from, long size, Path to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (size < 0) throw new IllegalArgumentException("a log size is never negative");
        try (ReadOnlyLog log = ReadOnlyLog.open(from)) {
            long covered = HashLayout.entriesCovered(LogFiles.storedHashes(log.hashes));
            if (covered < size) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, "Merkle log " + from + " has acknowledged "
                        + covered + " entries, fewer than the " + size + " to copy");
            }
            try {
                Files.createDirectory(to);
            } catch (IOException e) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot create " + to + ": " + LogFiles.reason(e));
            }
            try (FileChannel entries = create(to.resolve(LogFiles.ENTRIES));
                    FileChannel hashes = create(to.resolve(LogFiles.HASHES))) {
                entries.write(ByteBuffer.wrap(LogFiles.ENTRIES_MAGIC));
                MerkleAccumulator tree = read(from, log, size, entries);
                long hashBytes = HashLayout.storedHashCount(size) * MerkleHashes.HASH_BYTES;
                hashes.write(ByteBuffer.wrap(LogFiles.HASHES_MAGIC));
                long copied = log.hashes.transferTo(LogFiles.HEADER_BYTES, hashBytes, hashes);
                if (copied != hashBytes) throw new IOException("the hash file ended while it was copied");
                entries.force(true);
                hashes.force(true);
                return tree.treeHead();
            } catch (IOException e) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write the copy of Merkle log " + from
                        + " in " + to + ": " + LogFiles.reason(e), e);
            }
        } catch (IOException e) {
            throw cannotRead(from, e);
        }
    }

    /**
     * Reads the first {@code count} entries, checking each against the stored hashes; copies their records to
     * {@code out} when it is not null.
     */
    private static MerkleAccumulator read(Path dir, ReadOnlyLog log, long count, FileChannel out) throws IOException {
        LogFiles.RecordReader records = new LogFiles.RecordReader(log.entries);
        LogFiles.HashReader stored = new LogFiles.HashReader(log.hashes);
        MerkleAccumulator tree = new MerkleAccumulator();
        ByteBuffer buf = out == null ? null : ByteBuffer.allocate(2 * LogFiles.MAX_ENTRY_BYTES);
        for (long i = 0; i < count; i++) {
            LogFiles.Record r = records.next();
            if (r == null) throw broken(dir, "its hash file covers " + count + " entries but it holds only " + i);
            if (r.damage() != null) {
                throw broken(dir, "entry " + i + " (byte offset " + r.offset() + ") is damaged: " + r.damage());
            }
            long index = i;
            IOException[] failed = {null};
            tree.add(MerkleHashes.leafHash(r.entry()), h -> {
                try {
                    if (!MessageDigest.isEqual(h, stored.next())) {
                        throw broken(dir, "entry " + index + " (byte offset " + r.offset()
                                + ") does not match the hash stored for it");
                    }
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) throw failed[0];
            if (out != null) {
                if (buf.remaining() < r.entry().length + LogFiles.RECORD_OVERHEAD) drain(buf, out);
                LogFiles.putRecord(buf, r.entry());
            }
        }
        if (out != null) drain(buf, out);
        return tree;
    }

    private static void drain(ByteBuffer buf, FileChannel out) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) out.write(buf);
        buf.clear();
    }

    private static FileChannel create(Path file) throws IOException {
        var options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
    }

    private static WardenException broken(Path dir, String why) {
        return new WardenException(ErrorCode.VERIFICATION_FAILED, "Merkle log " + dir + ": " + why
                + " (the log was altered or damaged)");
    }

    private static WardenException cannotRead(Path dir, IOException e) {
        return new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read Merkle log " + dir + ": "
                + LogFiles.reason(e), e);
    }

    /** A log's two files, opened for reading only, their headers checked. */
    private record ReadOnlyLog(FileChannel entries, FileChannel hashes) implements AutoCloseable {
        static ReadOnlyLog open(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "Merkle log " + dir + " does not exist");
            }
            FileChannel e = null;
            ReadOnlyLog log;
            try {
                e = FileChannel.open(dir.resolve(LogFiles.ENTRIES), StandardOpenOption.READ);
                log = new ReadOnlyLog(e, FileChannel.open(dir.resolve(LogFiles.HASHES), StandardOpenOption.READ));
            } catch (IOException ex) {
                if (e != null) e.close();
                if (ex instanceof NoSuchFileException missing) {
                    throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "Merkle log " + dir + " has no file "
                            + missing.getFile());
                }
                throw ex;
            }
            try {
                LogFiles.checkHeader(log.entries, LogFiles.ENTRIES_MAGIC, dir.resolve(LogFiles.ENTRIES));
                LogFiles.checkHeader(log.hashes, LogFiles.HASHES_MAGIC, dir.resolve(LogFiles.HASHES));
                return log;
            } catch (IOException | RuntimeException ex) {
                log.close();
                throw ex;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                entries.close();
            } finally {
                hashes.close();
            }
        }
    }
}
