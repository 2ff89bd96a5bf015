package io.warden.core.io;

import io.warden.core.record.RecordReader;
import java.nio.file.Path;

/** Opens the right streaming {@link RecordReader} for a file. */
public final class Readers {
    private Readers() {}

    /**
     * Opens {@code path} for streaming reads.
     *
     * @throws io.warden.core.WardenException INPUT_NOT_FOUND, MALFORMED_INPUT (e.g. binary data for a text format,
     *     wrong format flag), INVALID_ENCODING
     */
    public static RecordReader open(Path path, ReadOptions options) {
        throw new UnsupportedOperationException("TODO");
    }
}
