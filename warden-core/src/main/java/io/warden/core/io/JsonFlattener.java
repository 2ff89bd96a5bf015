package io.warden.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Flattens one JSON object, read from a streaming parser, into dotted paths and string values.
 *
 * <p>Nested objects give {@code user.address.city}, array elements their index ({@code tags.0},
 * {@code items.1.name}). Strings, numbers (as written in the input) and booleans become strings; {@code null},
 * empty objects and empty arrays give no field. Fields come in input order; a key repeated in the input appears
 * twice. Keys that themselves contain dots are kept as they are, so {@code {"a.b":1}} and {@code {"a":{"b":1}}}
 * flatten alike.
 */
final class JsonFlattener {
    private JsonFlattener() {}

    /**
     * Reads the object whose {@code START_OBJECT} token {@code parser} has just returned, up to and including its
     * {@code END_OBJECT}, appending one name and one value per scalar.
     */
    static void flatten(JsonParser parser, List<String> names, List<String> values) throws IOException {
        StringBuilder path = new StringBuilder();
        int[] base = new int[16];       // path length of each open container; -1 for the root (no prefix)
        int[] nextIndex = new int[16];  // next element index for arrays, -1 for objects
        int depth = 0;
        base[0] = -1;
        nextIndex[0] = -1;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            switch (token) {
                case FIELD_NAME -> setPath(path, base[depth], parser.currentName());
                case END_OBJECT, END_ARRAY -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                default -> {
                    if (nextIndex[depth] >= 0) {
                        setPath(path, base[depth], Integer.toString(nextIndex[depth]++));
                    }
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        if (++depth == base.length) {
                            base = Arrays.copyOf(base, depth * 2);
                            nextIndex = Arrays.copyOf(nextIndex, depth * 2);
                        }
                        base[depth] = path.length();
                        nextIndex[depth] = token == JsonToken.START_ARRAY ? 0 : -1;
                    } else if (token != JsonToken.VALUE_NULL) {
                        names.add(path.toString());
                        values.add(parser.getText());
                    }
                }
            }
        }
    }

    private static void setPath(StringBuilder path, int baseLength, String key) {
        if (baseLength < 0) {
            path.setLength(0);
        } else {
            path.setLength(baseLength);
            path.append('.');
        }
        path.append(key);
    }
}
