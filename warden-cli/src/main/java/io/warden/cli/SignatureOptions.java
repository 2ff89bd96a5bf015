package io.warden.cli;

import io.warden.crypto.sign.IgnorePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options {@code warden sign} and {@code warden verify} share: where the bundle is, what to leave out, links. */
final class SignatureOptions {
    @Option(names = {"--sig", "--signature"}, paramLabel = "FILE",
            description = "The signature bundle (default: PATH/model.sig for a directory, PATH.sig for a file).")
    Path sig;

    @Option(names = {"--ignore", "--ignore-paths"}, paramLabel = "PATH",
            description = "A file or directory inside PATH to leave out (repeatable); written like PATH itself, "
                    + "relative to the working directory. The signature file is always left out, git's files unless --no-ignore-git-paths.")
    List<Path> ignore = new ArrayList<>();

    @Option(names = "--no-ignore-git-paths",
            description = "Sign or check .git, .gitattributes, .github and .gitignore too (left out by default).")
    boolean noIgnoreGit;

    @Option(names = "--allow-symlinks",
            description = "Follow symbolic links to files inside PATH (refused by default; links out of PATH always).")
    boolean allowSymlinks;

    /** The bundle's path: the option, or {@code model.sig} inside a directory, or {@code FILE.sig} next to a file. */
    Path signature(Path model) {
        if (sig != null) return sig;
        return Files.isDirectory(model) ? model.resolve("model.sig") : Path.of(model + ".sig");
    }

    IgnorePaths ignorePaths(Path model) {
        return IgnorePaths.forModel(model, ignore, signature(model), !noIgnoreGit);
    }

    /**
     * The throughput as {@code " (2.41 GB/s)"} (decimal units, as disks and sha256sum users count), or nothing for runs
     * under half a second, where start-up dominates and the figure would mislead.
     */
    static String rate(long bytes, long nanos) {
        if (nanos < 500_000_000L) return "";
        return String.format(Locale.ROOT, " (%.2f GB/s)", bytes / (nanos / 1e9) / 1e9);
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        if (bytes >= 1_000_000L) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return bytes + " bytes";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
