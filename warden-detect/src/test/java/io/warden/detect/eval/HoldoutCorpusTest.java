package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The held-out corpus (examples/eval-holdout) stays well-formed. It deliberately has no accuracy threshold: it is
 * measured and reported (docs/eval.md), never tuned against.
 */
class HoldoutCorpusTest {
    private static final Path HOLDOUT = Path.of("examples/eval-holdout/holdout.json");

    @Test
    void holdout_readsWithSpansInBoundsAndNotOverlapping() {
        List<EvalRecord> records = CorpusReader.readAll(HOLDOUT);
        assertThat(records).hasSize(264);
        long spans = 0;
        for (EvalRecord r : records) {
            int cps = r.text().codePointCount(0, r.text().length());
            List<LabeledSpan> sorted = r.spans().stream().sorted(Comparator.comparingInt(LabeledSpan::start)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                LabeledSpan s = sorted.get(i);
                assertThat(s.start()).isGreaterThanOrEqualTo(0).isLessThan(s.end());
                assertThat(s.end()).isLessThanOrEqualTo(cps);
                if (i > 0) assertThat(s.start()).isGreaterThanOrEqualTo(sorted.get(i - 1).end());
            }
            spans += sorted.size();
        }
        assertThat(spans).isEqualTo(476);
    }
}
