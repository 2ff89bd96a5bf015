package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

/**
 * One signed file: its path relative to the model root (POSIX separators; {@code "."} when the model is a single
 * file), the hash algorithm and the digest in lowercase hex — an OMS {@code resources} entry.
 */
public record Resource(String name, String algorithm, String digest) {
    /** The only algorithm Warden hashes with. */
    public static final String SHA256 = "sha256";

    public Resource {
        requireNonNull(name, "name");
        requireNonNull(algorithm, "algorithm");
        requireNonNull(digest, "digest");
    }

    /** A SHA-256 resource. */
    public static Resource sha256(String name, String digestHex) {
        return new Resource(name, SHA256, digestHex);
    }
}
