package io.warden.core.io;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads RFC 4180 CSV with FastCSV: quoted fields may hold delimiters, newlines and doubled quotes; empty lines
 * are skipped; the first row is the header unless {@link ReadOptions#header()} is false.
 *
 * <p>Ragged rows do not stop the scan: a short row is padded with {@code null}s to the header's width, a long row
 * gets extra columns named {@code colN}; one warning line summarises them. A record's index counts data rows only
 * (header and empty lines excluded); errors name the 1-based line the record starts on. FastCSV's own messages
 * can quote input, so they are mapped to fixed messages and never passed on.
 */
final class CsvRecordReader extends TextFormatReader {
    /** FastCSV's first buffer size; it doubles the buffer from there. */
    private static final int PARSER_MIN_BUFFER = 16 << 10;

    private final CsvRowHandler handler;
    private final CsvReader<CsvRowHandler.Row> csv;
    private final CloseableIterator<CsvRowHandler.Row> rows;
    private final boolean header;
    private final int maxRecordBytes;
    private CsvColumnNames names;
    private int width;
    private long index;
    private long shorter;
    private long longer;
    private long firstRaggedLine;

    CsvRecordReader(Path path, FileInput input, char delimiter, ReadOptions options) throws IOException {
        super(path, input, options);
        this.header = options.header();
        this.maxRecordBytes = options.maxRecordBytes();
        this.handler = new CsvRowHandler(maxRecordBytes);
        this.csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(parserBufferLimit(maxRecordBytes))
                .build(handler, text.reader());
        this.rows = csv.iterator();
    }

    /**
     * FastCSV's buffer limit, in chars: room for the largest allowed field plus one read block. It must be the
     * first buffer size times a power of two, as FastCSV 4.4 overruns a buffer capped anywhere else.
     */
    static int parserBufferLimit(int maxRecordBytes) {
        long needed = (long) maxRecordBytes + PARSER_MIN_BUFFER;
        int limit = PARSER_MIN_BUFFER;
        while (limit < needed && limit < (1 << 30)) {
            limit <<= 1;
        }
        return limit;
    }

    @Override
    Record read() {
        CsvRowHandler.Row row = nextRow();
        if (names == null) {
            if (row == null) {
                return null;
            }
            names = header ? CsvColumnNames.fromHeader(row.fields()) : CsvColumnNames.generated(row.fields().size());
            width = names.size();
            if (header) {
                row = nextRow();
            }
        }
        return row == null ? null : toRecord(row);
    }

    private Record toRecord(CsvRowHandler.Row row) {
        List<String> fields = row.fields();
        int n = fields.size();
        if (n != width) {
            if (shorter + longer == 0) {
                firstRaggedLine = row.line();
            }
            if (n < width) {
                shorter++;
                fields = new ArrayList<>(fields);
                while (fields.size() < width) {
                    fields.add(null);
                }
            } else {
                longer++;
            }
        }
        return Record.of(index++, names.first(fields.size()), Collections.unmodifiableList(fields));
    }

    private CsvRowHandler.Row nextRow() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Maps a FastCSV failure to a fixed, value-free message. */
    private WardenException translate(RuntimeException e) {
        WardenException own = find(e);
        if (own != null) {
            return own;
        }
        long line = handler.currentLine();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof CsvParseException && t.getMessage() != null ? t.getMessage() : "";
            if (m.startsWith("Unclosed quoted field")) {
                return new WardenException(ErrorCode.MALFORMED_INPUT, "unbalanced quote starting at line " + line);
            }
            if (m.startsWith("The maximum buffer size")) {
                WardenException tooLarge = CsvRowHandler.tooLarge(line, maxRecordBytes);
                return new WardenException(ErrorCode.RECORD_TOO_LARGE,
                        tooLarge.getMessage() + "; an unbalanced quote can also cause this");
            }
            if (m.startsWith("Unexpected character after closing quote")) {
                return new WardenException(ErrorCode.MALFORMED_INPUT,
                        "line " + line + ": unexpected character after a closing quote");
            }
        }
        if (e instanceof java.io.UncheckedIOException io) {
            throw io; // an I/O failure, not bad CSV: the base class names the file
        }
        return new WardenException(ErrorCode.MALFORMED_INPUT, "line " + line + ": malformed CSV");
    }

    @Override
    void formatWarnings(List<String> into) {
        if (shorter + longer > 0) {
            into.add("ragged rows: " + (shorter + longer) + " rows had a different field count than the "
                    + (header ? "header;" : "first row;")
                    + " first at line " + firstRaggedLine
                    + " (" + shorter + " shorter, padded with nulls; " + longer + " longer, extra columns colN)");
        }
    }

    @Override
    void release() throws IOException {
        csv.close();
        super.release();
    }
}
