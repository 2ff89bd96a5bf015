package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A streaming reader of span-labelled corpora in Presidio-research's JSON form.
 *
 * <p>The file is one JSON list of records {@code {"full_text": "...", "spans": [{"entity_type": "PERSON",
 * "start_position": 0, "end_position": 10}]}}; offsets are Unicode code points, end exclusive. Other fields
 * ({@code entity_value}, {@code template_id}, ...) are ignored. Records are read one at a time, so a corpus of any
 * size needs memory for one record only; gzip-compressed files are recognised by their magic bytes.
 *
 * <p>Every problem is a {@link WardenException} whose message names the source and the 0-based record index
 * and never quotes the file's content: {@code MALFORMED_INPUT} for bad JSON, a wrong shape or bad spans,
 * {@code RECORD_TOO_LARGE} for a text over Jackson's string limit, {@code INPUT_NOT_FOUND} for an unreadable file.
 * Not thread-safe.
 */
public final class CorpusReader implements Closeable {
    /** How many leading bytes are checked for NUL bytes, the mark of a binary file. */
    private static final int BINARY_WINDOW = 8 << 10;
    private static final JsonFactory JSON = new JsonFactory();

    private final InputStream input;
    private final JsonParser parser;
    private final String source;
    private int index;
    private boolean started;
    private boolean finished;

    private CorpusReader(InputStream input, String source) throws IOException {
        this.input = input;
        this.source = source;
        this.parser = JSON.createParser(input);
    }

