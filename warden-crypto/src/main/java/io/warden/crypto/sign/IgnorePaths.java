package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Paths inside a model that are not signed: relative POSIX paths, each covering itself and everything below it
 * ({@code .git} covers {@code .git/HEAD}), as {@code model_signing}'s {@code ignore_paths}.
 *
 * <p>Kept in the order given, without duplicates: the order they are written to the statement.
 */
public final class IgnorePaths {
    /** What model_signing ignores unless told otherwise: git's files. */
    public static final List<String> GIT = List.of(".git", ".gitattributes", ".github", ".gitignore");

    private static final IgnorePaths NONE = new IgnorePaths(List.of());

    private final List<String> paths;

    private IgnorePaths(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /** No paths ignored. */
    public static IgnorePaths none() {
        return NONE;
    }

    /** The given relative paths; BAD_USAGE for an absolute path, one with {@code ..}, or one naming the model itself. */
    public static IgnorePaths of(Collection<String> relative) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : relative) {
            String n = normalize(p);
            if (n == null) {
                throw new WardenException(ErrorCode.BAD_USAGE, "ignore path " + DisplayNames.of(p)
                        + " must be a path inside the model (relative, without '..', not the model itself)");
            }
            out.add(n);
        }
        return new IgnorePaths(new ArrayList<>(out));
    }

    /**
     * The ignore paths a signature lists. Entries that cannot name anything inside the model (absolute, with
     * {@code ..}) are dropped; one that names the model itself would ignore every file and is refused.
     */
    static IgnorePaths fromSignature(List<String> signed) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : signed) {
            String n = normalize(p);
            if (n != null) {
                out.add(n);
            } else if (namesTheModel(p)) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, "the signed statement is not usable: its "
                        + "ignore path " + DisplayNames.of(p) + " would ignore the whole model");
            }
        }
        return new IgnorePaths(new ArrayList<>(out));
    }

    /**
     * The ignore paths of a sign or verify run on {@code model}: each of {@code given} (paths as typed on the command
     * line: relative to the working directory, or absolute) made relative to the model; then {@code signature} when
     * it lies inside the model; then {@link #GIT} when {@code ignoreGit}. BAD_USAGE for a given path outside the model.
     */
    public static IgnorePaths forModel(Path model, List<Path> given, Path signature, boolean ignoreGit) {
        requireNonNull(model, "model");
        List<String> out = new ArrayList<>();
        Path root = realOrAbsolute(model);
        for (Path p : given) {
            String rel = relativeInside(root, p);
            if (rel == null || rel.isEmpty()) {
                throw new WardenException(ErrorCode.BAD_USAGE, "ignore path " + p + " is not inside " + model
                        + " (paths are taken like PATH itself: relative to the working directory)");
            }
            out.add(rel);
        }
        if (signature != null) {
            String rel = relativeInside(root, signature);
            if (rel != null && !rel.isEmpty()) out.add(rel);
        }
        if (ignoreGit) out.addAll(GIT);
        return of(out);
    }

    /** These paths and then {@code more}'s. */
    public IgnorePaths plus(IgnorePaths more) {
        Set<String> all = new LinkedHashSet<>(paths);
        all.addAll(more.paths);
        return new IgnorePaths(new ArrayList<>(all));
    }

    /** Whether {@code name} (a relative POSIX path) is one of these paths or lies below one. */
    public boolean ignores(String name) {
        for (String p : paths) {
            if (name.equals(p) || (name.startsWith(p) && name.length() > p.length() && name.charAt(p.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** The paths, in order. */
    public List<String> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return "IgnorePaths" + paths;
    }

    /** The path without "." components, repeated or trailing slashes; null when absolute, empty or with "..". */
    static String normalize(String p) {
        if (p == null || p.startsWith("/")) return null;
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) return null;
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** Whether {@code p} is "", "." or "./": the model itself. */
    private static boolean namesTheModel(String p) {
        if (p.startsWith("/")) return false;
        for (String part : p.split("/")) if (!part.isEmpty() && !part.equals(".")) return false;
        return true;
    }

    private static String relativeInside(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent != null && abs.getFileName() != null && Files.isDirectory(parent)) {
            abs = realOrAbsolute(parent).resolve(abs.getFileName()); // the last component itself is not followed
        }
        if (!abs.startsWith(root)) return null;
        return root.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
