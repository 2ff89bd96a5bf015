package io.warden.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.record.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads JSON Lines: one JSON object per line, flattened to dotted paths by {@link JsonFlattener}.
 *
 * <p>Blank lines (only whitespace) are skipped but still counted for line numbers, so a record's index is its
 * 0-based position among the non-blank lines, while errors name the physical 1-based line. A line that is not
 * one JSON object fails with MALFORMED_INPUT "line L: invalid JSON (reason)". Jackson's own messages quote the
 * input, so they are never used: the reason is generic and positions are columns.
 */
final class JsonlRecordReader extends TextFormatReader {
    private final LineReader lines;
    private final JsonFactory json;
    private long index;

    JsonlRecordReader(Path path, FileInput input, ReadOptions options) throws IOException {
        super(path, input, options);
        this.lines = new LineReader(text.reader(), options.maxRecordBytes());
        int limit = options.maxRecordBytes();
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limit)
                        .maxNumberLength(limit)
                        .maxNameLength(limit)
                        .build())
                .build();
    }

    @Override
    Record read() throws IOException {
        while (lines.next()) {
            if (isBlank(lines.buffer(), lines.start(), lines.length())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            parse(names, values);
            return Record.of(index++, Collections.unmodifiableList(names), Collections.unmodifiableList(values));
        }
        return null;
    }

    private void parse(List<String> names, List<String> values) throws IOException {
        long line = lines.lineNumber();
        try (JsonParser parser = json.createParser(lines.buffer(), lines.start(), lines.length())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw invalid(line, "not an object: found " + describe(first));
            }
            JsonFlattener.flatten(parser, names, values);
            if (parser.nextToken() != null) {
                throw invalid(line, "trailing content after the object at column " + column(parser));
            }
        } catch (JsonEOFException e) {
            throw invalid(line, "unexpected end of line");
        } catch (StreamConstraintsException e) {
            throw invalid(line, "nesting or value size over the parser's limits");
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getColumnNr());
            throw invalid(line, "syntax error at column " + column);
        }
    }

    private WardenException invalid(long line, String reason) {
        String hint = index == 0 ? "; is the file really JSONL?" : "";
        return new WardenException(ErrorCode.MALFORMED_INPUT,
                "line " + line + ": invalid JSON (" + reason + ")" + hint);
    }

    private static int column(JsonParser parser) {
        return parser.currentTokenLocation().getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "an unexpected token";
        };
    }

    private static boolean isBlank(char[] buf, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            char c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }
}
