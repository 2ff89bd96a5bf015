package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour every reader shares: a failure is sticky (each later {@link #next()} rethrows it, so no record
 * after a broken one is ever returned), I/O errors become {@link WardenException}s, and {@link #close()} is
 * idempotent.
 */
abstract class AbstractRecordReader implements RecordReader {
    private final Path path;
    private WardenException failure;
    private boolean closed;

    AbstractRecordReader(Path path) {
        this.path = path;
    }

    /** Reads the next whole record, or returns {@code null} at the end. */
    abstract Record read() throws IOException;

    /** Releases the underlying resources; called at most once. */
    abstract void release() throws IOException;

    /** Format-specific warnings, in the order they should be shown. */
    abstract void collectWarnings(List<String> into);

    @Override
    public final Record next() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        if (failure != null) {
            throw failure;
        }
        try {
            return read();
        } catch (IOException e) {
            failure = fromIo(path, e);
        } catch (RuntimeException e) {
            failure = fromRuntime(e);
        }
        throw failure;
    }

    @Override
    public final List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        collectWarnings(warnings);
        return List.copyOf(warnings);
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            release();
        } catch (IOException e) {
            // Nothing was written; a failing close of an input cannot lose data.
        }
    }

    /** The domain error for an I/O failure: a wrapped domain error if there is one, else "cannot read". */
    static WardenException fromIo(Path path, IOException e) {
        WardenException inner = find(e);
        if (inner != null) {
            return inner;
        }
        return new WardenException(ErrorCode.INPUT_NOT_FOUND,
                "cannot read " + path + " (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * The domain error for an unexpected runtime failure. Libraries wrap our own errors (e.g. a gzip or UTF-8
     * failure raised inside a parser), so the cause chain is searched first. Anything else is a bug; its message
     * might quote input, so it is neither copied nor chained.
     */
    WardenException fromRuntime(RuntimeException e) {
        WardenException inner = find(e);
        if (inner != null) {
            return inner;
        }
        if (e instanceof UncheckedIOException io) {
            return fromIo(path, io.getCause());
        }
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        return new WardenException(ErrorCode.INTERNAL,
                "unexpected " + e.getClass().getSimpleName() + where + " while reading " + path);
    }

    /** The first {@link WardenException} in the cause chain of {@code t}, or {@code null}. */
    static WardenException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WardenException w) {
                return w;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
