package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void render_sameReport_sameText() {
        assertThat(ConsoleReport.render(Reports.table(), true)).isEqualTo(ConsoleReport.render(Reports.table(), true));
    }

    @Test
    void summary_saysWhatWasReadAndHowFast() {
        String text = ConsoleReport.render(Reports.text(), false);
        assertThat(text).startsWith("warden scan  corpus/chat logs/day 1.txt (TEXT)\n"
                + "  1,200,000 records · 1,200,000 values · 734 MB in 2.4 s · 312 MB/s\n");
    }

    @Test
    void entities_alignedAndSortedByCount() {
        List<String> lines = ConsoleReport.render(Reports.table(), false).lines()
                .dropWhile(l -> !l.startsWith("Findings: 159,903")).skip(1)
                .takeWhile(l -> l.matches("  [A-Z_]+ +[0-9,]+ +[<0-9.]+%")).toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("  EMAIL_ADDRESS ");
        assertThat(lines.get(9)).startsWith("  SECRET_GITHUB_TOKEN ");
        int countEnd = lines.get(0).indexOf("32,773") + "32,773".length();
        for (String l : lines) {
            assertThat(l.charAt(countEnd - 1)).as(l).isBetween('0', '9');
            assertThat(l.charAt(countEnd)).as(l).isEqualTo(' ');
        }
        long[] counts = lines.stream().mapToLong(l -> Long.parseLong(l.trim().split(" +")[1].replace(",", "")))
                .toArray();
        for (int i = 1; i < counts.length; i++) assertThat(counts[i]).isLessThanOrEqualTo(counts[i - 1]);
    }

    @Test
    void columns_listOnlyThoseHoldingAnEntity_aligned() {
        String text = ConsoleReport.render(Reports.table(), false);
        assertThat(text).contains("Columns holding an entity (of 6)")
                .contains("  email  EMAIL_ADDRESS  100%")
                .contains("  dob    DATE_TIME      100%")
                .doesNotContain("  notes ");
        assertThat(ConsoleReport.render(Reports.text(), false)).doesNotContain("Columns holding");
    }

    @Test
    void topFields_riskWarningsAndGate() {
        String text = ConsoleReport.render(Reports.table(), false);
        assertThat(text)
                .contains("  top fields: dob 32,561, email 32,561, zip 32,400, name 30,378, phone 30,129 … 1 more\n")
                .contains("Re-identification risk over age, zip, sex\n")
                .contains("19.4% unique records (2,871 of 14,772) · highest risk 1 · average 0.367")
                .contains("Warnings (2)\n  row 1207 has 8 fields")
                .contains("GATE FAILED: 2 violations\n  US_SSN in 'notes': 3 found, 0 allowed\n"
                        + "  SECRET_GITHUB_TOKEN in any field: 1 found, 0 allowed\n")
                .endsWith("allowed\n");
        assertThat(ConsoleReport.render(Reports.text(), false)).endsWith("GATE PASSED\n");
        assertThat(ConsoleReport.render(Reports.empty(), false)).contains("No findings.");
    }

    @Test
    void colour_onlyWhenAsked_andNeverFromData() {
        assertThat(ConsoleReport.render(Reports.table(), false)).doesNotContain("\u001b");
        assertThat(ConsoleReport.render(Reports.table(), true)).contains("\u001b[1;31mGATE FAILED\u001b[0m");
        String hostile = ConsoleReport.render(Reports.hostile(), false);
        assertThat(hostile).doesNotContain("\u001b").doesNotContain("\u0007").contains("\uFFFD[31mred");
    }

    @Test
    void values_neverShown() {
        assertThat(ConsoleReport.render(Reports.withValues(), true)).doesNotContain(Reports.MARKER);
    }
}
