package io.warden.protect.operator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Replaces a value with a coarser one (Google DLP's bucketing and time-part extraction): a number with its bucket
 * ({@code 37} → {@code 30-39}), a date with its year, month or day ({@code 2024-06-11T10:00} → {@code 2024-06}),
 * or a code with its first characters ({@code 94107} → {@code 941**}), or a value along a user hierarchy in
 * ARX's CSV format (see {@code HierarchyLevel}).
 *
 * <p>A value that is not a number (for buckets) or an ISO-8601 date (for dates) becomes {@code *}: it cannot be
 * generalized, and keeping it would leak it.
 */
public interface Generalize extends Operator {
    String NAME = "generalize";
    /** What a value that cannot be generalized becomes. */
    String UNKNOWN = "*";

    @Override
    default String name() {
        return NAME;
    }

    /** Numbers into buckets of {@code width}: integers as {@code lo-hi} inclusive, decimals as {@code [lo, hi)}. */
    record Bucket(BigDecimal width) implements Generalize {
        public Bucket {
            if (width == null || width.signum() <= 0) throw new IllegalArgumentException("generalize: bucket must be > 0");
        }

        @Override
        public String apply(String value, Target target) {
            BigDecimal v = parseNumber(value);
            if (v == null) return UNKNOWN;
            BigDecimal lo = v.divide(width, 0, java.math.RoundingMode.FLOOR).multiply(width);
            BigDecimal hi = lo.add(width);
            boolean integral = v.stripTrailingZeros().scale() <= 0 && width.stripTrailingZeros().scale() <= 0;
            if (integral) return lo.toBigInteger() + "-" + hi.subtract(BigDecimal.ONE).toBigInteger();
            return "[" + lo.stripTrailingZeros().toPlainString() + ", " + hi.stripTrailingZeros().toPlainString() + ")";
        }
    }

    /** ISO-8601 dates and date-times cut to a {@link Unit}. */
    record DateTruncate(Unit unit) implements Generalize {
        /** How much of a date is kept. */
        public enum Unit { YEAR, MONTH, DAY }

        public DateTruncate {
            java.util.Objects.requireNonNull(unit, "unit");
        }

        /** Parses {@code year}, {@code month} or {@code day}. */
        public static DateTruncate of(String unit) {
            try {
                return new DateTruncate(Unit.valueOf(unit.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("generalize: date must be year, month or day, not '" + unit + "'");
            }
        }

        @Override
        public String apply(String value, Target target) {
            LocalDate d = parseDate(value.strip());
            if (d == null) return UNKNOWN;
            return switch (unit) {
                case YEAR -> String.format(Locale.ROOT, "%04d", d.getYear());
                case MONTH -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
                case DAY -> d.toString();
            };
        }
    }

    /** Keeps the first {@code keep} characters and writes {@code *} for each of the others (ZIP {@code 941**}). */
    record Prefix(int keep) implements Generalize {
        public Prefix {
            if (keep < 0) throw new IllegalArgumentException("generalize: keep_prefix must be 0 or more");
        }

        @Override
        public String apply(String value, Target target) {
            int n = value.codePointCount(0, value.length());
            if (n <= keep) return value;
            int cut = value.offsetByCodePoints(0, keep);
            return value.substring(0, cut) + "*".repeat(n - keep);
        }
    }

    /**
     * The number {@code value} holds, or null; numbers beyond 1000 digits either side of the point (e.g.
     * {@code 1e999999999}, which would take gigabytes to expand) count as not a number.
     */
    static BigDecimal parseNumber(String value) {
        try {
            BigDecimal v = new BigDecimal(value.strip());
            if (Math.abs(v.scale()) > 1000 || v.precision() - v.scale() > 1000) return null;
            return v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The date in an ISO-8601 date, local date-time or offset date-time, or null. */
    static LocalDate parseDate(String s) {
        try {
            if (s.length() == 10) return LocalDate.parse(s);
            if (s.length() > 10 && (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toLocalDate();
            }
            return LocalDateTime.parse(s.replace(' ', 'T')).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
