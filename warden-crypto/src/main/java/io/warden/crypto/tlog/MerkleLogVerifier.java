package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;

/**
 * Offline checks of a Merkle log against signed checkpoints: what {@code warden audit verify} runs.
 *
 * <p>A check reads the log's files without locking or changing them (a live log may be checked while it grows) and
 * returns a {@link Result}: whether the checkpoint's signature holds and the entries hash to its root, and if not,
 * what is wrong and, when it can be told, the first entry that does not match. It throws only when it cannot check
 * at all: a malformed checkpoint (MALFORMED_INPUT), a missing log (INPUT_NOT_FOUND), files that are not a log
 * (MALFORMED_INPUT).
 */
public final class MerkleLogVerifier {
    private MerkleLogVerifier() {}

    /**
     * The outcome of a check.
     *
     * @param checkpoint the checkpoint checked against (the newer one for consistency), or null when its signature
     *     failed
     * @param entriesChecked how many entries were read and hashed (0 for consistency checks)
     * @param firstBadEntry the index of the first entry that is missing, damaged or differs from the hashes the log
     *     stored for it; -1 when none is known
     * @param problem what is wrong, one line; null when the check passed
     */
    public record Result(Checkpoint checkpoint, long entriesChecked, long firstBadEntry, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Checks {@code signedCheckpoint} with {@code key}, then that the first N entries of the log in {@code logDir}
     * (N the checkpoint's size) hash to its root; also compares each entry with the hashes the log stored for it, to
     * name the first entry that differs.
     */
    public static Result verify(Path logDir, byte[] signedCheckpoint, NoteVerifier key) {
        requireNonNull(logDir, "logDir");
        Checkpoint c;
        try {
            c = Checkpoint.open(signedCheckpoint, key);
        } catch (WardenException e) {
            return failedSignature(e);
        }
        try (LogFilesReadOnly log = LogFilesReadOnly.open(logDir)) {
            LogFiles.RecordReader records = new LogFiles.RecordReader(log.entries);
            LogFiles.HashReader stored = new LogFiles.HashReader(log.hashes);
            MerkleAccumulator tree = new MerkleAccumulator();
            long[] firstDiffering = {-1};
            for (long i = 0; i < c.size(); i++) {
                LogFiles.Record r = records.next();
                if (r == null) {
                    return new Result(c, i, i, "the log holds " + i + " entries but the checkpoint covers " + c.size());
                }
                if (r.damage() != null) {
                    return new Result(c, i, i, "entry " + i + " (byte offset " + r.offset() + ") is damaged: "
                            + r.damage());
                }
                long index = i;
                boolean compare = i < log.covered;
                tree.add(MerkleHashes.leafHash(r.entry()), h -> {
                    if (compare && !MessageDigest.isEqual(h, next(stored)) && firstDiffering[0] < 0) {
                        firstDiffering[0] = index;
                    }
                });
            }
            long bad = firstDiffering[0];
            if (MessageDigest.isEqual(tree.root(), c.root())) {
                if (bad < 0) return new Result(c, c.size(), -1, null);
                return new Result(c, c.size(), bad, "the entries match the checkpoint, but the log's hash file differs"
                        + " from entry " + bad + " on: it is damaged");
            }
            if (bad >= 0) {
                return new Result(c, c.size(), bad, "the first " + c.size() + " entries do not hash to the checkpoint's "
                        + "root; entry " + bad + " is the first that differs from the hashes the log stored");
            }
            return new Result(c, c.size(), -1, "the first " + c.size() + " entries do not hash to the checkpoint's "
                    + "root, though they agree with the log's own hashes: the log was rewritten, or the checkpoint "
                    + "is another log's");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotRead(logDir, e);
        }
    }

    /** Checks {@code signedCheckpoint} with {@code key}, then that the first N of {@code entries} hash to its root. */
    public static Result verify(Iterator<byte[]> entries, byte[] signedCheckpoint, NoteVerifier key) {
        requireNonNull(entries, "entries");
        Checkpoint c;
        try {
            c = Checkpoint.open(signedCheckpoint, key);
        } catch (WardenException e) {
            return failedSignature(e);
        }
        MerkleAccumulator tree = new MerkleAccumulator();
        while (tree.size() < c.size()) {
            if (!entries.hasNext()) {
                return new Result(c, tree.size(), tree.size(), "there are " + tree.size()
                        + " entries but the checkpoint covers " + c.size());
            }
            tree.add(MerkleHashes.leafHash(entries.next()));
        }
        if (MessageDigest.isEqual(tree.root(), c.root())) return new Result(c, c.size(), -1, null);
        return new Result(c, c.size(), -1, "the first " + c.size() + " entries do not hash to the checkpoint's root");
    }

    /**
     * Checks both checkpoints with {@code key}, then that the newer one extends the older, with a consistency proof
     * computed from the hashes stored in {@code logDir} (the proof need not be trusted: it is verified).
     */
    public static Result verifyConsistency(Path logDir, byte[] older, byte[] newer, NoteVerifier key) {
        requireNonNull(logDir, "logDir");
        Checkpoint o;
        Checkpoint n;
        try {
            o = Checkpoint.open(older, key);
            n = Checkpoint.open(newer, key);
        } catch (WardenException e) {
            return failedSignature(e);
        }
        if (o.size() == 0 || o.size() > n.size()) return consistency(o, n, List.of());
        try (LogFilesReadOnly log = LogFilesReadOnly.open(logDir)) {
            if (n.size() > log.covered) {
                return new Result(n, 0, -1, "the log's hashes cover " + log.covered + " entries, fewer than the newer "
                        + "checkpoint's " + n.size() + ": no consistency proof can be computed");
            }
            return consistency(o, n, log.proofs().consistency(o.size(), n.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw cannotRead(logDir, e);
        }
    }

    /** Checks both checkpoints with {@code key}, then that {@code proof} shows the newer one extends the older. */
    public static Result verifyConsistency(byte[] older, byte[] newer, List<byte[]> proof, NoteVerifier key) {
        requireNonNull(proof, "proof");
        try {
            return consistency(Checkpoint.open(older, key), Checkpoint.open(newer, key), proof);
        } catch (WardenException e) {
            if (e.code() != ErrorCode.VERIFICATION_FAILED) throw e;
            return failedSignature(e);
        }
    }

    private static Result consistency(Checkpoint o, Checkpoint n, List<byte[]> proof) {
        if (o.size() == 0 && n.size() > 0 && proof.isEmpty()) {
            // Every tree extends the empty one; only the older root needs to be right.
            return MessageDigest.isEqual(o.root(), MerkleHashes.emptyRoot()) ? new Result(n, 0, -1, null)
                    : new Result(n, 0, -1, "the older checkpoint has size 0 but not the empty tree's root");
        }
        try {
            MerkleProofs.verifyConsistency(o.size(), n.size(), o.root(), n.root(), proof);
            return new Result(n, 0, -1, null);
        } catch (WardenException e) {
            return new Result(n, 0, -1, "the newer checkpoint (size " + n.size() + ") does not extend the older (size "
                    + o.size() + "): " + e.getMessage());
        }
    }

    private static Result failedSignature(WardenException e) {
        if (e.code() != ErrorCode.VERIFICATION_FAILED) throw e;
        return new Result(null, 0, -1, e.getMessage());
    }

    private static byte[] next(LogFiles.HashReader stored) {
        try {
            return stored.next();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WardenException cannotRead(Path dir, Exception e) {
        IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
        return new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read Merkle log " + dir + ": "
                + LogFiles.reason(io), e);
    }

    /** A log's files opened for reading only, and how many entries its hash file covers. */
    private static final class LogFilesReadOnly implements AutoCloseable {
        final FileChannel entries;
        final FileChannel hashes;
        final long covered;

        private LogFilesReadOnly(FileChannel entries, FileChannel hashes, long covered) {
            this.entries = entries;
            this.hashes = hashes;
            this.covered = covered;
        }

        static LogFilesReadOnly open(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "Merkle log " + dir + " does not exist");
            }
            FileChannel e = null;
            try {
                e = FileChannel.open(dir.resolve(LogFiles.ENTRIES), StandardOpenOption.READ);
                FileChannel h = FileChannel.open(dir.resolve(LogFiles.HASHES), StandardOpenOption.READ);
                try {
                    LogFiles.checkHeader(e, LogFiles.ENTRIES_MAGIC, dir.resolve(LogFiles.ENTRIES));
                    LogFiles.checkHeader(h, LogFiles.HASHES_MAGIC, dir.resolve(LogFiles.HASHES));
                    return new LogFilesReadOnly(e, h, HashLayout.entriesCovered(LogFiles.storedHashes(h)));
                } catch (IOException | RuntimeException ex) {
                    h.close();
                    throw ex;
                }
            } catch (NoSuchFileException ex) {
                if (e != null) e.close();
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "Merkle log " + dir + " has no file "
                        + ex.getFile());
            } catch (IOException | RuntimeException ex) {
                if (e != null) e.close();
                throw ex;
            }
        }

        ProofBuilder proofs() {
            return new ProofBuilder(i -> {
                try {
                    return LogFiles.readHash(hashes, i);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
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
