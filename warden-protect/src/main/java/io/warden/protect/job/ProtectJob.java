package io.warden.protect.job;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.policy.OperatorSpec;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.detect.Analyzer;
import io.warden.detect.Span;
import io.warden.protect.operator.Operator;
import io.warden.protect.operator.Tokenize;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One run of {@code warden protect}: reads a dataset, rewrites it by the policy's {@code protect} rules into a
 * pending output, reads that output again and scans it (the self-check), and only then keeps it with its manifest.
 * Nothing is left behind when any step fails. Input and output are files for the CLI; the server reads an unsealed
 * upload and seals the output into a blob ({@link DataSource}, {@link ProtectOutput}).
 */
public final class ProtectJob {
    /**
     * What to protect and where to put it.
     *
     * @param input the dataset (read up to three times: table pass, rewrite, SHA-256)
     * @param readOptions how to read it (format, delimiter, text mode ...)
     * @param output the protected dataset (same format as the input) and its manifest
     * @param threads worker threads
     */
    public record Request(DataSource input, ReadOptions readOptions, ProtectOutput output, int threads) {
        public Request {
            requireNonNull(input, "input");
            requireNonNull(readOptions, "readOptions");
            requireNonNull(output, "output");
            if (threads < 1) throw new IllegalArgumentException("threads < 1");
        }

        /** Files: {@code input} protected into {@code output}, the manifest (JSON) into {@code manifest}. */
        public Request(Path input, ReadOptions readOptions, Path output, Path manifest, int threads) {
            this(DataSource.file(input), readOptions, ProtectOutput.files(output, manifest), threads);
        }
    }

    /**
     * How a run ended.
     *
     * @param manifest what was done (also kept with the output when the run passed)
     * @param leaks per {@code field: entity}, findings the self-check still made where the policy says the entity must
     *     be removed; empty when the run passed and the output was kept
     */
    public record Outcome(Manifest manifest, Map<String, Long> leaks) {
        public boolean passed() {
            return leaks.isEmpty();
        }
    }

    private final Policy policy;
    private final Analyzer analyzer;
    private final Function<OperatorSpec, Operator> operators;
    private final TablePass tablePass;

