package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files of a model the way the {@code files} serialization sees them: every regular file below the root
 * (hidden ones too), minus the ignore paths, named by its relative POSIX path and sorted by {@link PathOrder}; a
 * model that is a single file is the one resource {@code "."}.
 *
 * <p>Symbolic links are refused unless allowed; an allowed link is signed as the file it points to, which must be a
 * regular file inside the model (links out of the model, to directories, or dangling are refused). Sockets, pipes
 * and devices are refused. Refusals are MALFORMED_INPUT, unreadable entries INPUT_NOT_FOUND.
 */
final class ModelWalker {
    private ModelWalker() {}

    static List<ModelFile> list(Path model, IgnorePaths ignore, boolean allowSymlinks) {
        requireNonNull(model, "model");
        requireNonNull(ignore, "ignore");
        if (!Files.exists(model, LinkOption.NOFOLLOW_LINKS)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, model + " does not exist");
        }
        Path root;
        try {
            root = model.toRealPath();
        } catch (IOException e) {
            throw unreadable(model, e);
        }
        if (Files.isRegularFile(root)) return List.of(new ModelFile(".", root, size(root)));
        if (!Files.isDirectory(root)) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, model + " is not a regular file or directory");
        }
        List<ModelFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !ignore.ignores(name(root, dir)) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = name(root, file);
                    if (ignore.ignores(name)) return FileVisitResult.CONTINUE;
                    Path shown = model.resolve(name);
                    if (attrs.isRegularFile()) {
                        files.add(new ModelFile(name, file, attrs.size()));
                    } else if (attrs.isSymbolicLink()) {
                        files.add(symlink(root, model, name, file, shown, allowSymlinks));
                    } else {
                        throw new WardenException(ErrorCode.MALFORMED_INPUT, shown
                                + " is not a regular file (a socket, pipe or device); ignore it or move it out");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw unreadable(model.resolve(name(root, file)), e);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) throw unreadable(model.resolve(name(root, dir)), e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw unreadable(model, e);
        } catch (UncheckedIOException e) {
            throw unreadable(model, e.getCause());
        }
        files.sort(Comparator.comparing(ModelFile::name, PathOrder.INSTANCE));
        return files;
    }

    private static ModelFile symlink(Path root, Path model, String name, Path link, Path shown, boolean allowed) {
        if (!allowed) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, shown + " is a symbolic link; allow symbolic links "
                    + "(--allow-symlinks) to sign the file it points to, or ignore it");
        }
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, shown + " is a dangling symbolic link");
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
        if (!target.startsWith(root)) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, shown + " is a symbolic link that escapes " + model
                    + "; only links to files inside the model are followed");
        }
        if (!Files.isRegularFile(target)) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, shown + " is a symbolic link to a directory or "
                    + "special file; only links to regular files are followed");
        }
        return new ModelFile(name, target, size(target));
    }

    private static String name(Path root, Path p) {
        return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw unreadable(p, e);
        }
    }

    static WardenException unreadable(Path p, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "it disappeared while being read"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getClass().getSimpleName();
        return new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + p + ": " + why);
    }
}
