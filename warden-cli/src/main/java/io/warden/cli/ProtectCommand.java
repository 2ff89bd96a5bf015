package io.warden.cli;

import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.detect.Analyzers;
import io.warden.protect.job.Manifest;
import io.warden.protect.job.ProtectJob;
import io.warden.protect.job.TablePass;
import io.warden.protect.operator.OperatorFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden protect}: de-identifies a dataset by the policy's {@code protect} rules. */
@Command(name = "protect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"De-identify a table or text corpus by the policy's protect rules, check the result by "
                + "scanning it again, and write a manifest of what was done.",
                "Exits 1 when the self-check still finds what must be removed (nothing is written), 2 on bad usage "
                        + "or input."})
final class ProtectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "The dataset file to protect (CSV, JSONL or text; gzip detected).")
    Path input;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", required = true,
            description = "Policy YAML with a protect section.")
    Path policyFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The protected dataset (same format as the input; written only when complete).")
    Path output;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "The transformation manifest (default: OUT.manifest.json).")
    Path manifest;

    @Mixin
    KeyringOption keyringOption;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        int n = threads.resolve();
        Path manifestFile = manifest != null ? manifest : Path.of(output + ".manifest.json");
        Outputs.check(input, List.of(output, manifestFile));
        Policy policy = PolicyLoader.load(policyFile);
        ProtectJob job = new ProtectJob(policy, Analyzers.forPolicy(policy),
                new OperatorFactory(Path.of(""), keyringOption.lazy(policy, spec.commandLine().getErr())),
                new TablePass());
        ProtectJob.Outcome outcome = job.run(new ProtectJob.Request(input, inputOptions.readOptions(), output,
                manifestFile, n));
        PrintWriter err = spec.commandLine().getErr();
        if (!outcome.passed()) {
            err.println("warden: self-check failed: the output still holds what the policy says must be removed; "
                    + "nothing was written");
            outcome.leaks().forEach((where, count) -> err.println("  " + where + ": " + count));
            err.flush();
            return Main.GATE_FAILED;
        }
        for (String w : outcome.manifest().warnings()) err.println("warden: warning: " + w);
        err.flush();
        if (!quiet) print(outcome.manifest(), manifestFile);
        return Main.OK;
    }

    @SuppressWarnings("unchecked")
    private static void printPrivacy(PrintWriter out, Map<String, Object> p) {
        out.println("  privacy model:");
        for (Map<String, Object> model : (List<Map<String, Object>>) p.get("models")) {
            out.printf("    %-40s achieved %s%n", model.get("model"), model.get("achieved"));
        }
        StringBuilder levels = new StringBuilder();
        ((Map<String, Map<String, Object>>) p.get("quasi_identifiers")).forEach((c, q) ->
                levels.append(levels.isEmpty() ? "" : ", ").append(c).append(' ').append(q.get("level"))
                        .append('/').append(q.get("max_level")));
        out.println("    levels: " + levels);
        out.printf("    suppressed %,d of %,d records (limit %.1f %%), %,d classes%n", p.get("suppressed_records"),
                p.get("records"), 100 * (Double) p.get("max_suppression"), p.get("classes"));
        out.printf("    %s %s; %,d of %,d lattice nodes evaluated, %d ms%n", p.get("metric"), p.get("utility_loss"),
                p.get("nodes_evaluated"), p.get("lattice_size"), p.get("millis"));
    }

    private void print(Manifest m, Path manifestFile) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("warden protect: %d records in, %d out, %.1f s%n", m.inputRecords(), m.outputRecords(),
                m.millis() / 1000.0);
        Map<String, Long> cells = m.stats().cellsByField();
        if (!cells.isEmpty()) {
            out.println("  cells rewritten:");
            cells.forEach((f, c) -> out.printf("    %-28s %,d%n", f, c));
        }
        Map<String, Long> spans = m.stats().spansByEntity();
        if (!spans.isEmpty()) {
            out.println("  spans rewritten in text:");
            spans.forEach((e, c) -> out.printf("    %-28s %,d%n", e, c));
        }
        if (m.stats().recordsDroppedByEntity() > 0) {
            out.printf("  records dropped: %,d%n", m.stats().recordsDroppedByEntity());
        }
        if (m.privacy() != null) printPrivacy(out, m.privacy());
        out.println("  self-check: " + (m.selfChecked() ? "passed" : "disabled by the policy"));
        out.println("  output:   " + m.output() + "  sha256 " + m.outputSha256());
        out.println("  manifest: " + manifestFile);
        out.flush();
    }
}
