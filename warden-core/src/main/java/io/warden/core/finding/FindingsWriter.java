package io.warden.core.finding;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams findings as JSON Lines in the contract of DESIGN.md, into a file that appears only on {@link #commit}.
 *
 * <p>One object per line, keys in this order: {@code record, field, start, end, entity, score, detector} and
 * {@code value} only when the finding carries one. If the scan fails, {@link #close} without commit discards
 * everything, so no half-written findings file is ever left (see {@link AtomicFile}).
 */
public final class FindingsWriter implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path target;
    private final AtomicFile.Pending file;
    private final JsonGenerator gen;

    public FindingsWriter(Path target) {
        this.target = target;
        this.file = AtomicFile.open(target);
        try {
            this.gen = JSON.createGenerator(file.out(), JsonEncoding.UTF8);
            gen.setRootValueSeparator(null);
        } catch (IOException e) {
            file.close();
            throw failed(e);
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
            throw failed(e);
        }
    }

    /** Flushes, fsyncs and atomically renames the file into place. */
    public void commit() {
        try {
            gen.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        file.commit();
    }

    /** Discards the file unless committed. */
    @Override
    public void close() {
        file.close();
    }

    private WardenException failed(IOException e) {
        return new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + target + ": " + e.getMessage());
    }
}
