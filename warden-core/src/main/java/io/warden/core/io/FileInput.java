package io.warden.core.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An opened input file: counts the raw bytes read, decompresses gzip transparently, and lets readers peek at the
 * first decompressed bytes (for binary and delimiter sniffing) before streaming the whole content.
 *
 * <p>Gzip is recognised by its magic bytes, never by the file name.
 */
final class FileInput implements Closeable {
    /** How many decompressed bytes are read ahead for sniffing. */
    static final int PREFIX_BYTES = 64 << 10;
    private static final int FILE_BUFFER = 64 << 10;

    private final CountingInputStream raw;
    private final boolean gzip;
    private final byte[] prefix;
    private final InputStream content;

    private FileInput(CountingInputStream raw, boolean gzip, byte[] prefix, InputStream content) {
        this.raw = raw;
        this.gzip = gzip;
        this.prefix = prefix;
        this.content = content;
    }

    /**
     * Opens {@code path}, detects gzip and reads the prefix.
     *
     * @throws io.warden.core.WardenException MALFORMED_INPUT if the file is a damaged gzip stream
     */
    static FileInput open(Path path) throws IOException {
        return of(Files.newInputStream(path));
    }

    /** As {@link #open(Path)}, over a stream (an upload being unsealed); closes it on failure. */
    static FileInput of(InputStream file) throws IOException {
        try {
            CountingInputStream raw = new CountingInputStream(file);
            BufferedInputStream buffered = new BufferedInputStream(raw, FILE_BUFFER);
            buffered.mark(2);
            byte[] magic = buffered.readNBytes(2);
            buffered.reset();
            boolean gzip = GzipInput.isGzip(magic, magic.length);
            InputStream decompressed = gzip ? GzipInput.open(buffered) : buffered;
            byte[] prefix = decompressed.readNBytes(PREFIX_BYTES);
            InputStream content = new SequenceInputStream(new ByteArrayInputStream(prefix), decompressed);
            return new FileInput(raw, gzip, prefix, content);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Whether the file was gzip-compressed. */
    boolean gzip() {
        return gzip;
    }

    /** The first (up to {@link #PREFIX_BYTES}) decompressed bytes; the caller must not modify them. */
    byte[] prefix() {
        return prefix;
    }

    /** The whole decompressed content, prefix included; read it once. */
    InputStream content() {
        return content;
    }

    /** Raw (compressed) bytes read from the file so far. */
    long bytesRead() {
        return raw.count();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
