package io.warden.crypto.tlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads and damages a Merkle log's real files, for tests. */
final class LogTamper {
    private LogTamper() {}

    static Path entriesFile(Path dir) {
        return dir.resolve(LogFiles.ENTRIES);
    }

    static Path hashesFile(Path dir) {
        return dir.resolve(LogFiles.HASHES);
    }

    /** Every whole record of the entries file, in order. */
    static List<LogFiles.Record> records(Path dir) throws IOException {
        List<LogFiles.Record> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(entriesFile(dir), StandardOpenOption.READ)) {
            LogFiles.RecordReader r = new LogFiles.RecordReader(ch);
            for (LogFiles.Record rec; (rec = r.next()) != null && rec.damage() == null; ) out.add(rec);
        }
        return out;
    }

    static List<byte[]> entries(Path dir) throws IOException {
        return records(dir).stream().map(LogFiles.Record::entry).toList();
    }

    /** The bytes of one complete record of {@code entry}. */
    static byte[] record(byte[] entry) {
        ByteBuffer b = ByteBuffer.allocate(entry.length + LogFiles.RECORD_OVERHEAD);
        LogFiles.putRecord(b, entry);
        return b.array();
    }

    /** Changes entry {@code index}'s first byte; with {@code fixChecksum}, also rewrites its checksum to match. */
    static void alterEntry(Path dir, int index, boolean fixChecksum) throws IOException {
        LogFiles.Record r = records(dir).get(index);
        byte[] changed = r.entry().clone();
        changed[0] ^= 0x01;
        byte[] rec = fixChecksum ? record(changed) : record(r.entry());
        if (!fixChecksum) rec[4] ^= 0x01;
        overwrite(entriesFile(dir), r.offset(), rec);
    }

    static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            LogFiles.writeFully(ch, ByteBuffer.wrap(bytes), offset);
        }
    }

    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** Rewrites the hash file from the entries, as someone rewriting the whole log would. */
    static void rewriteHashes(Path dir) throws IOException {
        MemoryTree t = MemoryTree.of(entries(dir));
        ByteBuffer b = ByteBuffer.allocate(8 + 32 * t.stored.size()).put(LogFiles.HASHES_MAGIC);
        t.stored.forEach(b::put);
        Files.write(hashesFile(dir), b.array());
    }
}
