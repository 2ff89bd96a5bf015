package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerturbTest {
    private static final Operator.Target T = Operator.Target.cell("c");

    @Test
    void absolute_staysWithinBoundAndKeepsScale() {
        Perturb p = new Perturb(5, 0, new SplittableRandom(1));
        boolean moved = false;
        for (int i = 0; i < 5000; i++) {
            String out = p.apply("100", T);
            assertThat(out).doesNotContain(".");
            assertThat(Integer.parseInt(out)).isBetween(95, 105);
            moved |= !out.equals("100");
            String dec = p.apply("12.50", T);
            assertThat(new BigDecimal(dec).scale()).isEqualTo(2);
            assertThat(new BigDecimal(dec).doubleValue()).isBetween(7.5, 17.5);
        }
        assertThat(moved).isTrue();
    }

    @Test
    void relative_staysWithinShareOfTheValue() {
        Perturb p = new Perturb(0, 0.1, new SplittableRandom(2));
        double sum = 0;
        for (int i = 0; i < 5000; i++) {
            double v = Double.parseDouble(p.apply("1000.0", T));
            assertThat(v).isBetween(900.0, 1100.0);
            sum += v;
        }
        assertThat(sum / 5000).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(5.0));
    }

    @Test
    void notANumber_becomesStar() {
        assertThat(Perturb.of(1, 0).apply("n/a", T)).isEqualTo("*");
    }

    @Test
    void badBounds_areRejected() {
        assertThatThrownBy(() -> Perturb.of(0, 0)).hasMessageContaining("exactly one of max and relative");
        assertThatThrownBy(() -> Perturb.of(1, 0.5)).hasMessageContaining("exactly one of max and relative");
        assertThatThrownBy(() -> Perturb.of(-1, 0)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Perturb.of(Double.NaN, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Perturb.of(0, 1.5)).hasMessageContaining("below 1");
    }

    @Test
    void suppress_cellEmpties_andScopeIsChecked() {
        assertThat(Suppress.of("cell").apply("x", T)).isEmpty();
        assertThat(Suppress.of("record").wholeRecord()).isTrue();
        assertThatThrownBy(() -> Suppress.of("table")).hasMessageContaining("cell or record");
    }
}
