package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second thread that writes filled buffers to a channel while the first fills the next ones: encryption on one
 * core, the copy into the file on the other.
 *
 * <p>The producer takes an empty buffer with {@link #buffer()}, fills it, and hands it over with {@link #submit};
 * the writing thread writes it and returns it to the pool, so memory stays at {@code buffers × bufferBytes}. The
 * buffers are heap buffers on purpose: the JDK's AES-GCM takes its fast path only between arrays. A write failure
 * surfaces on the next call or on {@link #finish()} as an OUTPUT_FAILED {@link WardenException}. One producer.
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
    private final Thread writer;
    private final int bufferBytes;
    private volatile IOException failure;

    /** Writes to {@code target}, named {@code name} in errors, through {@code buffers} buffers of {@code bufferBytes}. */
    WriteBehind(WritableByteChannel target, Path name, int buffers, int bufferBytes) {
        this.target = requireNonNull(target, "target");
        this.name = name;
        this.bufferBytes = bufferBytes;
        this.free = new ArrayBlockingQueue<>(buffers + 1);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) free.add(ByteBuffer.allocate(bufferBytes));
        this.writer = Thread.ofPlatform().name("warden-write-behind").daemon().start(this::drain);
    }

    /** An empty buffer to fill (waits while all are being written). */
    ByteBuffer buffer() {
        try {
            ByteBuffer b = free.take();
            check();
            return b.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "interrupted while writing " + name);
        }
    }

    /** Hands over a buffer taken from {@link #buffer()}, flipped for reading. */
    void submit(ByteBuffer b) {
        put(b);
    }

    /** Writes bytes that did not come from the pool (a header, shorter than a pool buffer), in order with them. */
    void submitCopy(byte[] bytes) {
        put(ByteBuffer.wrap(bytes.clone()));
    }

    /** Waits until everything submitted is written; rethrows a write failure. Does not close the target. */
    void finish() {
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
