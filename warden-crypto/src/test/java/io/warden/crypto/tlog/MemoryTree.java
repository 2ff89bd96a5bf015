package io.warden.crypto.tlog;

import java.util.ArrayList;
import java.util.List;

/** A Merkle tree kept in memory the way a log keeps it on disk: stored hashes in {@link HashLayout}'s order. */
final class MemoryTree {
    final List<byte[]> entries = new ArrayList<>();
    final List<byte[]> stored = new ArrayList<>();
    private final MerkleAccumulator accumulator = new MerkleAccumulator();
    final ProofBuilder proofs = new ProofBuilder(i -> stored.get(Math.toIntExact(i)));

    static MemoryTree of(List<byte[]> entries) {
        MemoryTree t = new MemoryTree();
        entries.forEach(t::add);
        return t;
    }

    void add(byte[] entry) {
        entries.add(entry);
        accumulator.add(MerkleHashes.leafHash(entry), stored::add);
    }

    long size() {
        return entries.size();
    }

    byte[] root() {
        return accumulator.root();
    }
}
