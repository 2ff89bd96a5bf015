package io.warden.crypto.tlog;

import static io.warden.crypto.tlog.MerkleHashes.nodeHash;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs (RFC 9162 §2.1.3.1 and §2.1.4.1) computed from the stored hashes of complete subtrees.
 *
 * <p>Each result reads O(log n) stored hashes: a proof's siblings are complete subtrees except at most one, the
 * right part of the tree, which is itself folded from O(log n) complete subtrees.
 */
final class ProofBuilder {
    /** Reads stored hash number {@code index} (see {@link HashLayout}). */
    @FunctionalInterface
    interface StoredHashes {
        byte[] read(long index);
    }

    private final StoredHashes hashes;

    ProofBuilder(StoredHashes hashes) {
        this.hashes = hashes;
    }

    /** The root of the first {@code size} entries. */
    byte[] root(long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : subtree(0, size);
    }

    /** RFC 9162 PATH(index, D[0:size]), from the leaf's sibling up; 0 <= index < size. */
    List<byte[]> inclusion(long index, long size) {
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** RFC 9162 PROOF(size1, D[0:size2]); 0 < size1 <= size2 (empty for equal sizes). */
    List<byte[]> consistency(long size1, long size2) {
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) subproof(size1, 0, size2, true, proof);
        return proof;
    }

    private void path(long m, long lo, long hi, List<byte[]> out) {
        if (hi - lo == 1) return;
        long k = split(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(subtree(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(subtree(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) out.add(subtree(lo, hi));
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(subtree(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(subtree(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]) for a subtree of the RFC's decomposition: a stored hash when complete, else folded. */
    private byte[] subtree(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            if (lo % n != 0) throw new IllegalStateException("subtree [" + lo + ", " + hi + ") is not aligned");
            return hashes.read(HashLayout.storedHashIndex(level, lo >>> level));
        }
        long k = split(n);
        return nodeHash(subtree(lo, lo + k), subtree(lo + k, hi));
    }

    /** The largest power of two smaller than {@code n} (n >= 2). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
