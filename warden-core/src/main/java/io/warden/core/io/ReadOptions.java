package io.warden.core.io;

import static java.util.Objects.requireNonNull;

/**
 * How to read an input file.
 *
 * @param format the format, or {@code null} to detect it from the file name (then content)
 * @param delimiter CSV delimiter, or {@code null} to detect it
 * @param header whether the first CSV row names the columns (otherwise columns are {@code col1, col2...})
 * @param textMode for TEXT: one record per line or one per file
 * @param invalidUtf8 what to do with bytes that are not UTF-8
 * @param maxRecordBytes largest single CSV/JSONL record accepted; larger ones fail with RECORD_TOO_LARGE
 * @param chunkChars TEXT pieces longer than this are split into chunks (bounded memory on huge lines)
 * @param chunkOverlap characters shared by consecutive chunks so entities on a boundary are still seen whole
 */
public record ReadOptions(
        InputFormat format,
        Character delimiter,
        boolean header,
        TextMode textMode,
        InvalidUtf8 invalidUtf8,
        int maxRecordBytes,
        int chunkChars,
        int chunkOverlap) {

    /** One record per line of text, or the whole file as one record. */
    public enum TextMode { LINE, FILE }

    /** Reject invalid UTF-8 (error with byte offset) or replace it with U+FFFD (warning with first offset). */
    public enum InvalidUtf8 { REJECT, REPLACE }

    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;
    public static final int DEFAULT_CHUNK_CHARS = 1 << 20;
    public static final int DEFAULT_CHUNK_OVERLAP = 8 << 10;

    public ReadOptions {
        requireNonNull(textMode, "textMode");
        requireNonNull(invalidUtf8, "invalidUtf8");
        if (maxRecordBytes <= 0) throw new IllegalArgumentException("maxRecordBytes must be > 0");
        if (chunkOverlap < 0 || chunkChars <= 2 * chunkOverlap) {
            throw new IllegalArgumentException("chunkChars must exceed twice chunkOverlap");
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, true, TextMode.LINE, InvalidUtf8.REPLACE,
                DEFAULT_MAX_RECORD_BYTES, DEFAULT_CHUNK_CHARS, DEFAULT_CHUNK_OVERLAP);
    }

    public ReadOptions withFormat(InputFormat f) {
        return new ReadOptions(f, delimiter, header, textMode, invalidUtf8, maxRecordBytes, chunkChars, chunkOverlap);
    }

    public ReadOptions withDelimiter(Character d) {
        return new ReadOptions(format, d, header, textMode, invalidUtf8, maxRecordBytes, chunkChars, chunkOverlap);
    }

    public ReadOptions withHeader(boolean h) {
        return new ReadOptions(format, delimiter, h, textMode, invalidUtf8, maxRecordBytes, chunkChars, chunkOverlap);
    }

    public ReadOptions withTextMode(TextMode m) {
        return new ReadOptions(format, delimiter, header, m, invalidUtf8, maxRecordBytes, chunkChars, chunkOverlap);
    }

    public ReadOptions withInvalidUtf8(InvalidUtf8 u) {
        return new ReadOptions(format, delimiter, header, textMode, u, maxRecordBytes, chunkChars, chunkOverlap);
    }

    public ReadOptions withMaxRecordBytes(int n) {
        return new ReadOptions(format, delimiter, header, textMode, invalidUtf8, n, chunkChars, chunkOverlap);
    }

    public ReadOptions withChunking(int chars, int overlap) {
        return new ReadOptions(format, delimiter, header, textMode, invalidUtf8, maxRecordBytes, chars, overlap);
    }
}
