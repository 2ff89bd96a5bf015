package io.warden.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a {@link Policy} from YAML, reporting any mistake as one line with the file, line and column.
 *
 * <p>Unknown keys are errors (a typo must not silently disable a rule). Policy files are small: anything over
 * 1 MiB is refused.
 */
public final class PolicyLoader {
    private static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private PolicyLoader() {}

    /** Loads and validates the policy at {@code path}. */
    public static Policy load(Path path) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "policy file not found: " + path);
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new WardenException(ErrorCode.INVALID_POLICY, path + ": policy file larger than 1 MiB");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read policy " + path + ": " + e.getMessage());
        }
        return parse(bytes, path.toString());
    }

    /** Parses policy YAML; {@code source} names it in error messages. */
    public static Policy parse(byte[] yaml, String source) {
        try {
            if (isBlank(yaml)) return Policy.defaults();
            Policy p = YAML.readValue(yaml, Policy.class);
            return p == null ? Policy.defaults() : p;
        } catch (UnrecognizedPropertyException e) {
            // Records are built from buffered properties, so Jackson's location is the end of the mapping; find
            // the key itself in the text instead.
            String at = keyLocation(yaml, e.getPropertyName());
            throw new WardenException(ErrorCode.INVALID_POLICY,
                    source + ":" + (at != null ? at + " " : where(e.getLocation())) + printable(describe(e)));
        } catch (JsonProcessingException e) {
            throw new WardenException(ErrorCode.INVALID_POLICY,
                    source + ":" + where(e.getLocation()) + printable(describe(e)));
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INVALID_POLICY, source + ": cannot read policy: " + e.getMessage());
        }
    }

    /** "line:column:" of the first line that has {@code key} as a mapping key, or null. */
    private static String keyLocation(byte[] yaml, String key) {
        String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "^(\\s*(?:-\\s+)?)[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = p.matcher(lines[i]);
            if (m.find()) return (i + 1) + ":" + (m.group(1).length() + 1) + ":";
        }
        return null;
    }

    /**
     * The message with control characters escaped and any quoted name cut to 80 chars: keys and names come from the
     * file, and a key holding a newline (legal in YAML) must not break the one-line error.
     */
    static String printable(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        int run = 0; // chars since the last quote, to cut long quoted names
        boolean quoted = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                run = 0;
            } else if (quoted && ++run > 80) {
                if (run == 81) sb.append('…');
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) return " ";
        return loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    // Jackson's own messages quote input and carry multi-line source excerpts; build a one-line message instead.
    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (path.isEmpty() ? "" : " in " + parent(path))
                    + (known.isEmpty() ? "" : " (expected one of: " + known + ")");
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return (path.isEmpty() ? "" : path + ": ") + oneLine(cause.getMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": expected " + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return (path.isEmpty() ? "policy" : path) + ": expected " + simpleType(m.getTargetType());
        }
        return "invalid YAML: " + oneLine(e.getOriginalMessage());
    }

    private static String pathOf(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "policy" : path.substring(0, dot);
    }

    private static String simpleType(Class<?> t) {
        if (t == null) return "a different value";
        if (Number.class.isAssignableFrom(t)) return "a number";
        if (t == Boolean.class) return "true or false";
        if (t == String.class) return "a string";
        if (java.util.List.class.isAssignableFrom(t)) return "a list";
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) return "a mapping";
        return "a " + t.getSimpleName();
    }

    private static String oneLine(String s) {
        if (s == null) return "invalid value";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') return false;
        }
        return true;
    }
}
