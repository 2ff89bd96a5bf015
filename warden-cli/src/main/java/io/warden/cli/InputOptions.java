package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import picocli.CommandLine.Option;

/** The options that say how to read an input dataset, shared by the commands that read one. */
final class InputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Input format: ${COMPLETION-CANDIDATES} (default: from the file name).")
    InputFormat format;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected; "
            + "'\\t' or 'tab' for tab).")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV has no header row (columns are col1, col2, ...).")
    boolean noHeader;

    @Option(names = "--text-mode", paramLabel = "MODE", defaultValue = "LINE",
            description = "Text records: LINE (one per line) or FILE (whole file). Default: ${DEFAULT-VALUE}.")
    ReadOptions.TextMode textMode;

    @Option(names = "--invalid-utf8", paramLabel = "ACTION", defaultValue = "REPLACE",
            description = "Invalid UTF-8: REPLACE (warn, with byte offset) or REJECT (exit 2). "
                    + "Default: ${DEFAULT-VALUE}.")
    ReadOptions.InvalidUtf8 invalidUtf8;

    @Option(names = "--max-record-size", paramLabel = "BYTES", description = "Largest CSV/JSONL record accepted "
            + "(default 64 MiB); longer text lines are scanned in chunks instead.")
    Integer maxRecordSize;

    /** The read options these flags describe. */
    ReadOptions readOptions() {
        ReadOptions ro = ReadOptions.defaults().withFormat(format).withHeader(!noHeader).withTextMode(textMode)
                .withInvalidUtf8(invalidUtf8);
        if (delimiter != null) ro = ro.withDelimiter(parseDelimiter(delimiter));
        if (maxRecordSize != null) {
            if (maxRecordSize <= 0) throw new WardenException(ErrorCode.BAD_USAGE, "--max-record-size must be > 0");
            ro = ro.withMaxRecordBytes(maxRecordSize);
        }
        return ro;
    }

    private static char parseDelimiter(String d) {
        return switch (d) {
            case "\\t", "tab", "TAB", "\t" -> '\t';
            default -> {
                if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
                    throw new WardenException(ErrorCode.BAD_USAGE,
                            "--delimiter must be one character other than a quote or newline");
                }
                yield d.charAt(0);
            }
        };
    }
}
