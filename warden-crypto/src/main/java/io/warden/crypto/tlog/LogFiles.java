package io.warden.crypto.tlog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The two files of a Merkle log directory and their encoding (see {@code docs/audit-log.md}).
 *
 * <pre>
 * entries: "WTLOGE1\n", then per entry: length (u32, big-endian, at most 1 MiB) || entry bytes ||
 *          CRC-32C of (length || entry bytes) (u32, big-endian)
 * hashes:  "WTLOGH1\n", then 32-byte SHA-256 hashes in {@link HashLayout}'s order
 * </pre>
 */
final class LogFiles {
    static final String ENTRIES = "entries";
    static final String HASHES = "hashes";
    static final byte[] ENTRIES_MAGIC = "WTLOGE1\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HASHES_MAGIC = "WTLOGH1\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = 8;
    static final int MAX_ENTRY_BYTES = 1 << 20;
    /** The length field and the checksum around each entry. */
    static final int RECORD_OVERHEAD = 8;
    private static final int HASH = MerkleHashes.HASH_BYTES;

    private LogFiles() {}

    /** Appends the record of {@code entry} to {@code out}. */
    static void putRecord(ByteBuffer out, byte[] entry) {
        int start = out.position();
        out.putInt(entry.length).put(entry);
        out.putInt(crc(out, start, 4 + entry.length));
    }

    /** The byte offset of stored hash number {@code index} in the hash file. */
    static long hashOffset(long index) {
        return HEADER_BYTES + HASH * index;
    }

    /** MALFORMED_INPUT unless {@code ch} starts with {@code magic}. */
    static void checkHeader(FileChannel ch, byte[] magic, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        readFully(ch, b, 0);
        if (b.position() < HEADER_BYTES || !Arrays.equals(b.array(), magic)) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, file + " is not a Warden Merkle log file (wrong header)");
        }
    }

    /**
     * How many whole hashes the hash file holds, not counting trailing hashes of 32 zero bytes: SHA-256 never gives
     * those, but a crash can leave the blocks of an unfinished write reading as zeros.
     */
    static long storedHashes(FileChannel hashes) throws IOException {
        long n = Math.max(0, (hashes.size() - HEADER_BYTES) / HASH);
        ByteBuffer b = ByteBuffer.allocate(HASH);
        while (n > 0) {
            b.clear();
            readFully(hashes, b, hashOffset(n - 1));
            if (!allZero(b.array())) break;
            n--;
        }
        return n;
    }

    /** Reads stored hash number {@code index}; the caller knows it exists. */
    static byte[] readHash(FileChannel hashes, long index) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HASH);
        readFully(hashes, b, hashOffset(index));
        if (b.hasRemaining()) throw new IOException("the hash file ends before hash " + index);
        return b.array();
    }

    /** Reads into {@code b} from {@code position} until it is full or the file ends. */
    static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, position + b.position());
            if (n < 0) return;
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) at += ch.write(b, at);
    }

    /** A short reason for a failed file operation, without a stack trace. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way of the directory";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static int crc(ByteBuffer b, int start, int length) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate().position(start).limit(start + length));
        return (int) c.getValue();
    }

    /** One record read from the entries file: its entry, or what is wrong with it. */
    record Record(long offset, byte[] entry, String damage) {}

    /** Reads the entries file's records in order, from just after the header. Not thread-safe. */
    static final class RecordReader {
        private static final int BUFFER = 1 << 20;
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).flip();
        private long fileOffset = HEADER_BYTES; // of buf's first unread byte
        private final CRC32C crc = new CRC32C();

        RecordReader(FileChannel ch) {
            this.ch = ch;
        }

        /** The next record, or null at the end of the file. */
        Record next() throws IOException {
            long offset = fileOffset;
            byte[] len = take(4);
            if (len.length == 0) return null;
            if (len.length < 4) return new Record(offset, null, "the file ends inside its length field");
            int n = ByteBuffer.wrap(len).getInt();
            if (n < 0 || n > MAX_ENTRY_BYTES) {
                return new Record(offset, null, "its length " + Integer.toUnsignedString(n) + " is over the limit of "
                        + MAX_ENTRY_BYTES + " bytes");
            }
            byte[] entry = take(n);
            byte[] sum = entry.length == n ? take(4) : new byte[0];
            if (sum.length < 4) return new Record(offset, null, "the file ends inside it");
            crc.reset();
            crc.update(len);
            crc.update(entry);
            if ((int) crc.getValue() != ByteBuffer.wrap(sum).getInt()) {
                return new Record(offset, null, "its checksum does not match");
            }
            return new Record(offset, entry, null);
        }

        /** Up to {@code n} bytes; fewer only at the end of the file. */
        private byte[] take(int n) throws IOException {
            byte[] out = new byte[n];
            int got = 0;
            while (got < n) {
                if (!buf.hasRemaining()) {
                    long at = fileOffset;
                    buf.clear();
                    readFully(ch, buf, at);
                    buf.flip();
                    if (!buf.hasRemaining()) break;
                }
                int k = Math.min(n - got, buf.remaining());
                buf.get(out, got, k);
                got += k;
                fileOffset += k;
            }
            return got == n ? out : Arrays.copyOf(out, got);
        }
    }

    /** Reads stored hashes in order from the hash file's start. Not thread-safe. */
    static final class HashReader {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(HASH * 8192).flip();
        private long next; // index of the hash at buf's position

        HashReader(FileChannel ch) {
            this.ch = ch;
        }

        /** The next stored hash; the caller knows it exists. */
        byte[] next() throws IOException {
            if (buf.remaining() < HASH) {
                buf.clear();
                readFully(ch, buf, hashOffset(next));
                buf.flip();
                if (buf.remaining() < HASH) throw new IOException("the hash file ends before hash " + next);
            }
            byte[] h = new byte[HASH];
            buf.get(h);
            next++;
            return h;
        }
    }
}
