package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a model was turned into resources, as the OMS predicate records it so a verifier can do the same:
 * {@code method} ({@code "files"}: one resource per file), {@code hash_type}, {@code allow_symlinks} and the
 * {@code ignore_paths} (relative POSIX paths; each also covers everything below it).
 */
public record Serialization(String method, String hashType, boolean allowSymlinks, List<String> ignorePaths) {
    /** One resource per file: the method Warden writes and verifies. */
    public static final String FILES = "files";

    public Serialization {
        requireNonNull(method, "method");
        requireNonNull(hashType, "hashType");
        ignorePaths = List.copyOf(ignorePaths);
    }

    /** The files method with SHA-256. */
    public static Serialization files(boolean allowSymlinks, List<String> ignorePaths) {
        return new Serialization(FILES, Resource.SHA256, allowSymlinks, ignorePaths);
    }
}
