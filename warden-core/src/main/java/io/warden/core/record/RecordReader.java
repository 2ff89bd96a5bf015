package io.warden.core.record;

import java.io.Closeable;
import java.util.List;

/**
 * A streaming source of records; holds at most one record (plus buffers) in memory at a time.
 *
 * <p>Errors surface as {@link io.warden.core.WardenException} with a user-facing code and a message that names the
 * file position (line, byte offset) but never a value.
 */
public interface RecordReader extends Closeable {
    /** Returns the next record, or {@code null} at the end of input. */
    Record next();

    /** Bytes of the (possibly compressed) file consumed so far; for progress reporting. */
    long bytesRead();

    /** Problems the reader worked around (e.g. replaced invalid UTF-8); never contain values. */
    List<String> warnings();

    @Override
    void close();
}
