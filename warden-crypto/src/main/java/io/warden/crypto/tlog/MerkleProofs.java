package io.warden.crypto.tlog;

import static io.warden.crypto.tlog.MerkleHashes.HASH_BYTES;
import static io.warden.crypto.tlog.MerkleHashes.nodeHash;
import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification of Merkle inclusion and consistency proofs, as RFC 9162 §2.1.3.2 and §2.1.4.2 describe them.
 *
 * <p>Every failure is a {@link WardenException} with {@link ErrorCode#VERIFICATION_FAILED} and a one-line message
 * saying what is wrong: an index outside the tree, sizes in the wrong order, a proof of the wrong length, a value that
 * is not a 32-byte hash, or a proof that does not lead to the root. Every hash must have 32 bytes, and the proof
 * exactly the number of hashes the sizes call for.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /**
     * Checks that the leaf with hash {@code leafHash} is entry {@code index} of the tree of size {@code size} whose
     * root is {@code root}.
     *
     * @param proof the sibling hashes from the leaf up, as {@link MerkleLog#inclusionProof} returns them
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireNonNull(leafHash, "leafHash");
        requireNonNull(proof, "proof");
        requireNonNull(root, "root");
        if (index < 0 || index >= size) throw failed("index " + index + " is not in a tree of size " + size);
        checkHash(leafHash, "leaf hash");
        checkHash(root, "root");
        checkHashes(proof);
        int want = inclusionProofLength(index, size);
        if (proof.size() != want) {
            throw failed("wrong inclusion proof length " + proof.size() + ": entry " + index + " of a tree of size "
                    + size + " needs " + want + " hashes");
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) throw failed("the inclusion proof is longer than the path to the root");
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) throw failed("the inclusion proof is shorter than the path to the root");
        if (!MessageDigest.isEqual(r, root)) {
            throw failed("the inclusion proof for entry " + index + " does not lead to the root of the tree of size "
                    + size);
        }
    }

    /**
     * Checks that the tree of size {@code size1} with root {@code root1} is a prefix of the tree of size {@code size2}
     * with root {@code root2}.
     *
     * <p>Equal sizes need an empty proof and equal roots. A proof from size 0 is refused: it would prove nothing,
     * since every tree extends the empty one (RFC 9162 defines proofs only for {@code 0 < size1}).
     *
     * @param proof the hashes RFC 9162 §2.1.4.1 defines, as {@link MerkleLog#consistencyProof} returns them
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        requireNonNull(root1, "root1");
        requireNonNull(root2, "root2");
        requireNonNull(proof, "proof");
        if (size1 < 0 || size2 < size1) {
            throw failed("a tree of size " + size1 + " cannot be a prefix of one of size " + size2);
        }
        checkHash(root1, "older root");
        checkHash(root2, "newer root");
        checkHashes(proof);
        if (size1 == size2) {
            if (!proof.isEmpty()) throw failed("trees of equal size need an empty consistency proof");
            if (!MessageDigest.isEqual(root1, root2)) throw failed("two trees of size " + size1 + " with different roots");
            return;
        }
        if (size1 == 0) throw failed("a consistency proof from the empty tree proves nothing");
        int want = consistencyProofLength(size1, size2);
        if (proof.size() != want) {
            throw failed("wrong consistency proof length " + proof.size() + ": sizes " + size1 + " and " + size2
                    + " need " + want + " hashes");
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) path.add(root1);
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) throw failed("the consistency proof is longer than the path to the root");
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) throw failed("the consistency proof is shorter than the path to the root");
        if (!MessageDigest.isEqual(fr, root1)) {
            throw failed("the consistency proof does not lead to the older root (size " + size1 + ")");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw failed("the consistency proof does not lead to the newer root (size " + size2 + ")");
        }
    }

    /** How many hashes the inclusion proof of entry {@code index} in a tree of {@code size} has; 0 <= index < size. */
    static int inclusionProofLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** How many hashes the consistency proof between sizes {@code 0 < size1 < size2} has. */
    static int consistencyProofLength(long size1, long size2) {
        int shift = Long.numberOfTrailingZeros(size1);
        int start = Long.bitCount(size1) == 1 ? 0 : 1;
        return start + inclusionProofLength(size1 - 1, size2) - shift;
    }

    private static void checkHashes(List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) checkHash(requireNonNull(proof.get(i), "proof hash"), "proof hash " + i);
    }

    private static void checkHash(byte[] hash, String what) {
        if (hash.length != HASH_BYTES) throw failed(what + " has " + hash.length + " bytes, not " + HASH_BYTES);
    }

    private static WardenException failed(String why) {
        return new WardenException(ErrorCode.VERIFICATION_FAILED, why);
    }
}