    /**
     * Opens a corpus file (plain or gzip-compressed JSON).
     *
     * @throws WardenException INPUT_NOT_FOUND if it cannot be opened, MALFORMED_INPUT if it is binary
     */
    public static CorpusReader open(Path path) {
        requireNonNull(path, "path");
        String name = path.toString();
        InputStream file;
        try {
            file = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, name + ": permission denied");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, name + ": cannot read (" + kind(e) + ")");
        }
        try {
            if (Files.isDirectory(path)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, name + ": is a directory");
            }
            return of(file, name);
        } catch (RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
    }

    /**
     * Reads a corpus from {@code in} (plain or gzip-compressed), which the reader closes.
     *
     * @param source the name used in error messages, e.g. the file name
     */
    public static CorpusReader of(InputStream in, String source) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 64 << 10);
            buffered.mark(BINARY_WINDOW);
            byte[] head = buffered.readNBytes(BINARY_WINDOW);
            buffered.reset();
            InputStream content = buffered;
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                content = new BufferedInputStream(new GZIPInputStream(buffered, 64 << 10), 64 << 10);
                content.mark(BINARY_WINDOW);
                head = content.readNBytes(BINARY_WINDOW);
                content.reset();
            }
            for (int i = 0; i < head.length; i++) {
                if (head[i] == 0) {
                    throw new WardenException(ErrorCode.MALFORMED_INPUT, source + ": binary file (NUL byte at offset "
                            + i + "); expected a JSON list of records");
                }
            }
            return new CorpusReader(content, source);
        } catch (ZipException | EOFException e) {
            closeQuietly(in);
            throw new WardenException(ErrorCode.MALFORMED_INPUT, source + ": damaged or truncated gzip stream");
        } catch (IOException e) {
            closeQuietly(in);
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, source + ": cannot read (" + kind(e) + ")");
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads a whole corpus file into memory; for small corpora and tests. */
    public static List<EvalRecord> readAll(Path path) {
        try (CorpusReader reader = open(path)) {
            List<EvalRecord> all = new ArrayList<>();
            for (EvalRecord r = reader.next(); r != null; r = reader.next()) all.add(r);
            return all;
        }
    }

    /** The next record, or {@code null} after the last one. */
    public EvalRecord next() {
        if (finished) return null;
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) throw malformed("empty file; expected a JSON list of records");
                if (first != JsonToken.START_ARRAY) throw malformed("expected a JSON list of records");
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                finished = true;
                if (parser.nextToken() != null) throw malformed("unexpected content after the end of the list");
                return null;
            }
            if (t != JsonToken.START_OBJECT) throw recordError("expected a JSON object");
            EvalRecord r = readRecord();
            index++;
            return r;
        } catch (StreamConstraintsException e) {
            finished = true;
            throw new WardenException(ErrorCode.RECORD_TOO_LARGE, where() + "a value exceeds the parser's size limit");
        } catch (JsonEOFException e) {
            finished = true;
            throw new WardenException(ErrorCode.MALFORMED_INPUT, where() + "unexpected end of file (truncated?)");
        } catch (CharConversionException e) {
            finished = true;
            throw new WardenException(ErrorCode.MALFORMED_INPUT, where() + "not UTF-8 text");
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the offending token, so only its location is kept.
            finished = true;
            throw new WardenException(ErrorCode.MALFORMED_INPUT,
                    where() + "invalid JSON or UTF-8" + at(e.getLocation()));
        } catch (ZipException | EOFException e) {
            finished = true;
            throw new WardenException(ErrorCode.MALFORMED_INPUT, where() + "damaged or truncated gzip stream");
        } catch (IOException e) {
            finished = true;
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, where() + "read failed (" + kind(e) + ")");
        } catch (WardenException e) {
            finished = true;
            throw e;
        }
    }

    /** How many records were returned so far. */
    public int recordsRead() {
        return index;
    }

    /** The name used in error messages. */
    public String source() {
        return source;
    }

    @Override
    public void close() {
        try {
            parser.close();
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": close failed", e);
        }
    }

    private EvalRecord readRecord() throws IOException {
        String text = null;
        List<RawSpan> spans = null;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "full_text" -> {
                    if (value != JsonToken.VALUE_STRING) throw recordError("\"full_text\" must be a string");
                    text = parser.getText();
                }
                case "spans" -> spans = readSpans(value);
                default -> parser.skipChildren();
            }
        }
        if (text == null) throw recordError("missing \"full_text\"");
        if (spans == null) throw recordError("missing \"spans\"");
        int length = text.codePointCount(0, text.length());
        List<LabeledSpan> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            RawSpan s = spans.get(i);
            String span = "span " + i + ": ";
            if (s.start < 0) throw recordError(span + "negative start_position " + s.start);
            if (s.end <= s.start) {
                throw recordError(span + "start_position " + s.start + " is not before end_position " + s.end);
            }
            if (s.end > length) {
                throw recordError(span + "end_position " + s.end + " is beyond the text (" + length + " code points)");
            }
            out.add(new LabeledSpan(s.entity, s.start, s.end));
        }
        return new EvalRecord(text, out);
    }

    private List<RawSpan> readSpans(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) return List.of();
        if (value != JsonToken.START_ARRAY) throw recordError("\"spans\" must be a list");
        List<RawSpan> spans = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            String span = "span " + spans.size() + ": ";
            if (t != JsonToken.START_OBJECT) throw recordError(span + "expected a JSON object");
            String entity = null;
            Integer start = null;
            Integer end = null;
            for (JsonToken f = parser.nextToken(); f != JsonToken.END_OBJECT; f = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                switch (name) {
                    case "entity_type" -> {
                        if (v != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                            throw recordError(span + "\"entity_type\" must be a non-empty string");
                        }
                        entity = parser.getText();
                    }
                    case "start_position" -> start = readOffset(v, span, name);
                    case "end_position" -> end = readOffset(v, span, name);
                    default -> parser.skipChildren();
                }
            }
            if (entity == null) throw recordError(span + "missing \"entity_type\"");
            if (start == null) throw recordError(span + "missing \"start_position\"");
            if (end == null) throw recordError(span + "missing \"end_position\"");
            spans.add(new RawSpan(entity, start, end));
        }
        return spans;
    }

    private int readOffset(JsonToken v, String span, String name) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) throw recordError(span + "\"" + name + "\" must be an integer");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw recordError(span + "\"" + name + "\" is out of range");
        }
        return parser.getIntValue();
    }

    private WardenException recordError(String what) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, where() + what + at(parser.currentLocation()));
    }

    private WardenException malformed(String what) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, source + ": " + what);
    }

    private String where() {
        return source + ": record " + index + ": ";
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return "";
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** The exception's class only: its message may quote file content. */
    private static String kind(Exception e) {
        return e.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    private record RawSpan(String entity, int start, int end) {}
}
