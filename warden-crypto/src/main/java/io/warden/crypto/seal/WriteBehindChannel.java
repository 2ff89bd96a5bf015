package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A channel that hands what it is given to a second thread, which writes it to the target: encryption on one core,
 * the copy into the file on the other.
 *
 * <p>Bytes are gathered into a small pool of direct buffers (so the target's {@code write} needs no copy of its own);
 * memory stays at {@code buffers × bufferBytes}. A failure of the writing thread surfaces on the next
 * {@link #write} or on {@link #close()} (which waits until everything is written) as an OUTPUT_FAILED
 * {@link WardenException}. Not thread-safe: one producer.
 *
 * <p>Hand-written because the JDK has no write-behind channel and Tink's streaming channels write on the caller's
 * thread; this is the whole of it.
 */
final class WriteBehindChannel implements WritableByteChannel {
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final WritableByteChannel target;
    private final Path name;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<ByteBuffer> full;
    private final Thread writer;
    private volatile IOException failure;
    private ByteBuffer current;
    private boolean open = true;

    /** {@code name} is the target's file, named in the OUTPUT_FAILED error a write failure becomes. */
    WriteBehindChannel(WritableByteChannel target, Path name, int buffers, int bufferBytes) {
        this.target = requireNonNull(target, "target");
        this.name = name;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.full = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) free.add(ByteBuffer.allocateDirect(bufferBytes));
        this.writer = Thread.ofPlatform().name("warden-write-behind").daemon().start(this::drain);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) throw new ClosedChannelException();
        int n = src.remaining();
        while (src.hasRemaining()) {
            check();
            if (current == null) current = take(free);
            int chunk = Math.min(src.remaining(), current.remaining());
            ByteBuffer slice = src.slice(src.position(), chunk);
            current.put(slice);
            src.position(src.position() + chunk);
            if (!current.hasRemaining()) {
                current.flip();
                put(current);
                current = null;
            }
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Writes what is left, waits for the writing thread, and rethrows its failure; does not close the target. */
    @Override
    public void close() throws IOException {
        if (!open) return;
        open = false;
        if (current != null && current.position() > 0) {
            current.flip();
            put(current);
        }
        current = null;
        put(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        check();
    }

    /** Stops the writing thread without writing what is pending (after a failure elsewhere). */
    void abandon() {
        open = false;
        writer.interrupt();
    }

    private void drain() {
        try {
            while (true) {
                ByteBuffer b = full.take();
                if (b == END) return;
                while (b.hasRemaining()) target.write(b);
                b.clear();
                free.put(b);
            }
        } catch (IOException e) {
            failure = e;
            free.offer(ByteBuffer.allocate(0)); // wake a producer waiting for a buffer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        IOException f = failure;
        if (f != null) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + name + " ("
                    + (f.getMessage() != null ? f.getMessage() : f.getClass().getSimpleName()) + ")", f);
        }
    }

    private ByteBuffer take(BlockingQueue<ByteBuffer> q) throws IOException {
        try {
            ByteBuffer b = q.take();
            check();
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void put(ByteBuffer b) throws IOException {
        try {
            while (!full.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }
}
