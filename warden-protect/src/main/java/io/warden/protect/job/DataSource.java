package io.warden.protect.job;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.record.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A dataset a job can read more than once: every {@link #open} starts again at the first byte. A file, or data that
 * is not in one — an upload unsealed from the server's blob store as it is read.
 */
public interface DataSource {
    /** Names the data in messages and in the manifest. */
    String name();

    /** A new reader from the first record. */
    RecordReader open(ReadOptions options);

    /** The format the data is read in when the read options give none. */
    InputFormat format();

    /** The SHA-256 of the data's bytes, in lowercase hex. */
    String sha256();

    /** A file, read by {@link Readers#open(Path, ReadOptions)}: every format, found by name and then content. */
    static DataSource file(Path file) {
        return new FileSource(file);
    }

    /**
     * The bytes {@code opener} gives, opened anew for each reading: CSV, JSONL or text (gzipped or not), the format
     * found by {@code name}'s extension, as {@link Readers#open(InputStream, Path, ReadOptions)} reads them.
     */
    static DataSource stream(String name, Opener opener) {
        return new StreamSource(name, opener);
    }

    /** Opens the bytes of a {@link #stream} source from the start. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** See {@link DataSource#file}. */
    record FileSource(Path file) implements DataSource {
        public FileSource {
            requireNonNull(file, "file");
        }

        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public RecordReader open(ReadOptions options) {
            return Readers.open(file, options);
        }

        @Override
        public InputFormat format() {
            return Readers.detect(file);
        }

        @Override
        public String sha256() {
            return FileDigest.sha256Hex(file);
        }
    }

    /** See {@link DataSource#stream}. */
    record StreamSource(String name, Opener opener) implements DataSource {
        public StreamSource {
            requireNonNull(name, "name");
            requireNonNull(opener, "opener");
        }

        @Override
        public RecordReader open(ReadOptions options) {
            return Readers.open(stream(), Path.of(name), options);
        }

        @Override
        public InputFormat format() {
            return Readers.formatByName(Path.of(name));
        }

        @Override
        public String sha256() {
            MessageDigest md = FileDigest.sha256();
            try (InputStream in = stream()) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
            } catch (IOException e) {
                throw cannotRead(e);
            }
            return HexFormat.of().formatHex(md.digest());
        }

        private InputStream stream() {
            try {
                return opener.open();
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }

        private WardenException cannotRead(IOException e) {
            return new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + name + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }
}
