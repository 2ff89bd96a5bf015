package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.detect.Analyzers;
import io.warden.detect.eval.EvalOptions;
import io.warden.detect.eval.EvalReport;
import io.warden.detect.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warden eval}: measures detection accuracy against a span-labelled corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure detection precision, recall and F2 per entity against a span-labelled corpus "
                + "(Presidio-research JSON: a list of {full_text, spans: [{entity_type, start_position, "
                + "end_position}]}).", "Exits 0 when the evaluation ran (whatever the scores), 2 on bad input."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", description = "The labelled corpus (JSON, optionally gzipped).")
    Path corpus;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE",
            description = "Policy whose scan section configures the recognizers (default: built-ins).")
    Path policyFile;

    @Option(names = "--map", paramLabel = "NAME=ENTITY", split = ",",
            description = "Rename entities on both sides before matching, e.g. PER=PERSON; map to O to drop one.")
    List<String> mappings = List.of();

    @Option(names = "--overlap", paramLabel = "IOU", defaultValue = "0.5",
            description = "Minimum intersection-over-union for a match (default ${DEFAULT-VALUE}).")
    double overlap;

    @Option(names = "--entities", paramLabel = "ENTITY", split = ",",
            description = "Score only these entities (default: all labelled or predicted).")
    List<String> entities = List.of();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path jsonFile;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "20",
            description = "Error examples to print (default ${DEFAULT-VALUE}; 0 for none).")
    int errors;

    @Option(names = "--show-values", description = "Show the text of error examples (the corpus may be sensitive).")
    boolean showValues;

    @Override
    public Integer call() {
        Policy policy = policyFile == null ? Policy.defaults() : PolicyLoader.load(policyFile);
        EvalOptions opts;
        try {
            opts = EvalOptions.defaults()
                    .withEntityMapping(EvalOptions.parseMapping(mappings))
                    .withOverlapThreshold(overlap)
                    .withIncludeText(showValues);
            if (!entities.isEmpty()) opts = opts.withEntities(new LinkedHashSet<>(entities));
        } catch (IllegalArgumentException e) {
            throw new WardenException(ErrorCode.BAD_USAGE, e.getMessage());
        }
        if (errors < 0) throw new WardenException(ErrorCode.BAD_USAGE, "--errors must be >= 0");
        EvalReport report = new Evaluator(Analyzers.forPolicy(policy), opts).evaluate(corpus);
        if (jsonFile != null) report.writeJson(jsonFile);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.toTable());
        if (errors > 0) out.print(report.errorsTable(errors));
        out.flush();
        return Main.OK;
    }
}
