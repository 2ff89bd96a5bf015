package io.warden.protect.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON Lines object held as a tree, so protected values can be put back where they came from and the line keeps
 * its structure (nesting, arrays, types of untouched values).
 *
 * <p>Fields are named as {@code warden scan} names them (dotted paths, array indices, see the JSONL reader), in the
 * same order, so the same policy globs apply. A key repeated within one object is refused: the tree keeps only one.
 */
final class JsonLine {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final JsonNode root;
    final List<String> names = new ArrayList<>();
    final List<String> values = new ArrayList<>();
    private final List<Object[]> slots = new ArrayList<>(); // {container, key or index}

    private JsonLine(JsonNode root) {
        this.root = root;
        walk(root, null);
    }

    /** Parses one line; errors name the 1-based line and never quote the input. */
    static JsonLine parse(String line, long lineNumber) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice in one object"
                    : "syntax error at column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr());
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "line " + lineNumber + ": invalid JSON (" + reason + ")");
        }
        if (root == null || !root.isObject()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "line " + lineNumber + ": invalid JSON (not an object)");
        }
        return new JsonLine(root);
    }

    private void walk(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path == null ? e.getKey() : path + "." + e.getKey();
                if (isScalar(e.getValue())) add(p, e.getValue(), node, e.getKey());
                else walk(e.getValue(), p);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path == null ? Integer.toString(i) : path + "." + i;
                if (isScalar(node.get(i))) add(p, node.get(i), node, i);
                else walk(node.get(i), p);
            }
        }
    }

    private static boolean isScalar(JsonNode n) {
        return !n.isContainerNode();
    }

    private void add(String path, JsonNode leaf, JsonNode container, Object slot) {
        if (leaf.isNull()) return;
        names.add(path);
        values.add(leaf.isBigDecimal() ? leaf.decimalValue().toString() : leaf.asText());
        slots.add(new Object[] {container, slot});
    }

    /** The line with {@code protectedValues} (parallel to {@link #values}) in place of the originals. */
    String rewrite(List<String> protectedValues) {
        for (int i = 0; i < slots.size(); i++) {
            String now = protectedValues.get(i);
            if (now == null || now.equals(values.get(i))) continue;
            Object[] slot = slots.get(i);
            JsonNode old = slot[0] instanceof ObjectNode o ? o.get((String) slot[1]) : ((ArrayNode) slot[0]).get((Integer) slot[1]);
            JsonNode replacement = old.isNumber() && isNumber(now)
                    ? JSON.getNodeFactory().numberNode(new BigDecimal(now)) : TextNode.valueOf(now);
            if (slot[0] instanceof ObjectNode o) o.set((String) slot[1], replacement);
            else ((ArrayNode) slot[0]).set((Integer) slot[1], replacement);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static boolean isNumber(String s) {
        return s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }
}
