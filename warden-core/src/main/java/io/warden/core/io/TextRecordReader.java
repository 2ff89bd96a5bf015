package io.warden.core.io;

import io.warden.core.record.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads plain UTF-8 text: one record per line ({@link ReadOptions.TextMode#LINE}) or the whole file as one record
 * ({@link ReadOptions.TextMode#FILE}), with the single field {@code "text"}.
 *
 * <p>In LINE mode a record's index is its 0-based line number; empty lines are records with empty text. Lines (or
 * a file) longer than {@link ReadOptions#chunkChars()} come as several records with the same index, each with a
 * {@link Record.Chunk}; see {@link TextChunker}. An empty file has no records.
 */
final class TextRecordReader extends TextFormatReader {
    static final List<String> NAMES = List.of("text");

    private final TextChunker chunker;
    private long index;

    TextRecordReader(Path path, FileInput input, ReadOptions options) throws IOException {
        super(path, input, options);
        boolean lines = switch (options.textMode()) {
            case LINE -> true;
            case FILE -> false;
        };
        this.chunker = new TextChunker(text.reader(), lines, options.chunkChars(), options.chunkOverlap());
    }

    @Override
    Record read() throws IOException {
        TextChunker.Piece piece = chunker.next();
        if (piece == null) {
            return null;
        }
        Record record = new Record(index, NAMES, List.of(piece.text()), piece.chunk());
        if (piece.ends()) {
            index++;
        }
        return record;
    }
}
