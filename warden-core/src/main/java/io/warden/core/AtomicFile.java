package io.warden.core;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A file written all-or-nothing: bytes go to a temporary file in the target's directory, are fsynced, and only
 * then renamed over the target in one atomic step.
 *
 * <p>Readers of the target see either its old content or the complete new content, never a half-written file;
 * when writing fails, the temporary file is deleted and the target is untouched. Use {@link #write} when the
 * whole content is produced in one call, or {@link #open} when it streams out over a longer job (a findings
 * file filled during a scan): {@link Pending#commit()} publishes it, {@link Pending#close()} without a commit
 * discards it.
 *
 * <p>Failures surface as {@link WardenException} with {@link ErrorCode#OUTPUT_FAILED} and the message
 * {@code cannot write <path>: <reason>}.
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER_BYTES = 64 << 10;
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFile() {}

    /** Something that writes to a {@code T} and may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T t) throws IOException;
    }

    /**
     * Writes {@code target} atomically with the bytes {@code writer} puts into the stream it is given.
     *
     * <p>The stream is buffered; {@code writer} must not close it. If {@code writer} throws, nothing is left
     * behind: an {@link IOException} becomes an {@code OUTPUT_FAILED} {@link WardenException}, any other
     * exception is rethrown unchanged after the temporary file is deleted.
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) {
        requireNonNull(writer, "writer");
        try (Pending pending = open(target)) {
            try {
                writer.accept(pending.out());
            } catch (IOException e) {
                throw failed(target, e);
            }
            pending.commit();
        }
    }

    /** Writes {@code target} atomically with {@code bytes}. */
    public static void write(Path target, byte[] bytes) {
        requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} atomically with {@code bytes}, readable and writable by the owner only (mode 600) where
     * the file system has POSIX permissions: for key files.
     *
     * <p>The temporary file is created with that mode, so the content is never readable by others, not even
     * between creation and rename. On other file systems the file gets the default permissions.
     */
    public static void writeOwnerOnly(Path target, byte[] bytes) {
        requireNonNull(bytes, "bytes");
        try (Pending pending = open(target, true)) {
            try {
                pending.out().write(bytes);
            } catch (IOException e) {
                throw failed(target, e);
            }
            pending.commit();
        }
    }

    /**
     * Starts writing {@code target}: returns a handle whose stream fills a temporary file next to it.
     *
     * @throws WardenException OUTPUT_FAILED when the directory does not exist, is not writable, or the target is
     *     a directory
     */
    public static Pending open(Path target) {
        return open(target, false);
    }

    /** Like {@link #open(Path)}, for a file only its owner may read (mode 600 from the start, where POSIX). */
    public static Pending openOwnerOnly(Path target) {
        return open(target, true);
    }

    private static Pending open(Path target, boolean ownerOnly) {
        requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": not a file path");
        }
        if (!Files.isDirectory(dir)) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED,
                    "cannot write " + target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": it is a directory");
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + absolute.getFileName() + "." + randomSuffix() + ".tmp");
            try {
                // CREATE_NEW with default attributes: the file gets the same permissions (umask) as any new file,
                // unless the owner alone may read it (then mode 600 from the start where POSIX permissions exist).
                var options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel channel = ownerOnly && posix(dir)
                        ? FileChannel.open(temp, options, OWNER_ONLY)
                        : FileChannel.open(temp, options);
                return new Pending(target, absolute, temp, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) throw failed(target, e);
            } catch (IOException e) {
                throw failed(target, e);
            }
        }
    }

    /**
     * A target being written: {@link #out()} fills a temporary file that {@link #commit()} renames over the target.
     *
     * <p>Closing without a commit deletes the temporary file. Not thread-safe.
     */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path absolute;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean done;

        private Pending(Path target, Path absolute, Path temp, FileChannel channel) {
            this.target = target;
            this.absolute = absolute;
            this.temp = temp;
            this.channel = channel;
            this.out = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(channel)), BUFFER_BYTES);
        }

        /** The buffered stream to write the content to; do not close it (commit or close this handle instead). */
        public OutputStream out() {
            return out;
        }

        /**
         * The temporary file's channel, for writers that move large buffers themselves; write through this or through
         * {@link #out()}, not both. Do not close it.
         */
        public java.nio.channels.WritableByteChannel channel() {
            return new java.nio.channels.WritableByteChannel() {
                @Override
                public int write(java.nio.ByteBuffer src) throws IOException {
                    return channel.write(src);
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() {
                    // the commit closes it
                }
            };
        }

        /**
         * Flushes what was written so far and returns the temporary file, so it can be read back (checked) before
         * {@link #commit()}; the file is discarded with this handle unless committed.
         */
        public Path flushForReading() {
            if (done) throw new IllegalStateException("already committed or closed");
            try {
                out.flush();
                return temp;
            } catch (IOException e) {
                throw failed(target, e);
            }
        }

        /** Flushes, fsyncs and atomically renames the temporary file over the target. */
        public void commit() {
            if (done) throw new IllegalStateException("already committed or closed");
            try {
                out.flush();
                channel.force(true);
                channel.close();
                moveIntoPlace();
                syncDirectory(absolute.getParent());
                done = true;
            } catch (IOException e) {
                throw failed(target, e);
            } finally {
                if (!done) discard();
            }
        }

        /** Discards the temporary file unless {@link #commit()} succeeded; never throws. */
        @Override
        public void close() {
            if (!done) discard();
        }

        private void moveIntoPlace() throws IOException {
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Same directory, so this only happens on unusual file systems; a plain replace is the best left.
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private void discard() {
            done = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next; nothing of it is kept
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .tmp file is harmless and named after the target
            }
        }
    }

    /** Makes the rename itself durable; directories cannot be opened on some platforms, where this is a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported here (e.g. Windows); the file's own data was already forced
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String randomSuffix() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static WardenException failed(Path target, IOException e) {
        return new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": " + reason(e), e);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Keeps a writer from closing the channel before the commit has forced it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
