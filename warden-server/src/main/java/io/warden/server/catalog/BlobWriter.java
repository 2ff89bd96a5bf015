package io.warden.server.catalog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new blob written as a stream, all or nothing: what is written to {@link #out()} is sealed on a thread of its own
 * as it comes ({@link BlobStore#put} reading a {@link StreamPipe}), so the plaintext is never on disk;
 * {@link #finish()} waits for the sealed blob, {@link #keep()} keeps it, and {@link #close()} without a keep leaves
 * nothing — an unfinished seal is broken off, a finished blob deleted. Not thread-safe.
 */
final class BlobWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobWriter.class);

    private final BlobStore blobs;
    private final String dataset;
    private final StreamPipe pipe = new StreamPipe();
    private final CompletableFuture<BlobStore.Stored> sealed = new CompletableFuture<>();
    private final OutputStream plaintext;
    private boolean ended;
    private BlobStore.Stored stored;
    private boolean kept;
    private boolean closed;

    BlobWriter(BlobStore blobs, Keyring keyring, String dataset) {
        this.blobs = blobs;
        this.dataset = dataset;
        this.plaintext = new BufferedOutputStream(new Failing(pipe.sink()), 64 << 10);
        Thread.ofVirtual().name("warden-seal").start(() -> {
            try {
                // no limit: the output is bounded by the upload it was made from
                sealed.complete(blobs.put(keyring, dataset, pipe, Long.MAX_VALUE));
            } catch (Throwable e) {
                sealed.completeExceptionally(e);
            } finally {
                pipe.close(); // after the outcome is known: a writer that finds the pipe closed can report it
            }
        });
    }

    /** The plaintext goes here; do not close it. A write fails with the sealer's error once sealing failed. */
    OutputStream out() {
        return plaintext;
    }

    /** Ends the plaintext and waits until the blob is sealed and forced to disk. */
    BlobStore.Stored finish() {
        if (ended) throw new IllegalStateException("already finished or closed");
        try {
            plaintext.flush();
        } catch (IOException e) {
            abandon(e);
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot seal the blob: " + e.getMessage());
        }
        ended = true;
        pipe.end(null);
        stored = outcome();
        return stored;
    }

    /** Keeps the finished blob: closing no longer deletes it. */
    void keep() {
        if (stored == null) throw new IllegalStateException("not finished");
        kept = true;
    }

    /** Leaves nothing unless kept; never throws. */
    @Override
    public void close() {
        if (kept || closed) return;
        closed = true;
        if (!ended) abandon(new IOException("abandoned"));
        BlobStore.Stored s = stored;
        if (s == null) {
            try {
                s = sealed.join(); // a seal that completed although it was broken off
            } catch (CompletionException e) {
                return; // it failed, so it left nothing (the sealer writes a temporary file first)
            }
        }
        try {
            blobs.delete(dataset, s.blob());
        } catch (RuntimeException e) {
            LOG.warn("cannot delete the discarded blob {} of {}", s.blob(), dataset);
        }
    }

    private void abandon(Exception why) {
        ended = true;
        pipe.end(why);
    }

    private BlobStore.Stored outcome() {
        try {
            return sealed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new WardenException(ErrorCode.INTERNAL, "sealing failed: " + e.getCause().getClass().getName());
        }
    }

    /** Reports a write into a pipe the sealer closed as the sealer's own failure (e.g. a full disk). */
    private final class Failing extends FilterOutputStream {
        Failing(OutputStream sink) {
            super(sink);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (sealed.isCompletedExceptionally()) outcome();
                throw e;
            }
        }
    }
}
