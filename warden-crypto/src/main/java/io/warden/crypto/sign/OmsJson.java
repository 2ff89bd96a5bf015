package io.warden.crypto.sign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;

/**
 * The JSON reading and writing of bundles and statements: strict on input (duplicate keys, depth and size limits,
 * one document), and on output compact for bundles and indented like protobuf's JSON for statements.
 */
final class OmsJson {
    /** Largest bundle read, and so the longest string in one (the base64 payload). */
    static final int MAX_DOCUMENT_BYTES = 256 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(MAX_DOCUMENT_BYTES)
                    .maxNumberLength(32)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS);

    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter INDENTED = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator("")));

    private OmsJson() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON object; MALFORMED_INPUT naming {@code what} otherwise (with line and column, never content). */
    static JsonNode parseObject(byte[] json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new WardenException(ErrorCode.MALFORMED_INPUT, what + " is not valid JSON" + at);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, what + " cannot be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, what + " is not a JSON object");
        }
        return node;
    }

    static byte[] compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static byte[] indented(JsonNode node) {
        try {
            return INDENTED.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The object at {@code field} of {@code node}; MALFORMED_INPUT naming {@code where} when absent or not an object. */
    static JsonNode object(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) throw missing(where, field, "an object");
        return v;
    }

    static JsonNode array(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) throw missing(where, field, "an array");
        return v;
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw missing(where, field, "a string");
        return v.textValue();
    }

    static boolean bool(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) throw missing(where, field, "true or false");
        return v.booleanValue();
    }

    private static WardenException missing(String where, String field, String kind) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, where + ": \"" + field + "\" must be " + kind);
    }
}
