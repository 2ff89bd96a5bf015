package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Base64;

/**
 * The size of a Merkle tree and its root hash, taken together: what a checkpoint signs.
 *
 * @param size the number of entries, 0 or more
 * @param root the RFC 6962 root hash of those entries, 32 bytes
 */
public record TreeHead(long size, byte[] root) {
    public TreeHead {
        if (size < 0) throw new IllegalArgumentException("a tree size is never negative");
        requireNonNull(root, "root");
        if (root.length != MerkleHashes.HASH_BYTES) throw new IllegalArgumentException("a root hash has 32 bytes");
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead t && t.size == size && Arrays.equals(t.root, root);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "TreeHead[size " + size + ", root " + Base64.getEncoder().encodeToString(root) + "]";
    }
}
