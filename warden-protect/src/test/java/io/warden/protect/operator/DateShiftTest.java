package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.crypto.Keyring;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DateShiftTest {
    private static final Keyring KEYS = Keyring.generate();

    private static Operator.Target subject(String id) {
        return new Operator.Target("visit", null, id);
    }

    @Test
    void sameSubject_sameOffset_soIntervalsAreKept() {
        DateShift d = new DateShift(KEYS, 30);
        LocalDate a = LocalDate.parse(d.apply("2024-01-10", subject("p1")));
        LocalDate b = LocalDate.parse(d.apply("2024-03-01", subject("p1")));
        assertThat(ChronoUnit.DAYS.between(a, b)).isEqualTo(ChronoUnit.DAYS.between(
                LocalDate.parse("2024-01-10"), LocalDate.parse("2024-03-01")));
        assertThat(new DateShift(KEYS, 30).apply("2024-01-10", subject("p1"))).isEqualTo(a.toString());
    }

    @Test
    void offsets_areNonZeroWithinBoundsAndVaryBySubjectAndKey() {
        DateShift d = new DateShift(KEYS, 7);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int o = d.offset("visit", "p" + i);
            assertThat(o).isBetween(-7, 7).isNotZero();
            seen.add(o);
        }
        assertThat(seen).hasSize(14);
        DateShift other = new DateShift(Keyring.generate(), 7);
        int differ = 0;
        for (int i = 0; i < 200; i++) if (other.offset("visit", "p" + i) != d.offset("visit", "p" + i)) differ++;
        assertThat(differ).isGreaterThan(150);
    }

    @Test
    void keepsTheFormOfDateTimes_andStarsWhatIsNotADate() {
        DateShift d = new DateShift(KEYS, 30);
        int o = d.offset("visit", "p9");
        assertThat(d.apply("2024-06-11T10:15:00", subject("p9")))
                .isEqualTo(LocalDate.parse("2024-06-11").plusDays(o) + "T10:15:00");
        assertThat(d.apply("2024-06-11 10:15", subject("p9")))
                .isEqualTo(LocalDate.parse("2024-06-11").plusDays(o) + " 10:15");
        assertThat(d.apply("2024-06-11T10:15:00+02:00", subject("p9")))
                .isEqualTo(LocalDate.parse("2024-06-11").plusDays(o) + "T10:15:00+02:00");
        assertThat(d.apply("2024-06-11T10:15:00Z", subject("p9"))).endsWith("T10:15:00Z");
        assertThat(d.apply("soon", subject("p9"))).isEqualTo("*");
    }

    @Test
    void badMaxDays_isRejected_andToStringHidesSubjects() {
        assertThatThrownBy(() -> new DateShift(KEYS, 0)).hasMessageContaining("max_days");
        assertThatThrownBy(() -> new DateShift(KEYS, 20_000)).hasMessageContaining("max_days");
        assertThat(subject("secret-id").toString()).doesNotContain("secret-id");
    }
}
