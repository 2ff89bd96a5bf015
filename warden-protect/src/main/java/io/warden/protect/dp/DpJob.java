package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Dp;
import io.warden.core.policy.Policy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases the differentially private statistics of a policy's {@code dp} section from one dataset and writes
 * them to a release file: what {@code warden dp} runs (and the server will).
 *
 * <p>A run goes: plan and check every query ({@link DpPlan}: bad parameters fail here); open the output (a
 * temporary file); read the queried columns ({@link DpColumns}: a missing column or bad input fails here); open
 * the ledger, creating it with {@code dp.budget} if there is none; refuse the whole run with
 * {@code BUDGET_EXHAUSTED} unless all its queries fit in the budget left (nothing is spent); release each query,
 * which spends it on the ledger before drawing noise; write the release file and rename it into place.
 *
 * <p>Spends are recorded before the file is complete, so a run that fails after its first spend (the disk fills,
 * another process spends the last of the budget meanwhile) loses that budget without releasing anything — never the
 * other way round.
 */
public final class DpJob {
    /** The ledger's file name suffix when neither the policy nor the caller names one. */
    public static final String LEDGER_SUFFIX = ".dp-ledger.json";

    private final Policy policy;
    private final DpPlan plan;
    private final RandomSource random;

    /**
     * A job for {@code policy}'s dp section.
     *
     * @param random the noise source: {@link RandomSource#secure()} for any real release
     * @throws WardenException INVALID_POLICY when the section has no query or a query cannot be released
     */
    public DpJob(Policy policy, RandomSource random) {
        this.policy = requireNonNull(policy, "policy");
        this.random = requireNonNull(random, "random");
        this.plan = DpPlan.of(policy.dp());
    }

    /**
     * What to release from and where to write it.
     *
     * @param input the dataset file
     * @param readOptions how to read it
     * @param ledger the ledger file, or null for the policy's {@code dp.ledger}, else {@code INPUT.dp-ledger.json}
     * @param output the release file (written only when complete)
     */
    public record Request(Path input, ReadOptions readOptions, Path ledger, Path output) {
        public Request {
            requireNonNull(input, "input");
            requireNonNull(readOptions, "readOptions");
            requireNonNull(output, "output");
        }
    }

    public DpPlan plan() {
        return plan;
    }

    /** The ledger a request uses: its own, else the policy's {@code dp.ledger}, else {@code INPUT.dp-ledger.json}. */
    public Path ledgerFile(Request req) {
        if (req.ledger() != null) return req.ledger();
        if (policy.dp().ledger() != null) return Path.of(policy.dp().ledger());
        return req.input().resolveSibling(req.input().getFileName() + LEDGER_SUFFIX);
    }

    /** The dataset id the ledger is kept for: the policy's {@code dataset}, else the input's file name. */
    public String dataset(Path input) {
        return policy.dataset() != null ? policy.dataset() : String.valueOf(input.getFileName());
    }

    /**
     * Runs the release.
     *
     * @throws WardenException BUDGET_EXHAUSTED (nothing spent, nothing written), and the user errors of reading the
     *     input, the ledger and writing the output
     */
    public DpReport run(Request req) {
        requireNonNull(req, "req");
        Path ledgerFile = ledgerFile(req);
        String dataset = dataset(req.input());
        InputFormat format = req.readOptions().format() != null ? req.readOptions().format()
                : Readers.detect(req.input());
        requireDistinct(req.input(), ledgerFile, req.output());
        try (AtomicFile.Pending out = AtomicFile.open(req.output())) {
            DpColumns columns = DpColumns.read(req.input(), req.readOptions().withFormat(format), plan.privacyUnit(),
                    plan.columns());
            String sha256 = FileDigest.sha256Hex(req.input());
            BudgetLedger ledger = ledger(ledgerFile, dataset, policy.dp().budget());
            plan.requireFits(ledger.read());
            DpAggregator aggregator = new DpAggregator(ledger, random);
            List<DpReport.Outcome> outcomes = new ArrayList<>();
            for (DpPlan.Step step : plan.steps()) outcomes.add(release(aggregator, step, columns));
            DpReport report = new DpReport(dataset, req.input().toString(), format, sha256, ledgerFile.toString(),
                    plan.privacyUnit(), outcomes, ledger.read(), columns.recordsWithoutUnit(), columns.warnings(),
                    Instant.now());
            report.write(out.out());
            out.commit();
            return report;
        } catch (UncheckedIOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + req.output() + ": "
                    + e.getCause().getMessage());
        }
    }

    private static DpReport.Outcome release(DpAggregator dp, DpPlan.Step step, DpColumns columns) {
        Dp.Query q = step.query();
        String label = step.label();
        List<Integer> rows = columns.rows();
        int m = step.bounds().maxContributions();
        return switch (q.type()) {
            case COUNT -> new DpReport.Outcome(step, dp.count(label, rows, columns::unit, m, step.cost()), null);
            case SUM -> {
                DpColumns.Numbers n = columns.numbers(q.column());
                yield new DpReport.Outcome(step, dp.sum(label, rows, columns::unit, n::get, step.bounds(),
                        step.cost()), n);
            }
            case MEAN -> {
                DpColumns.Numbers n = columns.numbers(q.column());
                yield new DpReport.Outcome(step, dp.mean(label, rows, columns::unit, n::get, step.bounds(),
                        step.cost()), n);
            }
            case QUANTILES -> {
                DpColumns.Numbers n = columns.numbers(q.column());
                yield new DpReport.Outcome(step, dp.quantiles(label, rows, columns::unit, n::get, q.ranks(),
                        step.bounds(), step.cost()), n);
            }
            case HISTOGRAM -> new DpReport.Outcome(step, dp.histogram(label, rows, columns::unit,
                    row -> columns.value(q.column(), row), q.categories(), m, step.cost()), null);
        };
    }

    /**
     * Fails when two of the files are one: a release written over the ledger would reset the budget, and either
     * written over the input would destroy it.
     */
    private static void requireDistinct(Path input, Path ledger, Path output) {
        Path in = input.toAbsolutePath().normalize();
        Path led = ledger.toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        if (out.equals(in) || led.equals(in)) {
            throw new WardenException(ErrorCode.BAD_USAGE, (out.equals(in) ? "the release " + output : "the ledger "
                    + ledger) + " would overwrite the input");
        }
        if (out.equals(led)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the release and the ledger are the same file: " + output);
        }
    }

    /** Opens the ledger; creates it with {@code budget} when there is none, and needs a budget to do so. */
    static BudgetLedger ledger(Path file, String dataset, Dp.Budget budget) {
        if (budget != null) {
            return BudgetLedger.openOrCreate(file, dataset, new PrivacyCost(budget.epsilon(), budget.delta()));
        }
        if (!Files.exists(file)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "no budget ledger at " + file + ": give dp.budget in the"
                    + " policy to create one (or --ledger to use another)");
        }
        return BudgetLedger.open(file, dataset);
    }
}
