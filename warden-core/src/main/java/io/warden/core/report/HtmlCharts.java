package io.warden.core.report;

import static io.warden.core.report.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The inline SVG charts of the HTML report, drawn here so the page needs no script, font or network.
 *
 * <p>Charts use a fixed 1000-unit-wide view box and scale to the page width; all text is escaped.
 */
final class HtmlCharts {
    private static final int WIDTH = 1000;

    private HtmlCharts() {}

    /**
     * One horizontal bar.
     *
     * @param label text left of the bar (shortened in the chart, whole in the tooltip)
     * @param value bar length, linear
     * @param cssClass the class that colours the bar
     * @param tooltip the hover text
     */
    record Bar(String label, long value, String cssClass, String tooltip) {}

    /** A horizontal bar chart with labels on the left and values at the bar ends. */
    static String bars(List<Bar> bars, String ariaLabel) {
        int labelW = 250, valueW = 110, rowH = 28, barH = 18, pad = 6;
        int maxBar = WIDTH - labelW - valueW;
        int height = pad * 2 + bars.size() * rowH;
        long max = bars.stream().mapToLong(Bar::value).max().orElse(1);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(esc(ariaLabel)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = pad + i * rowH;
            double w = max <= 0 ? 0 : Math.max(b.value() > 0 ? 2 : 0, (double) b.value() / max * maxBar);
            s.append("<g><title>").append(esc(b.tooltip())).append("</title>");
            s.append("<text class=\"lbl\" x=\"").append(labelW - 12).append("\" y=\"").append(y + rowH / 2)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"central\">")
                    .append(esc(ReportText.shorten(b.label(), 32))).append("</text>");
            s.append("<rect class=\"").append(esc(b.cssClass())).append("\" x=\"").append(labelW).append("\" y=\"")
                    .append(y + (rowH - barH) / 2).append("\" width=\"").append(num(w)).append("\" height=\"")
                    .append(barH).append("\" rx=\"3\"/>");
            s.append("<text class=\"val\" x=\"").append(num(labelW + w + 8)).append("\" y=\"").append(y + rowH / 2)
                    .append("\" dominant-baseline=\"central\">").append(ReportText.count(b.value())).append("</text>");
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * A histogram of equivalence-class sizes in power-of-two buckets (1, 2, 3–4, 5–8, ...) with a logarithmic
     * count axis, so both the many tiny classes and the long tail of large ones stay visible. Buckets holding
     * classes whose prosecutor risk (1 / size) exceeds {@code riskThreshold} are drawn in the warning colour.
     */
    static String classSizes(SortedMap<Long, Long> histogram, double riskThreshold) {
        List<long[]> buckets = buckets(histogram); // {lo, hi, classes, records}
        int left = 64, right = 16, top = 28, bottom = 52, height = 300;
        int plotW = WIDTH - left - right, plotH = height - top - bottom;
        long maxClasses = buckets.stream().mapToLong(b -> b[2]).max().orElse(1);
        double logMax = Math.log10(1 + Math.max(1, maxClasses));
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Histogram of equivalence-class sizes\">\n");
        // log-scale grid: 1, 10, 100, ...
        for (long g = 1; g <= Math.max(1, maxClasses); g *= 10) {
            double y = top + plotH - Math.log10(1 + g) / logMax * plotH;
            s.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            s.append("<text class=\"axis\" x=\"").append(left - 8).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"central\">").append(si(g)).append("</text>\n");
            if (g > Long.MAX_VALUE / 10) break;
        }
        s.append("<line class=\"base\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
                .append("\" y1=\"").append(top + plotH).append("\" y2=\"").append(top + plotH).append("\"/>\n");
        double slot = (double) plotW / Math.max(1, buckets.size());
        double barW = Math.min(72, slot * 0.72);
        double riskySizeBelow = riskThreshold > 0 ? 1 / riskThreshold : 0;
        for (int i = 0; i < buckets.size(); i++) {
            long[] b = buckets.get(i);
            double h = b[2] == 0 ? 0 : Math.max(2, Math.log10(1 + b[2]) / logMax * plotH);
            double x = left + i * slot + (slot - barW) / 2;
            double y = top + plotH - h;
            boolean risky = b[0] < riskySizeBelow;
            String range = b[0] == b[1] ? Long.toString(b[0]) : b[0] + "–" + b[1];
            s.append("<g><title>class size ").append(range).append(": ").append(ReportText.count(b[2]))
                    .append(b[2] == 1 ? " class, " : " classes, ").append(ReportText.count(b[3]))
                    .append(b[3] == 1 ? " record" : " records").append("</title>");
            s.append("<rect class=\"").append(risky ? "risky" : "safe").append("\" x=\"").append(num(x))
                    .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(barW))
                    .append("\" height=\"").append(num(h)).append("\" rx=\"2\"/>");
            if (b[2] > 0) {
                s.append("<text class=\"val\" x=\"").append(num(x + barW / 2)).append("\" y=\"").append(num(y - 6))
                        .append("\" text-anchor=\"middle\">").append(si(b[2])).append("</text>");
            }
            s.append("<text class=\"axis\" x=\"").append(num(x + barW / 2)).append("\" y=\"")
                    .append(top + plotH + 18).append("\" text-anchor=\"middle\">").append(range).append("</text>");
            s.append("</g>\n");
        }
        s.append("<text class=\"axis title\" x=\"").append(left + plotW / 2).append("\" y=\"").append(height - 8)
                .append("\" text-anchor=\"middle\">equivalence-class size (records sharing the same quasi-identifiers)")
                .append("</text>\n");
        s.append("<text class=\"axis title\" x=\"14\" y=\"").append(top + plotH / 2)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(top + plotH / 2)
                .append(")\">classes (log scale)</text>\n");
        return s.append("</svg>\n").toString();
    }

    /** Power-of-two buckets from size 1 to the largest size present: {lo, hi, classes, records}. */
    static List<long[]> buckets(SortedMap<Long, Long> histogram) {
        List<long[]> out = new ArrayList<>();
        if (histogram.isEmpty()) return out;
        long maxSize = histogram.lastKey();
        long lo = 1, hi = 1;
        while (true) {
            long classes = 0, records = 0;
            for (var e : histogram.subMap(lo, hi + 1).entrySet()) {
                classes += e.getValue();
                records += e.getKey() * e.getValue();
            }
            out.add(new long[] {lo, hi, classes, records});
            if (hi >= maxSize || hi > Long.MAX_VALUE / 2) break;
            lo = hi + 1;
            hi = hi * 2;
        }
        return out;
    }

    /** {@code 950}, {@code 1.2k}, {@code 34k}, {@code 1.5M}: compact counts for chart labels. */
    static String si(long n) {
        if (n < 1000) return Long.toString(n);
        String[] units = {"k", "M", "G", "T", "P", "E"};
        double v = n;
        int u = -1;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String digits = String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v);
        return (digits.endsWith(".0") ? digits.substring(0, digits.length() - 2) : digits) + units[u];
    }

    private static String num(double d) {
        return ReportText.decimal(d, 1);
    }
}
