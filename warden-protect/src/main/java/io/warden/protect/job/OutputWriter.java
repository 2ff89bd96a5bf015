package io.warden.protect.job;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.warden.core.io.InputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes protected records in the input's format: CSV (RFC 4180, header row), JSONL or text (one record per line). */
abstract sealed class OutputWriter {
    /** A writer for {@code format} onto {@code out}; a JSONL record is one line of JSON text. Parquet is not written yet. */
    static OutputWriter of(InputFormat format, OutputStream out, char delimiter) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return switch (format) {
            case CSV -> new Csv(w, delimiter);
            case TEXT, JSONL -> new Text(w);
            case PARQUET -> throw new IllegalArgumentException(format + " output");
        };
    }

    /** Writes one record; {@code names} are the same for every record of a table. */
    abstract void write(List<String> names, List<String> values);

    /** Flushes to the underlying stream (which stays open). */
    abstract void flush();

    private static final class Csv extends OutputWriter {
        private final CsvWriter csv;
        private boolean headerDone;

        Csv(Writer w, char delimiter) {
            this.csv = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(LineDelimiter.LF).build(w);
        }

        @Override
        void write(List<String> names, List<String> values) {
            if (!headerDone) {
                csv.writeRecord(names);
                headerDone = true;
            }
            csv.writeRecord(values.stream().map(v -> v == null ? "" : v).toList());
        }

        @Override
        void flush() {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Text extends OutputWriter {
        private final Writer w;

        Text(Writer w) {
            this.w = w;
        }

        @Override
        void write(List<String> names, List<String> values) {
            try {
                String v = values.get(0);
                w.write(v == null ? "" : v);
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void flush() {
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
