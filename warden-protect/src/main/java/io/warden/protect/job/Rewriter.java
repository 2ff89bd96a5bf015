package io.warden.protect.job;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Rewrites a dataset record by record: reads it, transforms records in parallel batches, writes them in input order
 * in the input's format. Shared by {@code warden protect} and {@code warden reveal}.
 */
final class Rewriter {
    private static final int BATCH = 1024;

    private Rewriter() {}

    /**
     * What a rewrite did.
     *
     * @param read records read
     * @param written records written (fewer when some were dropped)
     * @param warnings what the reader worked around (e.g. invalid UTF-8 replaced), never values
     */
    record Counts(long read, long written, List<String> warnings) {}

    /** What happens to one record: its new values (same fields, same order), or null to drop it. */
    interface Transform {
        List<String> apply(Record r);
    }

    /**
     * Reads {@code input}, transforms its records in parallel batches, and writes them in input order to {@code out}
     * in the input's format.
     */
    static Counts rewrite(DataSource input, ReadOptions ro, InputFormat format, char delimiter, int threads,
            Transform transform, OutputStream out) {
        OutputWriter writer = OutputWriter.of(format, out, delimiter);
        boolean jsonl = format == InputFormat.JSONL;
        long[] counts = new long[2]; // read, written: updated on this thread only
        // JSON Lines are read as text lines and parsed here, so each protected line keeps its structure.
        ReadOptions lines = ro.withFormat(InputFormat.TEXT).withTextMode(ReadOptions.TextMode.LINE)
                .withChunking(ro.maxRecordBytes() + 1, 0);
        try (RecordReader reader = jsonl ? new NonBlankLines(input.open(lines)) : input.open(ro)) {
            inBatches(reader, threads, batch -> {
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (Record r : batch) {
                    if (jsonl) {
                        JsonLine line = JsonLine.parse(r.values().get(0), Long.parseLong(r.names().get(0)));
                        List<String> values = transform.apply(Record.of(r.index(), line.names, line.values));
                        if (values != null) rows.add(new Object[] {TEXT, List.of(line.rewrite(values))});
                    } else {
                        List<String> values = transform.apply(r);
                        if (values != null) rows.add(new Object[] {r.names(), values});
                    }
                }
                return rows;
            }, (batch, rows) -> {
                counts[0] += batch.size();
                counts[1] += rows.size();
                for (Object[] row : rows) writer.write(names(row[0]), names(row[1]));
            });
            writer.flush();
            return new Counts(counts[0], counts[1], List.copyOf(reader.warnings()));
        }
    }

    private static final List<String> TEXT = List.of("text");

    /**
     * The non-blank lines of a text reader, numbered as the JSONL reader numbers records; each record's single name
     * is the physical 1-based line number, for error messages.
     */
    private static final class NonBlankLines implements RecordReader {
        private final RecordReader lines;
        private long index;

        NonBlankLines(RecordReader lines) {
            this.lines = lines;
        }

        @Override
        public Record next() {
            Record r;
            while ((r = lines.next()) != null) {
                if (r.chunk() != null) {
                    throw new WardenException(ErrorCode.RECORD_TOO_LARGE, "line " + (r.index() + 1) + " is too long");
                }
                if (!r.values().get(0).chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\f')) {
                    return Record.of(index++, List.of(Long.toString(r.index() + 1)), r.values());
                }
            }
            return null;
        }

        @Override
        public long bytesRead() {
            return lines.bytesRead();
        }

        @Override
        public List<String> warnings() {
            return lines.warnings();
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /**
     * Reads {@code reader} in batches, runs {@code work} on each in a pool of {@code threads}, and hands the results
     * to {@code inOrder} in input order on this thread. Records split into chunks are refused: protection rewrites
     * whole records.
     */
    static <R> void inBatches(RecordReader reader, int threads, Function<List<Record>, R> work,
            java.util.function.BiConsumer<List<Record>, R> inOrder) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "warden-protect");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Object[]> inFlight = new ArrayDeque<>();
        try {
            List<Record> batch = new ArrayList<>(BATCH);
            Record r;
            while ((r = reader.next()) != null) {
                if (r.chunk() != null) {
                    throw new WardenException(ErrorCode.RECORD_TOO_LARGE, "record " + r.index() + " is longer than "
                            + ReadOptions.DEFAULT_CHUNK_CHARS + " characters; warden protect rewrites whole records only");
                }
                batch.add(r);
                if (batch.size() == BATCH) {
                    List<Record> b = batch;
                    inFlight.add(new Object[] {b, pool.submit(() -> work.apply(b))});
                    batch = new ArrayList<>(BATCH);
                    while (inFlight.size() > 2 * threads) drain(inFlight.poll(), inOrder);
                }
            }
            if (!batch.isEmpty()) {
                List<Record> b = batch;
                inFlight.add(new Object[] {b, pool.submit(() -> work.apply(b))});
            }
            while (!inFlight.isEmpty()) drain(inFlight.poll(), inOrder);
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> void drain(Object[] entry, java.util.function.BiConsumer<List<Record>, R> inOrder) {
        try {
            inOrder.accept((List<Record>) entry[0], ((Future<R>) entry[1]).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new WardenException(ErrorCode.INTERNAL, "protect failed: " + e.getCause().getClass().getName());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object o) {
        return (List<String>) o;
    }

}
