package io.warden.crypto.tlog;

import static io.warden.crypto.tlog.LogFiles.hashOffset;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Checks a Merkle log's files when it is opened for appending, and brings them back to a consistent state after a
 * crash.
 *
 * <p>The writer forces entries to disk before it writes their hashes, and forces the hashes before it acknowledges
 * anything. So the entries the hash file covers were all durable once: each must still be whole, pass its checksum
 * and hash to exactly the stored hashes, or opening fails ({@code VERIFICATION_FAILED}, naming the entry). Entries
 * past that point were never acknowledged: whole ones are kept and their hashes written; the first incomplete or
 * damaged one, and everything after it, is a torn tail and is cut off.
 */
final class LogRecovery {
    /** The state a log resumes from. */
    record State(MerkleAccumulator tree, long entriesEnd, long storedHashes, long cutBytes) {}

    private LogRecovery() {}

    static State run(Path dir, FileChannel entries, FileChannel hashes) throws IOException {
        try {
            return recover(dir, entries, hashes);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static State recover(Path dir, FileChannel entries, FileChannel hashes) throws IOException {
        LogFiles.checkHeader(entries, LogFiles.ENTRIES_MAGIC, dir.resolve(LogFiles.ENTRIES));
        LogFiles.checkHeader(hashes, LogFiles.HASHES_MAGIC, dir.resolve(LogFiles.HASHES));
        long covered = HashLayout.entriesCovered(LogFiles.storedHashes(hashes));
        long coveredHashes = HashLayout.storedHashCount(covered);

        MerkleAccumulator tree = new MerkleAccumulator();
        LogFiles.RecordReader records = new LogFiles.RecordReader(entries);
        LogFiles.HashReader stored = new LogFiles.HashReader(hashes);
        TailWriter tail = null;
        long end = LogFiles.HEADER_BYTES;
        for (long i = 0; ; i++) {
            LogFiles.Record r = records.next();
            if (r == null) {
                if (i < covered) {
                    throw broken(dir, "its hash file covers " + covered + " entries but the entries file holds only "
                            + i + ": entries were removed");
                }
                break;
            }
            if (r.damage() != null) {
                if (i < covered) throw broken(dir, "entry " + i + " (byte offset " + r.offset() + ") is damaged: "
                        + r.damage());
                break; // a torn tail: cut off below
            }
            byte[] leaf = MerkleHashes.leafHash(r.entry());
            if (i < covered) {
                long index = i;
                tree.add(leaf, h -> {
                    if (!MessageDigest.isEqual(h, read(stored))) {
                        throw broken(dir, "entry " + index + " (byte offset " + r.offset()
                                + ") does not match the hash stored for it");
                    }
                });
            } else {
                if (tail == null) tail = new TailWriter(hashes, coveredHashes);
                tree.add(leaf, tail::put);
            }
            end = r.offset() + LogFiles.RECORD_OVERHEAD + r.entry().length;
        }

        long storedCount = HashLayout.storedHashCount(tree.size());
        boolean changed = false;
        long cutBytes = entries.size() - end;
        if (cutBytes != 0) {
            entries.truncate(end);
            entries.force(true);
            changed = true;
        }
        if (tail != null) tail.flush();
        if (hashes.size() != hashOffset(storedCount)) {
            hashes.truncate(hashOffset(storedCount));
            changed = true;
        }
        if (changed || tail != null) hashes.force(true);
        return new State(tree, end, storedCount, cutBytes);
    }

    private static byte[] read(LogFiles.HashReader stored) {
        try {
            return stored.next();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WardenException broken(Path dir, String why) {
        return new WardenException(ErrorCode.VERIFICATION_FAILED, "Merkle log " + dir + ": " + why
                + " (the log was altered or damaged; it is not opened)");
    }

    /** Writes the hashes of entries the hash file did not cover, after cutting it back to what it did cover. */
    private static final class TailWriter {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(MerkleHashes.HASH_BYTES * 4096);
        private long at;

        TailWriter(FileChannel ch, long from) throws IOException {
            this.ch = ch;
            this.at = hashOffset(from);
            ch.truncate(at);
        }

        void put(byte[] hash) {
            if (buf.remaining() < hash.length) flushUnchecked();
            buf.put(hash);
        }

        void flush() throws IOException {
            buf.flip();
            long n = buf.remaining();
            LogFiles.writeFully(ch, buf, at);
            at += n;
            buf.clear();
        }

        private void flushUnchecked() {
            try {
                flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
