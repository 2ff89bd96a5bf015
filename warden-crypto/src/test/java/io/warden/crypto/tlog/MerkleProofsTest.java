package io.warden.crypto.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Properties of generated proofs over random trees (fixed seeds): they verify, and any altered byte fails. */
class MerkleProofsTest {
    private static final int SIZES = 40;

    @Test
    void generatedProofs_equalRfc9162sDefinitions_forEverySizeUpTo64() {
        List<byte[]> entries = randomEntries(new Random(1), 64);
        MemoryTree tree = MemoryTree.of(entries);
        for (int n = 1; n <= 64; n++) {
            List<byte[]> d = entries.subList(0, n);
            assertThat(tree.proofs.root(n)).isEqualTo(Rfc9162.mth(d));
            for (int m = 0; m < n; m++) {
                assertThat(tree.proofs.inclusion(m, n)).containsExactlyElementsOf(Rfc9162.path(m, d));
            }
            for (int m = 1; m < n; m++) {
                assertThat(tree.proofs.consistency(m, n)).containsExactlyElementsOf(Rfc9162.proof(m, d));
            }
        }
    }

    @Test
    void everyInclusionProof_verifies_andAnyAlteredByteFails() {
        Random random = new Random(2);
        for (int trial = 0; trial < SIZES; trial++) {
            int size = trial < 10 ? trial + 1 : 1 + random.nextInt(trial < 30 ? 300 : 5000);
            MemoryTree tree = MemoryTree.of(randomEntries(random, size));
            byte[] root = tree.root();
            for (int k = 0; k < Math.min(size, 25); k++) {
                long index = k < 3 ? new long[] {0, size - 1, size / 2}[k] : random.nextInt(size);
                byte[] leaf = MerkleHashes.leafHash(tree.entries.get((int) index));
                List<byte[]> proof = tree.proofs.inclusion(index, size);
                assertThat(proof).hasSize(MerkleProofs.inclusionProofLength(index, size));
                assertThatCode(() -> MerkleProofs.verifyInclusion(index, size, leaf, proof, root))
                        .doesNotThrowAnyException();

                for (int j = 0; j < proof.size(); j++) {
                    List<byte[]> bad = alter(proof, j, random);
                    fails(() -> MerkleProofs.verifyInclusion(index, size, leaf, bad, root));
                }
                fails(() -> MerkleProofs.verifyInclusion(index, size, flip(leaf, random), proof, root));
                fails(() -> MerkleProofs.verifyInclusion(index, size, leaf, proof, flip(root, random)));
                if (size > 1) {
                    fails(() -> MerkleProofs.verifyInclusion((index + 1) % size, size, leaf, proof, root));
                }
                // (the same proof may hold for another size: a root commits to its size only through a checkpoint)
                fails(() -> MerkleProofs.verifyInclusion(index, size, leaf, append(proof, leaf), root));
                if (!proof.isEmpty()) {
                    fails(() -> MerkleProofs.verifyInclusion(index, size, leaf, proof.subList(1, proof.size()), root));
                }
            }
        }
    }

