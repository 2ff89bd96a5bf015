package io.warden.detect.scan;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.Version;
import io.warden.core.WardenException;
import io.warden.core.finding.Finding;
import io.warden.core.policy.GateEvaluator;
import io.warden.core.policy.Policy;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.core.report.ReidRisk;
import io.warden.core.report.ScanReport;
import io.warden.detect.Analyzer;
import io.warden.detect.Span;
import io.warden.detect.risk.ReidRiskCalculator;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Scans a whole dataset: reads records in batches, analyzes batches on worker threads, and consumes results in
 * input order so findings come out sorted by record.
 *
 * <p>Memory is bounded: at most {@code 2 × threads + 1} batches (each at most {@link #BATCH_CHARS} chars) are in
 * flight, and aggregates grow with the number of fields and entities, not records. Re-identification risk keeps one
 * counter per distinct quasi-identifier tuple.
 */
public final class DatasetScanner {
    static final int BATCH_RECORDS = 2048;
    static final int BATCH_CHARS = 2 << 20;

    private final Analyzer analyzer;
    private final Policy policy;
    private final ScanOptions options;

    public DatasetScanner(Analyzer analyzer, Policy policy, ScanOptions options) {
        this.analyzer = requireNonNull(analyzer, "analyzer");
        this.policy = requireNonNull(policy, "policy");
        this.options = requireNonNull(options, "options");
    }

    /**
     * Scans everything {@code reader} yields.
     *
     * @param reader the input
     * @param input the input's name for the report
     * @param format the format name for the report
     * @param sink receives every finding, in record order (e.g. the findings file)
     * @param progress receives the bytes read so far after each batch
     */
    public ScanReport scan(RecordReader reader, String input, String format, Consumer<Finding> sink,
            LongConsumer progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        GateEvaluator gate = new GateEvaluator(policy);
        List<String> qis = policy.scan().quasiIdentifiers();
        ReidRiskCalculator risk = qis.isEmpty() ? null : new ReidRiskCalculator(qis, riskThreshold());
        Aggregates agg = new Aggregates();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "warden-scan");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<BatchResult>> inFlight = new ArrayDeque<>();
        long records = 0;
        try {
            List<Record> batch = new ArrayList<>(BATCH_RECORDS);
            long chars = 0;
            QiLookup qiLookup = risk == null ? null : new QiLookup(qis);
            Record r;
            while ((r = reader.next()) != null) {
                if (r.chunk() == null || r.chunk().codePointOffset() == 0) {
                    records++;
                    if (qiLookup != null) risk.add(qiLookup.values(r));
                }
                batch.add(r);
                for (String v : r.values()) chars += v == null ? 0 : v.length();
                if (batch.size() >= BATCH_RECORDS || chars >= BATCH_CHARS) {
                    List<Record> b = batch;
                    inFlight.add(pool.submit(() -> analyze(b)));
                    batch = new ArrayList<>(BATCH_RECORDS);
                    chars = 0;
                    while (inFlight.size() > 2 * options.threads()) consume(inFlight.poll(), agg, gate, sink);
                    progress.accept(reader.bytesRead());
                }
            }
            if (!batch.isEmpty()) {
                List<Record> b = batch;
                inFlight.add(pool.submit(() -> analyze(b)));
            }
            while (!inFlight.isEmpty()) consume(inFlight.poll(), agg, gate, sink);
            progress.accept(reader.bytesRead());
        } finally {
            pool.shutdownNow();
        }
        ReidRisk reid = risk == null ? null : risk.result();
        if (risk != null && qiMissing(agg)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "quasi-identifier column(s) not in the input: "
                    + String.join(", ", missingQis(agg)));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new ScanReport(
                "warden " + Version.VERSION, input, format, started, millis, reader.bytesRead(), records, agg.fields,
                agg.total, agg.entityCounts, agg.fieldEntityCounts,
                options.table() ? agg.columns.classify(policy.scan().columnThreshold()) : List.of(),
                reid, gate.result(reid), agg.sample, agg.total > agg.sample.size(), reader.warnings());
    }

    private double riskThreshold() {
        Double max = policy.gate().maxRisk();
        return max != null ? max : options.riskThreshold();
    }

    private boolean qiMissing(Aggregates agg) {
        return !missingQis(agg).isEmpty();
    }

    private List<String> missingQis(Aggregates agg) {
        return policy.scan().quasiIdentifiers().stream().filter(q -> !agg.seenFields.contains(q)).toList();
    }

    private BatchResult analyze(List<Record> batch) {
        List<Finding> findings = new ArrayList<>();
        ColumnStats columns = new ColumnStats();
        Set<String> seen = new HashSet<>();
        long fields = 0;
        Policy.Scan scan = policy.scan();
        boolean trackFields = !scan.quasiIdentifiers().isEmpty();
        for (Record r : batch) {
            List<String> names = r.names();
            List<String> values = r.values();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (trackFields) seen.add(name); // only the quasi-identifier check needs the field names
                String value = values.get(i);
                if (value == null || value.isEmpty() || !scan.scansField(name)) continue;
                fields++;
                if (options.table()) columns.nonEmpty(name);
                List<Span> spans = analyzer.analyze(value, name);
                if (spans.isEmpty()) continue;
                addFindings(r, name, value, spans, findings, columns);
            }
        }
        return new BatchResult(findings, columns, seen, fields);
    }

    private void addFindings(Record r, String name, String value, List<Span> spans, List<Finding> out,
            ColumnStats columns) {
        Record.Chunk chunk = r.chunk();
        long base = chunk == null ? 0 : chunk.codePointOffset();
        int own = chunk == null || chunk.last() ? Integer.MAX_VALUE : chunk.ownChars();
        Set<String> entitiesHere = options.table() ? new HashSet<>() : null;
        int charPos = 0;
        long cpPos = 0;
        for (Span s : spans) { // spans are sorted by start and do not overlap
            if (s.start() >= own) break;
            cpPos += Character.codePointCount(value, charPos, s.start());
            long cpStart = cpPos;
            long cpEnd = cpStart + Character.codePointCount(value, s.start(), s.end());
            cpPos = cpEnd;
            charPos = s.end();
            String v = options.showValues() ? value.substring(s.start(), s.end()) : null;
            double score = Math.round(s.score() * 1000) / 1000.0;
            out.add(new Finding(r.index(), name, base + cpStart, base + cpEnd, s.entity(), score, s.detector(), v));
            if (entitiesHere != null && entitiesHere.add(s.entity())) columns.entity(name, s.entity());
        }
    }

    private void consume(Future<BatchResult> f, Aggregates agg, GateEvaluator gate, Consumer<Finding> sink) {
        BatchResult b;
        try {
            b = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.INTERNAL, "scan interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WardenException w) throw w;
            throw new WardenException(ErrorCode.INTERNAL, "scan failed: " + e.getCause().getClass().getName(),
                    e.getCause());
        }
        agg.fields += b.fields;
        agg.seenFields.addAll(b.seen);
        agg.columns.mergeFrom(b.columns);
        for (Finding x : b.findings) {
            sink.accept(x);
            gate.accept(x);
            agg.total++;
            agg.entityCounts.merge(x.entity(), 1L, Long::sum);
            agg.fieldEntityCounts.computeIfAbsent(x.field(), k -> new TreeMap<>()).merge(x.entity(), 1L, Long::sum);
            if (agg.sample.size() < options.sampleLimit()) agg.sample.add(x);
        }
    }

    private record BatchResult(List<Finding> findings, ColumnStats columns, Set<String> seen, long fields) {}

    private static final class Aggregates {
        long fields;
        long total;
        final Map<String, Long> entityCounts = new TreeMap<>();
        final Map<String, Map<String, Long>> fieldEntityCounts = new TreeMap<>();
        final ColumnStats columns = new ColumnStats();
        final List<Finding> sample = new ArrayList<>();
        final Set<String> seenFields = new HashSet<>();
    }

    /** Finds quasi-identifier values in records, caching column positions per distinct names list. */
    private static final class QiLookup {
        private final List<String> qis;
        private List<String> names;
        private int[] positions;

        QiLookup(List<String> qis) {
            this.qis = qis;
        }

        String[] values(Record r) {
            if (r.names() != names) {
                names = r.names();
                positions = new int[qis.size()];
                Map<String, Integer> idx = new HashMap<>();
                for (int i = 0; i < names.size(); i++) idx.putIfAbsent(names.get(i), i);
                for (int q = 0; q < qis.size(); q++) positions[q] = idx.getOrDefault(qis.get(q), -1);
            }
            String[] out = new String[qis.size()];
            for (int q = 0; q < out.length; q++) out[q] = positions[q] < 0 ? null : r.values().get(positions[q]);
            return out;
        }
    }
}
