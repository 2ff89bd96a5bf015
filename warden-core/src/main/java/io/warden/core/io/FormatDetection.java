package io.warden.core.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses an input format from a file name: {@code .csv .tsv .psv} are CSV, {@code .jsonl .ndjson .json} JSONL,
 * {@code .parquet} Parquet, anything else text. A trailing {@code .gz} is ignored (gzip itself is recognised by
 * content); case does not matter.
 */
final class FormatDetection {
    private FormatDetection() {}

    /** The format the name of {@code path} suggests. */
    static InputFormat fromName(Path path) {
        String ext = extension(path);
        return switch (ext) {
            case "csv", "tsv", "psv" -> InputFormat.CSV;
            case "jsonl", "ndjson", "json" -> InputFormat.JSONL;
            case "parquet" -> InputFormat.PARQUET;
            default -> InputFormat.TEXT;
        };
    }

    /** The delimiter the name implies ({@code .tsv} tab, {@code .psv} pipe), or {@code null} to sniff it. */
    static Character delimiterFromName(Path path) {
        return switch (extension(path)) {
            case "tsv" -> '\t';
            case "psv" -> '|';
            default -> null;
        };
    }

    /** The lower-case extension after removing one {@code .gz}, or "" if there is none. */
    static String extension(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