    @Test
    void everyConsistencyProof_verifies_andAnyAlteredByteFails() {
        Random random = new Random(3);
        for (int trial = 0; trial < SIZES; trial++) {
            int size2 = 2 + random.nextInt(trial < 30 ? 300 : 5000);
            MemoryTree tree = MemoryTree.of(randomEntries(random, size2));
            byte[] root2 = tree.root();
            for (int k = 0; k < 25; k++) {
                long size1 = k < 3 ? new long[] {1, size2 - 1, Long.highestOneBit(size2 - 1)}[k]
                        : 1 + random.nextInt(size2 - 1);
                byte[] root1 = tree.proofs.root(size1);
                List<byte[]> proof = tree.proofs.consistency(size1, size2);
                assertThat(proof).hasSize(MerkleProofs.consistencyProofLength(size1, size2));
                assertThatCode(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                        .doesNotThrowAnyException();

                for (int j = 0; j < proof.size(); j++) {
                    List<byte[]> bad = alter(proof, j, random);
                    fails(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, bad));
                }
                fails(() -> MerkleProofs.verifyConsistency(size1, size2, flip(root1, random), root2, proof));
                fails(() -> MerkleProofs.verifyConsistency(size1, size2, root1, flip(root2, random), proof));
                fails(() -> MerkleProofs.verifyConsistency(size2, size1, root2, root1, proof));
                fails(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, append(proof, root1)));
                fails(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, List.of()));
            }
        }
    }

    @Test
    void failures_sayWhatIsWrong_inOneLine() {
        MemoryTree tree = MemoryTree.of(randomEntries(new Random(4), 8));
        byte[] leaf = MerkleHashes.leafHash(tree.entries.get(0));
        List<byte[]> proof = tree.proofs.inclusion(0, 8);
        byte[] root = tree.root();
        fails(() -> MerkleProofs.verifyInclusion(8, 8, leaf, proof, root), "index 8 is not in a tree of size 8");
        fails(() -> MerkleProofs.verifyInclusion(-1, 8, leaf, proof, root), "index -1 is not in a tree of size 8");
        fails(() -> MerkleProofs.verifyInclusion(0, 8, leaf, proof.subList(0, 2), root),
                "wrong inclusion proof length 2: entry 0 of a tree of size 8 needs 3 hashes");
        fails(() -> MerkleProofs.verifyInclusion(0, 8, new byte[31], proof, root), "leaf hash has 31 bytes, not 32");
        fails(() -> MerkleProofs.verifyInclusion(0, 8, leaf, List.of(proof.get(0), new byte[33], proof.get(2)), root),
                "proof hash 1 has 33 bytes");
        fails(() -> MerkleProofs.verifyInclusion(1, 8, leaf, proof, root),
                "the inclusion proof for entry 1 does not lead to the root of the tree of size 8");
        byte[] root4 = tree.proofs.root(4);
        fails(() -> MerkleProofs.verifyConsistency(5, 4, root, root4, List.of()),
                "a tree of size 5 cannot be a prefix of one of size 4");
        fails(() -> MerkleProofs.verifyConsistency(0, 8, MerkleHashes.emptyRoot(), root, List.of()),
                "a consistency proof from the empty tree proves nothing");
        fails(() -> MerkleProofs.verifyConsistency(4, 8, root4, root, List.of()),
                "wrong consistency proof length 0: sizes 4 and 8 need 1 hashes");
        fails(() -> MerkleProofs.verifyConsistency(8, 8, root, root, proof), "trees of equal size need an empty");
        fails(() -> MerkleProofs.verifyConsistency(6, 8, root, root, tree.proofs.consistency(6, 8)),
                "does not lead to the older root (size 6)");
        fails(() -> MerkleProofs.verifyConsistency(4, 8, root4, root4, tree.proofs.consistency(4, 8)),
                "does not lead to the newer root (size 8)");
    }

    static List<byte[]> randomEntries(Random random, int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] e = new byte[random.nextInt(40)];
            random.nextBytes(e);
            out.add(e);
        }
        return out;
    }

    private static List<byte[]> alter(List<byte[]> proof, int j, Random random) {
        List<byte[]> bad = new ArrayList<>(proof);
        bad.set(j, flip(proof.get(j), random));
        return bad;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    /** A copy with one random byte changed. */
    private static byte[] flip(byte[] b, Random random) {
        byte[] c = b.clone();
        c[random.nextInt(c.length)] ^= (byte) (1 + random.nextInt(255));
        return c;
    }

    private static void fails(ThrowingCallable check) {
        fails(check, "");
    }

    private static void fails(ThrowingCallable check, String message) {
        assertThatThrownBy(check).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessageContaining(message);
    }
}
