package io.warden.crypto.tlog;

import static io.warden.crypto.tlog.MerkleHashes.nodeHash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The right edge of a Merkle tree that grows one leaf at a time: the roots of its complete subtrees, one per set bit
 * of the size, which is all O(log n) state needed to append and to compute the root.
 *
 * <p>{@link #add} reports the hashes each leaf adds to the tree in {@link HashLayout}'s order. Not thread-safe.
 */
final class MerkleAccumulator {
    private final List<byte[]> edge = new ArrayList<>();
    private long size;

    /** Adds the leaf with hash {@code leafHash}, giving {@code stored} its hash and then each subtree it completes. */
    void add(byte[] leafHash, Consumer<byte[]> stored) {
        byte[] h = leafHash;
        stored.accept(h);
        for (long n = size; (n & 1) == 1; n >>>= 1) {
            h = nodeHash(edge.removeLast(), h);
            stored.accept(h);
        }
        edge.add(h);
        size++;
    }

    /** Adds a leaf, ignoring the stored hashes. */
    void add(byte[] leafHash) {
        add(leafHash, h -> {});
    }

    long size() {
        return size;
    }

    /** The root of the tree so far (the empty root for size 0). */
    byte[] root() {
        if (edge.isEmpty()) return MerkleHashes.emptyRoot();
        byte[] h = edge.getLast();
        for (int i = edge.size() - 2; i >= 0; i--) h = nodeHash(edge.get(i), h);
        return h;
    }

    TreeHead treeHead() {
        return new TreeHead(size, root());
    }
}