    /**
     * @param policy the policy
     * @param analyzer the analyzer for entity rules and the self-check (built from the policy's scan section)
     * @param operators builds each rule's operator (keyed operators need the keyring)
     * @param tablePass decides table-wide values (shuffles, privacy model) before the records are rewritten
     */
    public ProtectJob(Policy policy, Analyzer analyzer, Function<OperatorSpec, Operator> operators, TablePass tablePass) {
        this.policy = requireNonNull(policy, "policy");
        this.analyzer = requireNonNull(analyzer, "analyzer");
        this.operators = requireNonNull(operators, "operators");
        this.tablePass = requireNonNull(tablePass, "tablePass");
        if (policy.protect().isEmpty()) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "the policy has no protect section: nothing to do");
        }
        checkEntityGlobs(policy.protect(), analyzer);
    }

    /** Runs the job. */
    public Outcome run(Request req) {
        DataSource input = req.input();
        InputFormat format = req.readOptions().format() != null ? req.readOptions().format() : input.format();
        if (format == InputFormat.PARQUET) {
            throw new WardenException(ErrorCode.BAD_USAGE, "warden protect writes CSV, JSONL and text; "
                    + "Parquet input is not supported yet");
        }
        ReadOptions ro = req.readOptions().withFormat(format);
        long t0 = System.nanoTime();
        TablePass.Result table = tablePass.compute(input, ro, policy);
        ProtectStats stats = new ProtectStats();
        RecordProtector protector = new RecordProtector(policy, analyzer, operators, table.overrides(), stats);
        char delimiter = ro.delimiter() != null ? ro.delimiter() : ',';
        try (ProtectOutput.Pending out = req.output().open()) {
            MessageDigest outDigest = FileDigest.sha256();
            DigestOutputStream digesting = new DigestOutputStream(out.data(), outDigest);
            Rewriter.Counts counts = Rewriter.rewrite(input, ro, format, delimiter, req.threads(), protector::protect, digesting);
            checkColumnRulesMatched(policy.protect(), protector.fieldsSeen(), counts.read());
            DataSource written = out.written();
            Map<String, Long> leaks = policy.protect().selfCheck()
                    ? selfCheck(written, ro.withDelimiter(delimiter).withHeader(true), req.threads())
                    : Map.of();
            Manifest manifest = new Manifest(policy, format, input.name(), input.sha256(), counts.read(),
                    req.output().name(), HexFormat.of().formatHex(outDigest.digest()), counts.written(), stats,
                    table.report(), policy.protect().selfCheck(), counts.warnings(), (System.nanoTime() - t0) / 1_000_000);
            if (!leaks.isEmpty()) return new Outcome(manifest, leaks);
            out.commit(manifest);
            return new Outcome(manifest, Map.of());
        } catch (UncheckedIOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + req.output().name() + ": "
                    + e.getCause().getMessage());
        }
    }

    /**
     * Analyzes the written output again; returns {@code field: entity} → findings the policy says must not be
     * there. A finding in a column with a removing rule counts when it covers at least half of the cell (the cell
     * still is such a value; a domain left visible in a masked address is not).
     */
    private Map<String, Long> selfCheck(DataSource written, ReadOptions ro, int threads) {
        Map<String, Long> leaks = new TreeMap<>();
        Protect p = policy.protect();
        try (RecordReader reader = written.open(ro)) {
            Rewriter.inBatches(reader, threads, batch -> {
                List<String> found = new ArrayList<>();
                for (Record r : batch) {
                    for (int i = 0; i < r.size(); i++) {
                        String field = r.names().get(i);
                        String value = r.values().get(i);
                        if (value == null || value.isEmpty() || !policy.scan().scansField(field)) continue;
                        boolean column = p.columnRule(field) != null;
                        for (Span s : analyzer.analyze(value, field)) {
                            if (!policy.scan().reportsEntity(s.entity()) || !mustBeRemoved(p, s.entity(), field)) continue;
                            if (column && 2 * s.length() < value.length()) continue;
                            if (insideToken(value, s)) continue; // a tokenize rule's output, not the data
                            found.add(field + ": " + s.entity());
                        }
                    }
                }
                return found;
            }, (batch, found) -> found.forEach(k -> leaks.merge(k, 1L, Long::sum)));
        }
        return leaks;
    }

    /** An entity rule naming an entity no recognizer reports is a typo that would leave the entity in place. */
    private static void checkEntityGlobs(Protect p, Analyzer analyzer) {
        java.util.Set<String> known = analyzer.entities();
        for (int i = 0; i < p.entities().size(); i++) {
            for (String glob : p.entities().get(i).entityGlobs()) {
                if (known.stream().noneMatch(e -> io.warden.core.policy.Globs.matches(glob, e))) {
                    throw new WardenException(ErrorCode.INVALID_POLICY, "protect.entities[" + i + "]: '" + glob
                            + "' matches no entity the scan reports (see docs/recognizers.md, or scan.entities)");
                }
            }
        }
    }

    /**
     * A column rule that matched no field of the input is a typo that would leave the column as it was; a
     * {@code date-shift} subject that is not a field would give the whole column one offset.
     */
    private static void checkColumnRulesMatched(Protect p, java.util.Set<String> fields, long records) {
        if (records == 0) return;
        for (int i = 0; i < p.columns().size(); i++) {
            Protect.ColumnRule rule = p.columns().get(i);
            if (fields.stream().noneMatch(f -> io.warden.core.policy.Globs.anyMatch(rule.fields(), f))) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "protect.columns[" + i + "]: fields "
                        + rule.fields() + " match no field of the input");
            }
            String subject = rule.spec().string("subject", null);
            if (subject != null && !fields.contains(subject)) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "protect.columns[" + i + "]: subject column '"
                        + subject + "' is not a field of the input");
            }
        }
    }

    private static boolean insideToken(String value, Span s) {
        if (value.indexOf(Tokenize.PREFIX) < 0) return false;
        java.util.regex.Matcher m = Tokenize.TOKEN.matcher(value);
        while (m.find()) {
            if (m.start() <= s.start() && s.end() <= m.end()) return true;
        }
        return false;
    }

    /** Whether the policy says {@code entity} must not remain in {@code field} after protection. */
    static boolean mustBeRemoved(Protect p, String entity, String field) {
        Protect.ColumnRule column = p.columnRule(field);
        if (column != null) {
            String op = column.spec().operator();
            return OperatorSpec.REMOVING.contains(op) && !OperatorSpec.PSEUDONYMS.contains(op);
        }
        if (p.privacy() != null && p.privacy().quasiIdentifiers().containsKey(field)) return false;
        Protect.EntityRule rule = p.entityRule(entity, field);
        return rule != null && OperatorSpec.REMOVING.contains(rule.spec().operator());
    }
}
