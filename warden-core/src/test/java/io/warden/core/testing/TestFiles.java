package io.warden.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Small helpers for tests that need real input files: write text or bytes, gzip them, cut them short. */
public final class TestFiles {
    /** A marker to put into bad input, so tests can assert that error messages never quote input. */
    public static final String SECRET = "SECRET-VALUE-123";

    private TestFiles() {}

    /** Writes {@code text} as UTF-8 to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} gzip-compressed to {@code dir/name}. */
    public static Path writeGzip(Path dir, String name, String text) {
        return write(dir, name, gzip(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The gzip compression of {@code bytes}. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the first half of the gzip compression of {@code text}: a truncated gzip stream. */
    public static Path writeTruncatedGzip(Path dir, String name, String text) {
        byte[] gz = gzip(text.getBytes(StandardCharsets.UTF_8));
        return write(dir, name, Arrays.copyOf(gz, gz.length / 2));
    }

    /** Concatenates byte arrays (handy for building invalid UTF-8 around valid text). */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** UTF-8 bytes of {@code text}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes from ints, e.g. {@code bytes(0xFF, 0xFE)}. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
