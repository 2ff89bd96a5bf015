package io.warden.protect.job;

import static java.util.Objects.requireNonNull;

import io.warden.core.AtomicFile;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a {@link ProtectJob} puts the protected data and its manifest, all or nothing: what was written is kept
 * only by {@link Pending#commit}; closing the pending output before that discards it.
 */
public interface ProtectOutput {
    /** Names the output in messages and in the manifest. */
    String name();

    /** Starts writing. */
    Pending open();

    /** An output being written. Not thread-safe. */
    interface Pending extends AutoCloseable {
        /** The stream for the protected data; do not close it. */
        OutputStream data();

        /** Ends the data and gives it back for reading (the self-check); nothing is kept yet. */
        DataSource written();

        /** Keeps the data, with {@code manifest}. */
        void commit(Manifest manifest);

        /** Discards the data unless committed; never throws. */
        @Override
        void close();
    }

    /**
     * Two files, {@code data} and {@code manifest}, each written to a temporary file beside it and renamed into place
     * on commit ({@link AtomicFile}).
     */
    static ProtectOutput files(Path data, Path manifest) {
        return new Files(data, manifest);
    }

    /** See {@link ProtectOutput#files}. */
    record Files(Path data, Path manifest) implements ProtectOutput {
        public Files {
            requireNonNull(data, "data");
            requireNonNull(manifest, "manifest");
        }

        @Override
        public String name() {
            return data.toString();
        }

        @Override
        public Pending open() {
            AtomicFile.Pending out = AtomicFile.open(data);
            try {
                return new PendingFiles(out, AtomicFile.open(manifest));
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }
    }

    /** The two temporary files of {@link Files}. */
    final class PendingFiles implements Pending {
        private final AtomicFile.Pending out;
        private final AtomicFile.Pending manifestOut;

        private PendingFiles(AtomicFile.Pending out, AtomicFile.Pending manifestOut) {
            this.out = out;
            this.manifestOut = manifestOut;
        }

        @Override
        public OutputStream data() {
            return out.out();
        }

        @Override
        public DataSource written() {
            return DataSource.file(out.flushForReading());
        }

        @Override
        public void commit(Manifest manifest) {
            manifest.write(manifestOut.out());
            out.commit();
            manifestOut.commit();
        }

        @Override
        public void close() {
            out.close();
            manifestOut.close();
        }
    }
}
