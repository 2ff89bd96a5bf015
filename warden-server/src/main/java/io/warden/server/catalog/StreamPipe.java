package io.warden.server.catalog;

import io.warden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream whose bytes a producer writes on another thread, through a small queue of chunks: how an unsealed
 * download streams into the reply without holding the file in memory, and how a protected upload streams into the
 * sealer. Unlike the JDK's piped streams it does not care which threads write (the sealer writes from its
 * write-behind thread), and a producer failure reaches the reader as an {@link IOException}, so the transfer breaks
 * off instead of ending as if complete.
 */
final class StreamPipe extends InputStream {
    /** The producer's work: write everything to {@code out}. */
    interface Producer {
        void produce(OutputStream out) throws Exception;
    }

    private static final byte[] END = new byte[0];
    private static final int CHUNKS = 8;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final OutputStream sink = new Sink();
    private volatile boolean readerClosed;
    private volatile Exception failure;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** A pipe fed by {@code producer} on a virtual thread of its own. */
    StreamPipe(Producer producer) {
        Thread.ofVirtual().name("warden-download").start(() -> {
            try {
                producer.produce(sink);
            } catch (Exception e) {
                end(e);
                return;
            }
            end(null);
        });
    }

    /** A pipe the caller feeds through {@link #sink()} from a thread of its own, and ends with {@link #end}. */
    StreamPipe() {}

    /**
     * The writing end. A write after the reader closed this pipe fails with an {@link IOException}; a write while the
     * queue is full waits for the reader.
     */
    OutputStream sink() {
        return sink;
    }

    /**
     * Ends the stream, from the producer's thread: normally when {@code failure} is null (after the chunks queued),
     * else the reader's next read fails. Call once.
     */
    void end(Exception failure) {
        if (failure == null) {
            try {
                offer(END);
                return;
            } catch (InterruptedIOException e) {
                failure = e;
            }
        }
        this.failure = failure;
        chunks.clear();
        chunks.offer(END); // room was just made, and this is the only producer
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (position == current.length) {
            if (ended) return -1;
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            position = 0;
            if (current == END) {
                ended = true;
                current = new byte[0];
                if (failure != null) {
                    // a WardenException's message holds no value; anything else is named by its class only
                    throw new IOException("the stream broke off: " + (failure instanceof WardenException w
                            ? w.getMessage() : failure.getClass().getSimpleName()));
                }
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        readerClosed = true;
        chunks.clear();
    }

    private void offer(byte[] chunk) throws InterruptedIOException {
        try {
            while (!readerClosed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the reader is slow: wait for room, unless it went away
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** The producer's end: copies what it is given into chunks (the sealer reuses its buffers). */
    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (readerClosed) throw new IOException("the client went away");
            if (len == 0) return;
            byte[] copy = new byte[len];
            System.arraycopy(b, off, copy, 0, len);
            offer(copy);
        }
    }
}
