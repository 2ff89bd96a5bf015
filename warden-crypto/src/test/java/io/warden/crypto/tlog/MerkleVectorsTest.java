package io.warden.crypto.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared RFC 6962 / 9162 vectors (transparency-dev/merkle's): hashes, roots, inclusion and consistency proofs. */
class MerkleVectorsTest {
    /**
     * Vectors Warden deliberately rejects though they expect success, and why: Warden takes only 32-byte hashes.
     */
    private static final Map<String, String> STRICTER = Map.of(
            "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json", "older root has 12 bytes, not 32");

    private static final List<byte[]> LEAVES = Vectors.constants("LeafInputs");

    @Test
    void constants_leafHashesAndRootsOfSizes1To8_match() {
        List<byte[]> leafHashes = Vectors.constants("NodeHashes");
        List<byte[]> roots = Vectors.constants("RootHashes");
        assertThat(LEAVES).hasSize(8);
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < LEAVES.size(); i++) {
            assertThat(MerkleHashes.leafHash(LEAVES.get(i))).as("leaf hash %d", i).isEqualTo(leafHashes.get(i));
            tree.add(LEAVES.get(i));
            assertThat(tree.root()).as("root of size %d", i + 1).isEqualTo(roots.get(i));
            assertThat(tree.proofs.root(i + 1)).isEqualTo(roots.get(i));
            assertThat(Rfc9162.mth(LEAVES.subList(0, i + 1))).isEqualTo(roots.get(i));
        }
        for (int size = 1; size <= 8; size++) assertThat(tree.proofs.root(size)).isEqualTo(roots.get(size - 1));
    }

    @Test
    void emptyRoot_isSha256OfNothing() {
        assertThat(HexFormat.of().formatHex(MerkleHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MemoryTree().root()).isEqualTo(MerkleHashes.emptyRoot());
    }

    @TestFactory
    Stream<DynamicTest> inclusionVectors_verifyExactlyWhenExpected() {
        List<Path> files = Vectors.files("inclusion");
        assertThat(files).hasSizeGreaterThan(90);
        return files.stream().map(f -> DynamicTest.dynamicTest(Vectors.name(f), () -> {
            JsonNode v = Vectors.read(f);
            long index = v.get("leafIdx").asLong();
            long size = v.get("treeSize").asLong();
            List<byte[]> proof = Vectors.proof(v.get("proof"));
            Runnable check = () -> MerkleProofs.verifyInclusion(index, size, Vectors.b64(v.get("leafHash")), proof,
                    Vectors.b64(v.get("root")));
            expect(f, v.get("wantErr").asBoolean(), check);
            if (!v.get("wantErr").asBoolean() && size <= 8) {
                // Warden's own proof for the same leaf of the constants' tree is the vector's proof.
                MemoryTree tree = MemoryTree.of(LEAVES.subList(0, (int) size));
                if (java.util.Arrays.equals(tree.root(), Vectors.b64(v.get("root")))) {
                    assertThat(tree.proofs.inclusion(index, size)).containsExactlyElementsOf(proof);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors_verifyExactlyWhenExpected() {
        List<Path> files = Vectors.files("consistency");
        assertThat(files).hasSizeGreaterThan(90);
        return files.stream().map(f -> DynamicTest.dynamicTest(Vectors.name(f), () -> {
            JsonNode v = Vectors.read(f);
            long size1 = v.get("size1").asLong();
            long size2 = v.get("size2").asLong();
            List<byte[]> proof = Vectors.proof(v.get("proof"));
            byte[] root1 = Vectors.b64(v.get("root1"));
            byte[] root2 = Vectors.b64(v.get("root2"));
            expect(f, v.get("wantErr").asBoolean(),
                    () -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof));
            if (!v.get("wantErr").asBoolean() && size2 <= 8 && size1 > 0) {
                MemoryTree tree = MemoryTree.of(LEAVES.subList(0, (int) size2));
                if (java.util.Arrays.equals(tree.root(), root2)) {
                    assertThat(tree.proofs.consistency(size1, size2)).containsExactlyElementsOf(proof);
                }
            }
        }));
    }

    private static void expect(Path file, boolean wantErr, Runnable check) {
        String stricter = STRICTER.get(Vectors.name(file));
        if (wantErr || stricter != null) {
            assertThatThrownBy(check::run).isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                    .hasMessageContaining(stricter == null ? "" : stricter);
        } else {
            assertThatCode(check::run).doesNotThrowAnyException();
        }
    }
}
