package io.warden.detect;

import io.warden.core.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Builds the {@link Analyzer} a policy asks for: built-in plus user recognizers, filtered to wanted entities. */
public final class Analyzers {
    private Analyzers() {}

    /** The analyzer for {@code policy}'s scan section. */
    public static Analyzer forPolicy(Policy policy) {
        Policy.Scan scan = policy.scan();
        List<Recognizer> all = new ArrayList<>();
        for (Policy.CustomRecognizer c : scan.recognizers()) all.add(CustomRecognizers.fromPolicy(c));
        all.addAll(BuiltInRecognizers.all());
        List<Recognizer> kept = new ArrayList<>();
        for (Recognizer r : all) {
            if (r.entities().stream().noneMatch(scan::reportsEntity)) continue;
            kept.add(FilteredRecognizer.of(r, scan::reportsEntity));
        }
        AnalyzerConfig config = AnalyzerConfig.defaults()
                .withMinScore(scan.minScore())
                .withContextWindow(scan.contextWindow())
                .withAllowList(new HashSet<>(scan.allowValues()));
        return new Analyzer(kept, config);
    }
}
