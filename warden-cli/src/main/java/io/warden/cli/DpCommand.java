package io.warden.cli;

import io.warden.core.policy.Dp;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.protect.dp.BudgetLedger;
import io.warden.protect.dp.DpJob;
import io.warden.protect.dp.DpReport;
import io.warden.protect.dp.RandomSource;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warden dp}: releases the policy's differentially private statistics and charges the budget ledger. */
@Command(name = "dp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Release differentially private statistics of a dataset (the policy's dp queries) and charge "
                + "them to the dataset's privacy budget ledger.",
                "Exits 2 when the budget left is too small for all the queries (nothing is spent or written), and on "
                        + "bad usage or input."})
final class DpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "The dataset file (CSV, JSONL, Parquet or text; gzip detected).")
    Path input;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", required = true,
            description = "Policy YAML with a dp section.")
    Path policyFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The release (JSON; written only when complete).")
    Path output;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "The privacy budget ledger (default: the policy's dp.ledger, else INPUT.dp-ledger.json).")
    Path ledger;

    @Mixin
    InputOptions inputOptions;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        Policy policy = PolicyLoader.load(policyFile);
        DpJob job = new DpJob(policy, RandomSource.secure());
        DpJob.Request request = new DpJob.Request(input, inputOptions.readOptions(), ledger, output);
        Outputs.check(input, List.of(output, job.ledgerFile(request)));
        DpReport report = job.run(request);
        if (!quiet) print(report);
        return Main.OK;
    }

    private void print(DpReport r) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("warden dp: %d %s released from %s (dataset %s)%n", r.outcomes().size(),
                r.outcomes().size() == 1 ? "query" : "queries", r.input(), r.dataset());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"query", "type", "column", "epsilon", "delta", "noise", "value"});
        for (DpReport.Outcome o : r.outcomes()) {
            Dp.Query q = o.step().query();
            rows.add(new String[] {q.name(), q.type().label(), q.column() == null ? "-" : q.column(),
                    plain(BigDecimal.valueOf(q.epsilon())), plain(BigDecimal.valueOf(q.delta())),
                    o.release().mechanism().replace("discrete-", ""), value(q, o.release().value())});
        }
        int[] width = new int[rows.get(0).length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < width.length; i++) line.append(String.format("%-" + width[i] + "s  ", row[i]));
            out.println(line.append(row[width.length]).toString().stripTrailing());
        }
        List<String> leftOut = new ArrayList<>();
        if (r.recordsWithoutUnit() > 0) {
            leftOut.add(r.recordsWithoutUnit() + " records without " + r.privacyUnit());
        }
        for (DpReport.Outcome o : r.outcomes()) {
            if (o.numbers() != null && o.numbers().missing() + o.numbers().nonNumeric() > 0) {
                leftOut.add(o.step().query().name() + ": " + o.numbers().nonNumeric() + " non-numeric, "
                        + o.numbers().missing() + " missing");
            }
        }
        if (!leftOut.isEmpty()) out.println("  left out (exact counts, not private): " + String.join("; ", leftOut));
        r.warnings().forEach(w -> out.println("  warning: " + w));
        BudgetLedger.Snapshot s = r.ledgerAfter();
        out.printf("  budget:  this run epsilon %s, delta %s; remaining epsilon %s of %s, delta %s of %s%n",
                plain(r.epsilon()), plain(r.delta()), plain(s.remainingEpsilon()), plain(s.total().exactEpsilon()),
                plain(s.remainingDelta()), plain(s.total().exactDelta()));
        out.println("  release: " + output);
        out.println("  ledger:  " + r.ledger());
        out.flush();
    }

    /** A release's value for the console: numbers to 6 significant digits, quantiles by rank, category counts. */
    private static String value(Dp.Query q, Object value) {
        return switch (q.type()) {
            case COUNT, SUM, MEAN -> number(value);
            case QUANTILES -> {
                List<?> values = (List<?>) value;
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    parts.add(plain(BigDecimal.valueOf(q.ranks().get(i))) + ": " + number(values.get(i)));
                }
                yield String.join(", ", parts);
            }
            case HISTOGRAM -> ((Map<?, ?>) value).entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        };
    }

    private static String number(Object n) {
        if (n instanceof Double d) return plain(new BigDecimal(d).round(new MathContext(6)));
        return String.valueOf(n);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
