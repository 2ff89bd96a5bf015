package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void render_sameReport_sameBytes() {
        assertThat(HtmlReport.render(Reports.table())).isEqualTo(HtmlReport.render(Reports.table()));
    }

    @Test
    void hostileNames_areEscapedEverywhere() {
        String html = HtmlReport.render(Reports.hostile());
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg onload").doesNotContain("<br>").doesNotContain("<i>X")
                .doesNotContain("<b>det").doesNotContain("<0.1.0>").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x")
                .contains("dir/&lt;svg onload=alert(1)&gt;.csv")
                .contains("CUSTOM_&lt;i&gt;X&lt;/i&gt;")
                .contains("\uFFFD[31mred\uFFFD[0m\uFFFD");
        // attributes too: a quote in a name cannot close the title attribute of a heat-map cell
        assertThat(html).doesNotContain("\"><img").doesNotContain("onerror=alert(1)>");
    }

    @Test
    void page_isSelfContained_noScriptNoNetwork() {
        for (ScanReport r : List.of(Reports.table(), Reports.text(), Reports.withValues(), Reports.empty())) {
            String html = HtmlReport.render(r);
            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http:").doesNotContain("https:")
                    .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(")
                    .doesNotContain("@import").doesNotContain("<link");
            assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
            assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        }
    }

    @Test
    void values_absentWhenStripped_presentOnlyWhenKept() {
        String stripped = HtmlReport.render(Reports.table());
        assertThat(stripped).doesNotContain(Reports.MARKER).doesNotContain("<th>Value</th>")
                .doesNotContain("Contains raw values");
        assertThat(HtmlReport.render(Reports.text())).doesNotContain(Reports.MARKER);
        String kept = HtmlReport.render(Reports.withValues());
        assertThat(kept).contains("<th>Value</th>").contains(Reports.MARKER).contains("Contains raw values");
    }

    @Test
    void gate_verdictAndViolationsShown() {
        String failed = HtmlReport.render(Reports.table());
        assertThat(failed).contains("Gate failed").contains("2 violations")
                .contains("<td class=\"mono\">US_SSN</td><td class=\"mono\">notes</td><td class=\"num\">3</td>")
                .contains("any field");
        assertThat(HtmlReport.render(Reports.text())).contains("Gate passed").doesNotContain("Gate failed");
    }

    @Test
    void sections_followTheReport() {
        String table = HtmlReport.render(Reports.table());
        assertThat(table).contains("<h2>Findings per entity</h2>").contains("<h2>Where: fields × entities</h2>")
                .contains("<h2>Column classification</h2>").contains("<h2>Re-identification risk</h2>")
                .contains("aria-label=\"Histogram of equivalence-class sizes\"").contains("<h2>Sample findings</h2>")
                .contains("<h2>Warnings <span class=\"count\">2</span></h2>")
                .contains("The first 32 of 159,903 findings");
        String empty = HtmlReport.render(Reports.empty());
        assertThat(empty).contains("Nothing found.").contains("No findings.")
                .doesNotContain("<h2>Re-identification risk</h2>").doesNotContain("<h2>Column classification</h2>")
                .doesNotContain("<h2>Warnings");
    }

    @Test
    void entityChart_hasOneBarPerEntity_largestFirst() {
        String html = HtmlReport.render(Reports.table());
        String chart = html.substring(html.indexOf("aria-label=\"Findings per entity\""));
        chart = chart.substring(0, chart.indexOf("</svg>"));
        var labels = Pattern.compile("class=\"lbl\"[^>]*>([^<]+)<").matcher(chart).results()
                .map(m -> m.group(1)).toList();
        assertThat(labels).startsWith("EMAIL_ADDRESS", "DATE_TIME", "ZIP_CODE").endsWith("SECRET_GITHUB_TOKEN")
                .hasSize(Reports.table().entityCounts().size());
    }

    @Test
    void histogram_bucketsByPowersOfTwo_andCountsEveryRecord() {
        var hist = new TreeMap<Long, Long>(Map.of(1L, 5L, 2L, 3L, 3L, 2L, 4L, 1L, 7L, 1L, 100L, 2L));
        List<long[]> buckets = HtmlCharts.buckets(hist);
        assertThat(buckets).extracting(b -> b[0] + "-" + b[1] + ":" + b[2])
                .containsExactly("1-1:5", "2-2:3", "3-4:3", "5-8:1", "9-16:0", "17-32:0", "33-64:0", "65-128:2");
        long records = buckets.stream().mapToLong(b -> b[3]).sum();
        assertThat(records).isEqualTo(5 + 6 + 6 + 4 + 7 + 200);
    }

    @Test
    void compactCounts_forChartLabels() {
        assertThat(List.of(HtmlCharts.si(950), HtmlCharts.si(1000), HtmlCharts.si(1_234), HtmlCharts.si(34_567),
                HtmlCharts.si(1_500_000))).containsExactly("950", "1k", "1.2k", "35k", "1.5M");
    }

    @Test
    void write_producesTheRenderedPage(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.html");
        HtmlReport.write(Reports.table(), target);
        assertThat(Files.readString(target)).isEqualTo(HtmlReport.render(Reports.table()));
    }
}
