package io.warden.core.io;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the right streaming {@link RecordReader} for a file.
 *
 * <p>The format is {@link ReadOptions#format()} if set, else {@link #detect(Path)}: the file name, plus Parquet
 * recognised by content when the name says nothing. Gzip compression is recognised by its magic bytes, whatever
 * the name. Text formats (CSV, JSONL, TEXT) are UTF-8; a byte-order mark is dropped, and a NUL byte in the first
 * 8 KiB marks the file as binary.
 */
public final class Readers {
    private Readers() {}

    /**
     * Opens {@code path} for streaming reads.
     *
     * @throws io.warden.core.WardenException INPUT_NOT_FOUND, MALFORMED_INPUT (e.g. binary data for a text format,
     *     wrong format flag), INVALID_ENCODING
     */
    public static RecordReader open(Path path, ReadOptions options) {
        requireNonNull(path, "path");
        requireNonNull(options, "options");
        requireReadableFile(path);
        InputFormat format = options.format() != null ? options.format() : detect(path);
        try {
            if (format == InputFormat.PARQUET) {
                return ParquetRecordReader.open(path);
            }
            return openText(path, format, options);
        } catch (IOException e) {
            throw AbstractRecordReader.fromIo(path, e);
        }
    }

    /**
     * Opens a stream of a text format (CSV, JSONL, TEXT; gzip detected) for streaming reads — data that is not in a
     * file, such as an upload being unsealed. {@code name} names it in messages and decides the format when
     * {@code options} gives none. Parquet needs random access: it is refused here.
     *
     * @throws io.warden.core.WardenException MALFORMED_INPUT (binary data, Parquet), INVALID_ENCODING
     */
    public static RecordReader open(java.io.InputStream in, Path name, ReadOptions options) {
        requireNonNull(in, "in");
        requireNonNull(name, "name");
        requireNonNull(options, "options");
        InputFormat format = options.format() != null ? options.format() : formatByName(name);
        if (format == InputFormat.PARQUET) {
            throw new io.warden.core.WardenException(io.warden.core.ErrorCode.MALFORMED_INPUT, name
                    + ": Parquet cannot be read as a stream");
        }
        try {
            FileInput input = FileInput.of(in);
            try {
                BinaryDetector.requireText(input.prefix());
                return switch (format) {
                    case CSV -> new CsvRecordReader(name, input, delimiter(name, input, options), options);
                    case JSONL -> new JsonlRecordReader(name, input, options);
                    case TEXT -> new TextRecordReader(name, input, options);
                    case PARQUET -> throw new IllegalStateException("checked above");
                };
            } catch (IOException | RuntimeException e) {
                input.close();
                throw e;
            }
        } catch (IOException e) {
            throw AbstractRecordReader.fromIo(name, e);
        }
    }

    /** The format a name says ({@code .csv}, {@code .jsonl}, ... with {@code .gz} ignored), without opening anything. */
    public static InputFormat formatByName(Path name) {
        return FormatDetection.fromName(requireNonNull(name, "name"));
    }

    /**
     * The format {@link #open} uses when none is given: from the name, {@code .csv .tsv .psv} CSV,
     * {@code .jsonl .ndjson .json} JSONL, {@code .parquet} PARQUET, anything else TEXT (a trailing {@code .gz} is
     * ignored); but a would-be TEXT file with the Parquet magic bytes at both ends is PARQUET. A file that cannot be
     * read is judged by its name alone.
     */
    public static InputFormat detect(Path path) {
        InputFormat byName = FormatDetection.fromName(requireNonNull(path, "path"));
        if (byName != InputFormat.TEXT || !Files.isRegularFile(path)) {
            return byName;
        }
        try {
            return ParquetRecordReader.isParquet(path) ? InputFormat.PARQUET : byName;
        } catch (IOException e) {
            return byName;
        }
    }

    private static RecordReader openText(Path path, InputFormat format, ReadOptions options) throws IOException {
        FileInput input = FileInput.open(path);
        try {
            BinaryDetector.requireText(input.prefix());
            return switch (format) {
                case CSV -> new CsvRecordReader(path, input, delimiter(path, input, options), options);
                case JSONL -> new JsonlRecordReader(path, input, options);
                case TEXT -> new TextRecordReader(path, input, options);
                case PARQUET -> throw new IllegalStateException("Parquet is not a text format");
            };
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static char delimiter(Path path, FileInput input, ReadOptions options) {
        Character d = options.delimiter();
        if (d == null) {
            d = FormatDetection.delimiterFromName(path);
        }
        if (d == null) {
            byte[] prefix = input.prefix();
            return DelimiterSniffer.sniff(prefix, prefix.length < FileInput.PREFIX_BYTES);
        }
        if (d == '"' || d == '\n' || d == '\r') {
            throw new WardenException(ErrorCode.BAD_USAGE, "the CSV delimiter cannot be a quote or a line break");
        }
        return d;
    }

    private static void requireReadableFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "input is a directory, not a file: " + path);
        }
        if (!Files.exists(path)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "input file not found: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "input file is not readable: " + path);
        }
    }
}
