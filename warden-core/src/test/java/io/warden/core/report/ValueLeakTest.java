package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.core.finding.Finding;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Raw values reach a report only when the findings carry them: the rule every renderer must keep. */
class ValueLeakTest {

    static Stream<Arguments> renderers() {
        return Stream.of(
                Arguments.of("json", (Function<ScanReport, String>) JsonReport::render, true),
                Arguments.of("sarif", (Function<ScanReport, String>) SarifReport::render, true),
                Arguments.of("html", (Function<ScanReport, String>) HtmlReport::render, true),
                Arguments.of("console", (Function<ScanReport, String>) r -> ConsoleReport.render(r, true), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderers")
    void strippedFindings_neverShowTheirValue(String name, Function<ScanReport, String> render, boolean showsValues) {
        // the fixtures put a marker value in findings, then strip it as the scanner does without --show-values
        Finding marked = new Finding(5, "notes", 2, 30, "EMAIL_ADDRESS", 0.99, "email", Reports.MARKER);
        assertThat(marked.value()).isEqualTo(Reports.MARKER);
        ScanReport stripped = Reports.copyWithSample(Reports.table(), List.of(marked.withoutValue()), false);
        for (ScanReport r : List.of(stripped, Reports.table(), Reports.text(), Reports.empty())) {
            assertThat(render.apply(r)).as(name).doesNotContain(Reports.MARKER).doesNotContain("jane.marker");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderers")
    void keptValues_appearOnlyInRenderersThatShowSamples(
            String name, Function<ScanReport, String> render, boolean showsValues) {
        String out = render.apply(Reports.withValues());
        if (showsValues) {
            assertThat(out).as(name).contains(Reports.MARKER);
        } else {
            assertThat(out).as(name).doesNotContain(Reports.MARKER);
        }
    }
}
