package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneralizeTest {
    private static final Operator.Target T = Operator.Target.cell("c");

    @Test
    void bucket_integers_giveInclusiveRanges() {
        Generalize g = new Generalize.Bucket(BigDecimal.TEN);
        assertThat(g.apply("37", T)).isEqualTo("30-39");
        assertThat(g.apply("30", T)).isEqualTo("30-39");
        assertThat(g.apply("0", T)).isEqualTo("0-9");
        assertThat(g.apply("-1", T)).isEqualTo("-10--1");
        assertThat(g.apply(" 99 ", T)).isEqualTo("90-99");
    }

    @Test
    void bucket_decimals_giveHalfOpenRanges() {
        assertThat(new Generalize.Bucket(new BigDecimal("0.5")).apply("1.7", T)).isEqualTo("[1.5, 2)");
        assertThat(new Generalize.Bucket(BigDecimal.TEN).apply("37.2", T)).isEqualTo("[30, 40)");
    }

    @Test
    void bucket_everyIntegerFallsInsideItsRange() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            long v = rnd.nextLong(-1_000_000, 1_000_000);
            int w = rnd.nextInt(1, 500);
            String r = new Generalize.Bucket(BigDecimal.valueOf(w)).apply(Long.toString(v), T);
            int dash = r.indexOf('-', 1);
            long lo = Long.parseLong(r.substring(0, dash));
            long hi = Long.parseLong(r.substring(dash + 1));
            assertThat(v).isBetween(lo, hi);
            assertThat(hi - lo + 1).isEqualTo(w);
            assertThat(Math.floorMod(lo, w)).isZero();
        }
    }

    @Test
    void bucket_notANumber_becomesStar() {
        assertThat(new Generalize.Bucket(BigDecimal.ONE).apply("thirty", T)).isEqualTo("*");
        assertThat(new Generalize.Bucket(BigDecimal.ONE).apply("", T)).isEqualTo("*");
    }

    @Test
    void numbers_withHugeExponents_becomeStarInsteadOfExhaustingMemory() {
        assertThat(new Generalize.Bucket(BigDecimal.TEN).apply("1e999999999", T)).isEqualTo("*");
        assertThat(new Generalize.Bucket(BigDecimal.TEN).apply("1e-999999999", T)).isEqualTo("*");
        assertThat(Perturb.of(1, 0).apply("1e-999999999", T)).isEqualTo("*");
        assertThat(Perturb.of(0, 0.5).apply("1e400", T)).isEqualTo("*");
        assertThat(new Generalize.Bucket(BigDecimal.TEN).apply("1e3", T)).isEqualTo("1000-1009");
    }

    @Test
    void bucket_zeroOrNegativeWidth_isRejected() {
        assertThatThrownBy(() -> new Generalize.Bucket(BigDecimal.ZERO)).hasMessageContaining("bucket must be > 0");
    }

    @Test
    void date_truncatesDatesAndDateTimes() {
        assertThat(Generalize.DateTruncate.of("month").apply("2024-06-11", T)).isEqualTo("2024-06");
        assertThat(Generalize.DateTruncate.of("year").apply("2024-06-11T10:15:30", T)).isEqualTo("2024");
        assertThat(Generalize.DateTruncate.of("DAY").apply("2024-06-11 10:15", T)).isEqualTo("2024-06-11");
        assertThat(Generalize.DateTruncate.of("day").apply("2024-06-11T23:15:30+02:00", T)).isEqualTo("2024-06-11");
        assertThat(Generalize.DateTruncate.of("day").apply("2024-06-11T23:15:30Z", T)).isEqualTo("2024-06-11");
    }

    @Test
    void date_unparseable_becomesStar() {
        assertThat(Generalize.DateTruncate.of("year").apply("June 11", T)).isEqualTo("*");
        assertThat(Generalize.DateTruncate.of("year").apply("2024-13-45", T)).isEqualTo("*");
        assertThatThrownBy(() -> Generalize.DateTruncate.of("week")).hasMessageContaining("year, month or day");
    }

    @Test
    void prefix_keepsLeadingCodePointsAndLength() {
        assertThat(new Generalize.Prefix(3).apply("94107", T)).isEqualTo("941**");
        assertThat(new Generalize.Prefix(3).apply("94", T)).isEqualTo("94");
        assertThat(new Generalize.Prefix(1).apply("\uD83D\uDE00ab", T)).isEqualTo("\uD83D\uDE00**");
        assertThat(new Generalize.Prefix(0).apply("abc", T)).isEqualTo("***");
    }
}
