package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** One file of a model to hash: its resource name (relative POSIX path, {@code "."} for a single-file model), where it is read from, and its size. */
public record ModelFile(String name, Path path, long size) {
    public ModelFile {
        requireNonNull(name, "name");
        requireNonNull(path, "path");
    }
}
