package io.warden.crypto.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleLayoutTest {
    @Test
    void storedHashIndex_followsGoTlogOrder() {
        // Go's tlog: leaf 0, leaf 1, their parent, leaf 2, leaf 3, parent (1,1), parent (2,0), leaf 4 ...
        assertThat(HashLayout.storedHashIndex(0, 0)).isZero();
        assertThat(HashLayout.storedHashIndex(0, 1)).isEqualTo(1);
        assertThat(HashLayout.storedHashIndex(1, 0)).isEqualTo(2);
        assertThat(HashLayout.storedHashIndex(0, 2)).isEqualTo(3);
        assertThat(HashLayout.storedHashIndex(0, 3)).isEqualTo(4);
        assertThat(HashLayout.storedHashIndex(1, 1)).isEqualTo(5);
        assertThat(HashLayout.storedHashIndex(2, 0)).isEqualTo(6);
        assertThat(HashLayout.storedHashIndex(0, 4)).isEqualTo(7);
    }

    @Test
    void theAccumulatorEmitsEveryCompleteSubtree_atItsStoredIndex() {
        List<long[]> emitted = new ArrayList<>(); // {level, index} per stored hash, in emission order
        MerkleAccumulator acc = new MerkleAccumulator();
        for (long n = 0; n < 2000; n++) {
            long leaf = n;
            int[] level = {0};
            acc.add(MerkleHashes.leafHash(new byte[] {(byte) n}), h -> {
                emitted.add(new long[] {level[0], leaf >>> level[0]});
                level[0]++;
            });
            assertThat((long) emitted.size()).isEqualTo(HashLayout.storedHashCount(n + 1));
            assertThat(HashLayout.storedHashIndex(0, n)).isEqualTo(HashLayout.storedHashCount(n));
        }
        for (int i = 0; i < emitted.size(); i++) {
            assertThat(HashLayout.storedHashIndex((int) emitted.get(i)[0], emitted.get(i)[1])).isEqualTo(i);
        }
    }

    @Test
    void entriesCovered_isTheInverseOfTheHashCount() {
        for (long n = 0; n < 5000; n++) {
            long count = HashLayout.storedHashCount(n);
            assertThat(HashLayout.entriesCovered(count)).isEqualTo(n);
            long next = HashLayout.storedHashCount(n + 1);
            for (long h = count; h < next; h++) assertThat(HashLayout.entriesCovered(h)).isEqualTo(n);
        }
        long big = 1L << 40;
        assertThat(HashLayout.entriesCovered(HashLayout.storedHashCount(big))).isEqualTo(big);
        // entry 2^40 - 1 stores its leaf and 40 parents; without the last of them it is not covered
        assertThat(HashLayout.storedHashCount(big) - HashLayout.storedHashCount(big - 1)).isEqualTo(41);
        assertThat(HashLayout.entriesCovered(HashLayout.storedHashCount(big) - 1)).isEqualTo(big - 1);
    }
}
