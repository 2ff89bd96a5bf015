package io.warden.server.backup;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.server.backup.BackupManifest.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The file work of backups and restores: copies that hash what they write and force it to disk, a whole directory
 * made in a temporary sibling and renamed into place at the end (or deleted on failure), and walks that never follow
 * a symbolic link.
 */
final class BackupFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    private BackupFiles() {}

    /** Something that writes a file's content to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Copies the first {@code limit} bytes of {@code from} (all of it when negative) to {@code root/path}, owner-only when
     * asked, and returns what was written.
     */
    static FileEntry copy(Path from, Path root, String path, boolean ownerOnly, long limit) {
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS)) {
            return write(root, path, ownerOnly, out -> {
                byte[] buf = new byte[BUFFER];
                long left = limit < 0 ? Long.MAX_VALUE : limit;
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                    out.write(buf, 0, n);
                }
            });
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, from + " does not exist");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + from + " (" + reason(e) + ")");
        }
    }

    /** Writes a new file {@code root/path} (making its directories), forced to disk; returns its size and SHA-256. */
    static FileEntry write(Path root, String path, boolean ownerOnly, Content content) {
        Path file = resolve(root, path);
        MessageDigest md = FileDigest.sha256();
        try {
            Files.createDirectories(file.getParent());
            var options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel ch = ownerOnly && posix(file)
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, options)) {
                OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(
                        Channels.newOutputStream(ch), BUFFER), md);
                content.writeTo(out);
                out.flush();
                ch.force(true);
                return new FileEntry(path, ch.size(), HexFormat.of().formatHex(md.digest()));
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + file + " (" + reason(e) + ")");
        }
    }

    /** The size and SHA-256 of {@code root/path}, read without following a symbolic link. */
    static FileEntry hash(Path root, String path) {
        Path file = resolve(root, path);
        MessageDigest md = FileDigest.sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + " (" + reason(e) + ")");
        }
        return new FileEntry(path, size, HexFormat.of().formatHex(md.digest()));
    }

    /**
     * Every regular file under {@code root}, as '/'-separated relative paths, sorted.
     *
     * @throws WardenException VERIFICATION_FAILED naming a symbolic link or anything else that is neither a file nor
     *     a directory
     */
    static List<String> walk(Path root) {
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(root, file);
                    if (!attrs.isRegularFile()) {
                        throw new WardenException(ErrorCode.VERIFICATION_FAILED, rel + " is "
                                + (attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                                + "; a backup holds only files");
                    }
                    out.add(rel);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot list " + root + " (" + reason(e) + ")");
        }
        out.sort(null);
        return out;
    }

    /** Whether {@code path} is {@code dir} or lies under it (by their absolute, normalized names). */
    static boolean within(Path path, Path dir) {
        return path.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    /** Forces {@code file}'s content to disk. */
    static void force(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + file + " (" + reason(e) + ")");
        }
    }

    /** Whether {@code file} is readable and writable by its owner alone (false where there are no POSIX modes). */
    static boolean isOwnerOnly(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return p.stream().allMatch(x -> x.name().startsWith("OWNER"));
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** A new empty directory beside {@code target}, readable by its owner only, for building {@code target} in. */
    static Path temporarySibling(Path target, String purpose) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) throw new WardenException(ErrorCode.BAD_USAGE, target + " has no parent directory");
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        Path temp = parent.resolve("." + absolute.getFileName() + "." + purpose + "-" + HexFormat.of().formatHex(r)
                + ".tmp");
        try {
            Files.createDirectories(parent);
            if (posix(parent)) {
                Files.createDirectory(temp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(temp);
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot create a directory beside " + target + " ("
                    + reason(e) + ")");
        }
        return temp;
    }

    /** Forces every directory under {@code temp} to disk, then renames it to {@code target} in one step. */
    static void publish(Path temp, Path target) {
        try {
            List<Path> dirs = new ArrayList<>();
            Files.walkFileTree(temp, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    dirs.add(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Path d : dirs) syncDirectory(d);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            syncDirectory(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot move the finished directory to " + target
                    + " (" + reason(e) + ")");
        }
    }

    /** Deletes {@code dir} and everything in it, as far as it can; never throws. */
    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: what is left is a hidden ".tmp" directory, never something that looks finished
        }
    }

    /** {@code root/path} for a path the {@link BackupLayout} allows ('/'-separated, no "..", never absolute). */
    static Path resolve(Path root, String path) {
        Path p = root;
        for (String part : path.split("/")) p = p.resolve(part);
        return p;
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "it exists";
        if (e instanceof java.nio.file.DirectoryNotEmptyException) return "a directory is in the way and not empty";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) parts.add(p.toString());
        return String.join("/", parts);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not possible on some platforms; the files themselves were forced
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
