package io.warden.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A reader of a text format (CSV, JSONL, plain text): owns the file input and its UTF-8 decoding, reports the
 * bytes consumed and the invalid-UTF-8 warning, and closes the file.
 */
abstract class TextFormatReader extends AbstractRecordReader {
    final FileInput input;
    final Utf8Text text;

    TextFormatReader(Path path, FileInput input, ReadOptions options) throws IOException {
        super(path);
        this.input = input;
        this.text = Utf8Text.open(input, options.invalidUtf8());
    }

    @Override
    public final long bytesRead() {
        return input.bytesRead();
    }

    @Override
    final void collectWarnings(List<String> into) {
        String utf8 = text.warning();
        if (utf8 != null) {
            into.add(utf8);
        }
        formatWarnings(into);
    }

    /** Warnings of the format itself, after the encoding warning; none by default. */
    void formatWarnings(List<String> into) {}

    @Override
    void release() throws IOException {
        input.close();
    }
}
