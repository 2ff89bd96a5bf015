package io.warden.protect.operator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Adds bounded uniform noise to a number: {@code v + U[-max, max]} (absolute) or {@code v × (1 + U[-r, r])}
 * (relative). The result keeps the value's number of decimal places, so integers stay integers.
 *
 * <p>Noise is drawn fresh for every value from a {@link SecureRandom}: the same value gets different noise on each
 * run. This is not differential privacy (see {@code io.warden.protect.dp} for that); it blurs individual values
 * while keeping aggregates close. A value that is not a number becomes {@code *}.
 *
 * @param max the absolute bound, or 0 when {@code relative} is used
 * @param relative the relative bound (a fraction of the value), or 0 when {@code max} is used
 * @param random the noise source
 */
public record Perturb(double max, double relative, RandomGenerator random) implements Operator {
    public static final String NAME = "perturb";

    public Perturb {
        if (!(max >= 0) || !(relative >= 0) || !Double.isFinite(max) || !Double.isFinite(relative)) {
            throw new IllegalArgumentException("perturb: max and relative must be finite and 0 or more");
        }
        if ((max > 0) == (relative > 0)) {
            throw new IllegalArgumentException("perturb: give exactly one of max and relative, greater than 0");
        }
        if (relative >= 1) throw new IllegalArgumentException("perturb: relative must be below 1");
        java.util.Objects.requireNonNull(random, "random");
    }

    /** Noise from a new {@link SecureRandom}. */
    public static Perturb of(double max, double relative) {
        return new Perturb(max, relative, new SecureRandom());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String value, Target target) {
        BigDecimal v = Generalize.parseNumber(value);
        if (v == null) return Generalize.UNKNOWN;
        double u = random.nextDouble(-1.0, 1.0);
        double noise = max > 0 ? u * max : u * relative * v.doubleValue();
        if (!Double.isFinite(noise)) return Generalize.UNKNOWN; // beyond double range: cannot be blurred
        BigDecimal out = v.add(BigDecimal.valueOf(noise)).setScale(Math.max(0, v.scale()), RoundingMode.HALF_EVEN);
        return out.toPlainString();
    }

    @Override
    public String toString() {
        return "Perturb[max=" + max + ", relative=" + relative + "]";
    }
}
