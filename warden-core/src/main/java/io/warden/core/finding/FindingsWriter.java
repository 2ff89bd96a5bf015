package io.warden.core.finding;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Streams findings as JSON Lines in the contract of DESIGN.md, to a temp file renamed into place on {@link #commit}.
 *
 * <p>One object per line, keys in this order: {@code record, field, start, end, entity, score, detector} and
 * {@code value} only when the finding carries one. If the scan fails, {@link #close} without commit deletes the
 * temp file so no half-written findings file is ever left.
 */
public final class FindingsWriter implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final JsonGenerator gen;
    private boolean committed;

    public FindingsWriter(Path target) {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        try {
            if (dir == null || !Files.isDirectory(dir)) throw new IOException("directory does not exist");
            this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
            this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            this.gen = JSON.createGenerator(out, JsonEncoding.UTF8);
            gen.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Appends one finding. */
    public void write(Finding f) {
        try {
            gen.writeStartObject();
            gen.writeNumberField("record", f.record());
            gen.writeStringField("field", f.field());
            gen.writeNumberField("start", f.start());
            gen.writeNumberField("end", f.end());
            gen.writeStringField("entity", f.entity());
            gen.writeNumberField("score", f.score());
            gen.writeStringField("detector", f.detector());
            if (f.value() != null) gen.writeStringField("value", f.value());
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Flushes, fsyncs and atomically renames the file into place. */
    public void commit() {
        try {
            gen.close();
            out.close();
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Deletes the temp file unless committed. */
    @Override
    public void close() {
        if (committed) return;
        try {
            gen.close();
            out.close();
        } catch (IOException ignored) {
            // the temp file is deleted next; nothing else to do
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a leftover hidden .tmp file is harmless and never the target name
        }
    }
}
