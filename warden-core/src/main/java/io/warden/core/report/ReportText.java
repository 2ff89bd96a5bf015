package io.warden.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Number and text formatting shared by the report renderers, locale-independent so reports are byte-stable.
 *
 * <p>Sizes and rates use decimal units (1 MB = 10^6 bytes), as throughput figures conventionally do.
 */
final class ReportText {
    /** Significant digits kept for fractional numbers in machine-readable output. */
    static final int SIGNIFICANT_DIGITS = 6;

    private ReportText() {}

    /** {@code d} rounded to {@link #SIGNIFICANT_DIGITS} significant digits, trailing zeros stripped. */
    static BigDecimal round(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("not a finite number: " + d);
        if (d == 0) return BigDecimal.ZERO;
        BigDecimal r = new BigDecimal(d).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** A plain decimal with at most {@code maxDecimals} decimals, e.g. {@code 0.95}, {@code 1}, {@code 0.3333}. */
    static String decimal(double d, int maxDecimals) {
        if (!Double.isFinite(d)) return "–";
        BigDecimal r = new BigDecimal(d).setScale(maxDecimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    /** A score in [0, 1] as shown to people: two decimals, {@code 0.95}, {@code 1.00}. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** {@code 12,345}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A share in [0, 1] as a percentage: {@code 12.3%}, {@code <0.1%} for tiny non-zero shares. */
    static String percent(double share) {
        if (!Double.isFinite(share)) return "–";
        if (share > 0 && share < 0.0005) return "<0.1%";
        if (share < 1 && share > 0.9995) return ">99.9%";
        return decimal(share * 100, 1) + "%";
    }

    /** {@code 512 B}, {@code 12.3 kB}, {@code 1.2 GB}. */
    static String bytes(long n) {
        if (n < 1000) return n + " B";
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    /** {@code 850 ms}, {@code 8.4 s}, {@code 3 min 12 s}, {@code 1 h 02 min}. */
    static String duration(long millis) {
        if (millis < 1000) return millis + " ms";
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long s = Math.round(millis / 1000.0);
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }

    /** Megabytes (10^6 bytes) per second, or empty when the duration is zero. */
    static OptionalDouble megabytesPerSecond(long bytes, long millis) {
        return millis <= 0 ? OptionalDouble.empty() : OptionalDouble.of(bytes / 1000.0 / millis);
    }

    /** {@code 143 MB/s}, {@code 2.5 MB/s}, or {@code –} when unknown. */
    static String throughput(long bytes, long millis) {
        OptionalDouble mbps = megabytesPerSecond(bytes, millis);
        if (mbps.isEmpty()) return "–";
        double v = mbps.getAsDouble();
        return String.format(Locale.ROOT, v >= 100 ? "%.0f MB/s" : v >= 10 ? "%.1f MB/s" : "%.2f MB/s", v);
    }

    /** {@code 7,734 records/s}, or {@code –} when the duration is zero. */
    static String rate(long records, long millis) {
        if (millis <= 0) return "–";
        return count(Math.round(records * 1000.0 / millis)) + " records/s";
    }

    /**
     * {@code s} on one line and safe to print: tab, CR and LF become spaces; every other control character (C0, DEL,
     * C1) and lone surrogate becomes U+FFFD, so names and values cannot move a terminal's cursor, inject ANSI colours
     * or break an encoder.
     */
    static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || isLoneSurrogate(s, i);
            if (bad) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
                b.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : '\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    /** {@code s} cut to {@code max} code points, the last replaced by an ellipsis when it was longer. */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The tool name of {@code "warden 0.1.0"}: everything before the first space. */
    static String toolName(String tool) {
        int sp = tool.indexOf(' ');
        return sp < 0 ? tool : tool.substring(0, sp);
    }

    /** The version of {@code "warden 0.1.0"}: everything after the first space, or empty. */
    static String toolVersion(String tool) {
        int sp = tool.indexOf(' ');
        return sp < 0 ? "" : tool.substring(sp + 1).strip();
    }
}
