package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second thread that writes filled buffers to a channel while the first fills the next ones: encryption on one
 * core, the copy into the file on the other.
 *
 * <p>The producer takes an empty buffer with {@link #buffer(int)}, fills it, and hands it over with {@link #submit};
 * the writing thread writes it and returns it to the pool, so memory stays at {@code buffers × bufferBytes}. The
 * buffers are heap buffers on purpose: the JDK's AES-GCM takes its fast path only between arrays. A write failure
 * surfaces on the next call or on {@link #finish()} as an OUTPUT_FAILED {@link WardenException}. One producer.
 *
 * <p>Small outputs cost little: pool buffers are allocated only when needed, a request for a few bytes gets a buffer
 * of that size, and the thread starts only once more than one buffer's worth is waiting — an output smaller than that
 * (a 1 KiB upload to the server) is written by {@link #finish()} on the caller's thread, without a thread or a
 * megabyte-sized buffer.
 *
 * <p>Hand-written because the JDK has no write-behind channel and Tink's streaming channels write on the caller's
 * thread; this is the whole of it.
 */
final class WriteBehind {
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final WritableByteChannel target;
    private final Path name;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<ByteBuffer> full;
    private final int buffers;
    private final int bufferBytes;
    private final List<ByteBuffer> held = new ArrayList<>();
    private long heldBytes;
    private int allocated;
    private Thread writer; // started when more than one buffer's worth waits
    private volatile IOException failure;

    /** Writes to {@code target}, named {@code name} in errors, through {@code buffers} buffers of {@code bufferBytes}. */
    WriteBehind(WritableByteChannel target, Path name, int buffers, int bufferBytes) {
        this.target = requireNonNull(target, "target");
        this.name = name;
        this.buffers = buffers;
        this.bufferBytes = bufferBytes;
        this.free = new ArrayBlockingQueue<>(buffers + 1);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
    }

    /**
     * An empty buffer for at least {@code bytes} bytes (at most {@code bufferBytes}): a pool buffer (waits while all
     * are being written), or for a few bytes a buffer of just that size.
     */
    ByteBuffer buffer(int bytes) {
        if (bytes <= bufferBytes / 16) {
            check();
            return ByteBuffer.allocate(bytes); // not the pool's size, so never returned to the pool
        }
        try {
            ByteBuffer b = free.poll();
            if (b == null && allocated < buffers) {
                allocated++;
                b = ByteBuffer.allocate(bufferBytes);
            }
            if (b == null) b = free.take();
            check();
            return b.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "interrupted while writing " + name);
        }
    }

    /** Hands over a buffer taken from {@link #buffer(int)}, flipped for reading. */
    void submit(ByteBuffer b) {
        put(b);
    }

    /** Writes bytes that did not come from the pool (a header, shorter than a pool buffer), in order with them. */
    void submitCopy(byte[] bytes) {
        put(ByteBuffer.wrap(bytes.clone()));
    }

    /** Waits until everything submitted is written; rethrows a write failure. Does not close the target. */
    void finish() {
        if (writer == null) {
            // never more than one buffer's worth: write it here
            try {
                for (ByteBuffer b : held) {
                    while (b.hasRemaining()) target.write(b);
                }
            } catch (IOException e) {
                failure = e;
            }
            held.clear();
            check();
            return;
        }
        put(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "interrupted while writing " + name);
        }
        check();
    }

    /** Stops the writing thread without writing what is pending (after a failure elsewhere); never throws. */
    void abandon() {
        held.clear();
        if (writer == null) return;
        writer.interrupt();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            while (true) {
                ByteBuffer b = full.take();
                if (b == END) return;
                while (b.hasRemaining()) target.write(b);
                if (b.capacity() == bufferBytes) free.offer(b); // a pool buffer, not a submitted copy
            }
        } catch (IOException e) {
            failure = e;
            free.offer(ByteBuffer.allocate(0)); // wake a producer waiting for a buffer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(ByteBuffer b) {
        if (writer == null) {
            if (heldBytes + b.remaining() <= bufferBytes) {
                held.add(b);
                heldBytes += b.remaining();
                return;
            }
            // more than one buffer's worth: from now on the thread writes, the held buffers first
            writer = Thread.ofPlatform().name("warden-write-behind").daemon().start(this::drain);
            for (ByteBuffer h : held) enqueue(h);
            held.clear();
        }
        enqueue(b);
    }

    private void enqueue(ByteBuffer b) {
        try {
            while (!full.offer(b, 100, TimeUnit.MILLISECONDS)) check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "interrupted while writing " + name);
        }
    }

    private void check() {
        IOException f = failure;
        if (f != null) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + name + " ("
                    + (f.getMessage() != null ? f.getMessage() : f.getClass().getSimpleName()) + ")", f);
        }
    }
}
