package io.warden.protect.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatticeTest {
    private final Lattice lattice = new Lattice(new int[] {1, 4, 2}); // 2 · 5 · 3 = 30 nodes

    @Test
    void index_roundTripsLevels_inMixedRadix() {
        assertThat(lattice.size).isEqualTo(30);
        for (int node = 0; node < lattice.size; node++) assertThat(lattice.index(lattice.levels(node))).isEqualTo(node);
        assertThat(lattice.levels(lattice.top())).containsExactly(1, 4, 2);
        assertThat(lattice.height(lattice.top())).isEqualTo(7);
    }

    @Test
    void markUp_flagsExactlyTheGeneralizations_markDownExactlyTheSpecializations() {
        int node = lattice.index(new int[] {0, 2, 1});
        lattice.markUp(node, Lattice.FEASIBLE);
        lattice.markDown(node, Lattice.INFEASIBLE);
        for (int other = 0; other < lattice.size; other++) {
            int[] l = lattice.levels(other);
            assertThat(lattice.is(other, Lattice.FEASIBLE)).isEqualTo(l[1] >= 2 && l[2] >= 1);
            assertThat(lattice.is(other, Lattice.INFEASIBLE)).isEqualTo(l[0] == 0 && l[1] <= 2 && l[2] <= 1);
        }
    }
}
