package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-decompressing input stream that reports damaged input as {@link ErrorCode#MALFORMED_INPUT}.
 *
 * <p>A stream that ends early fails with "truncated gzip stream", bad compressed data with "corrupt gzip stream";
 * both surface as unchecked {@link WardenException}s so they pass unchanged through parsers that only wrap
 * {@link IOException}s. Concatenated gzip members (as written by {@code cat a.gz b.gz}) are read as one stream.
 */
final class GzipInput extends FilterInputStream {
    /** Inflater input buffer: large, so the native inflater is called rarely on fast scans. */
    static final int BUFFER_SIZE = 256 << 10;

    private GzipInput(InputStream in) {
        super(in);
    }

    /** Whether {@code head} starts with the gzip magic bytes {@code 1f 8b}. */
    static boolean isGzip(byte[] head, int len) {
        return len >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /** Starts decompressing {@code compressed}, which must be positioned at the gzip header. */
    static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GzipInput(new GZIPInputStream(compressed, BUFFER_SIZE));
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Turns damaged-gzip failures into domain errors; other I/O failures (a disk error) stay as they are. */
    private static IOException translate(IOException e) {
        if (e instanceof EOFException) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "truncated gzip stream");
        }
        if (e instanceof ZipException) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "corrupt gzip stream");
        }
        return e;
    }
}
