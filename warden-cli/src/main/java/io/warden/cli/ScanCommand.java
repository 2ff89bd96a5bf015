package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.finding.Finding;
import io.warden.core.finding.FindingsWriter;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.core.record.RecordReader;
import io.warden.core.report.ConsoleReport;
import io.warden.core.report.HtmlReport;
import io.warden.core.report.JsonReport;
import io.warden.core.report.SarifReport;
import io.warden.core.report.ScanReport;
import io.warden.detect.Analyzer;
import io.warden.detect.Analyzers;
import io.warden.detect.scan.DatasetScanner;
import io.warden.detect.scan.ScanOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden scan}: finds personal data and secrets in a dataset and applies the policy's gate. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find personal data and secrets in a table or text corpus (CSV, JSONL, Parquet, text; "
                + "gzip detected).", "Exits 1 when the policy's gate fails, 2 on bad usage or input."})
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "The dataset file to scan.")
    Path input;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", description = "Policy YAML (default: every built-in "
            + "recognizer; any finding fails the gate).")
    Path policyFile;

    @Option(names = "--findings", paramLabel = "FILE", description = "Write every finding as JSON Lines.")
    Path findingsFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the summary report as JSON.")
    Path jsonFile;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write a SARIF 2.1.0 report.")
    Path sarifFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path htmlFile;

    @Option(names = "--show-values", description = "Include matched values in findings and reports (sensitive!).")
    boolean showValues;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--min-score", paramLabel = "SCORE", description = "Override the policy's scan.min_score.")
    Double minScore;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        Policy policy = policyFile == null ? Policy.defaults() : PolicyLoader.load(policyFile);
        if (minScore != null) policy = withMinScore(policy, minScore);
        ReadOptions ro = readOptions();
        List<Path> outputs = new ArrayList<>();
        for (Path p : new Path[] {findingsFile, jsonFile, sarifFile, htmlFile}) {
            if (p != null) outputs.add(p);
        }
        Outputs.check(input, outputs);
        Analyzer analyzer = Analyzers.forPolicy(policy);
        ScanReport report;
        try (RecordReader reader = Readers.open(input, ro);
                FindingsWriter fw = findingsFile == null ? null : new FindingsWriter(findingsFile);
                Progress progress = Progress.start(!quiet && !noProgress, "scan", sizeOf(input))) {
            InputFormat fmt = ro.format() != null ? ro.format() : Readers.detect(input);
            ScanOptions so = ScanOptions.defaults().withShowValues(showValues).withTable(fmt != InputFormat.TEXT);
            so = so.withThreads(threads.resolve());
            Consumer<Finding> sink = fw == null ? f -> {} : fw::write;
            report = new DatasetScanner(analyzer, policy, so).scan(reader, input.toString(), fmt.name(), sink,
                    progress::update);
            if (fw != null) fw.commit();
        }
        if (jsonFile != null) JsonReport.write(report, jsonFile);
        if (sarifFile != null) SarifReport.write(report, SarifReport.Options.defaults().withTextMode(inputOptions.textMode), sarifFile);
        if (htmlFile != null) HtmlReport.write(report, htmlFile);
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ConsoleReport.render(report, false));
            out.flush();
        }
        return report.gate().passed() ? Main.OK : Main.GATE_FAILED;
    }

    private ReadOptions readOptions() {
        threads.resolve(); // checked before any work starts
        return inputOptions.readOptions();
    }

    private static Policy withMinScore(Policy p, double score) {
        if (!(score >= 0 && score <= 1)) throw usage("--min-score must be between 0 and 1");
        Policy.Scan s = p.scan();
        return p.withScan(new Policy.Scan(score, s.contextWindow(), s.entities(),
                s.excludeEntities(), s.allowValues(), s.includeFields(), s.excludeFields(), s.recognizers(),
                s.quasiIdentifiers(), s.columnThreshold()));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return 0;
        }
    }

    private static WardenException usage(String msg) {
        return new WardenException(ErrorCode.BAD_USAGE, msg);
    }
}
