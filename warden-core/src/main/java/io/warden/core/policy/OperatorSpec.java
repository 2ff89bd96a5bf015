package io.warden.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operator named in the policy with its parameters, checked against {@link #PARAMS} when the policy is read so
 * that a misspelt operator or parameter is reported with its line and column.
 *
 * <p>The operators themselves live in {@code warden-protect}; this is only their policy-side description.
 *
 * @param operator the operator's name, e.g. {@code mask}
 * @param params its parameters (names from {@link #PARAMS}; values are strings, numbers or booleans)
 */
public record OperatorSpec(@JsonProperty("operator") String operator, @JsonProperty("params") Map<String, Object> params) {

    /** The kind of value a parameter takes. */
    public enum Kind { STRING, INT, NUMBER, BOOLEAN }

    /** Every operator and the parameters it accepts, in the order docs/policy.md lists them. */
    public static final Map<String, Map<String, Kind>> PARAMS = table();

    private static Map<String, Map<String, Kind>> table() {
        Map<String, Map<String, Kind>> m = new LinkedHashMap<>();
        m.put("redact", Map.of());
        m.put("replace", Map.of("text", Kind.STRING));
        m.put("mask", Map.of("char", Kind.STRING, "keep", Kind.INT, "keep_at", Kind.STRING, "ignore", Kind.STRING));
        m.put("hash", Map.of("length", Kind.INT, "scope", Kind.STRING));
        m.put("tokenize", Map.of());
        m.put("fpe", Map.of("alphabet", Kind.STRING, "luhn", Kind.BOOLEAN));
        m.put("surrogate", Map.of("locale", Kind.STRING, "entity", Kind.STRING));
        m.put("generalize", Map.of("bucket", Kind.NUMBER, "date", Kind.STRING, "keep_prefix", Kind.INT,
                "hierarchy", Kind.STRING, "level", Kind.INT));
        m.put("date-shift", Map.of("max_days", Kind.INT, "subject", Kind.STRING));
        m.put("perturb", Map.of("max", Kind.NUMBER, "relative", Kind.NUMBER));
        m.put("shuffle", Map.of());
        m.put("suppress", Map.of("scope", Kind.STRING));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Operators whose output no longer holds the value's entity: what the self-check re-scan must not find. */
    public static final Set<String> REMOVING = Set.of("redact", "replace", "mask", "hash", "tokenize", "suppress");

    /**
     * Removing operators whose output is a keyed pseudonym: it cannot hold the original, and what a re-scan finds in
     * it (a 16-digit hash that passes Luhn) is chance, so the self-check does not re-check whole columns they wrote.
     */
    public static final Set<String> PSEUDONYMS = Set.of("hash", "tokenize");

    /** Operators that need the keyring. */
    public static final Set<String> KEYED = Set.of("hash", "tokenize", "fpe", "surrogate", "date-shift");

    /** Operators that only make sense for a whole column (they need other rows or the record). */
    public static final Set<String> COLUMN_ONLY = Set.of("shuffle", "date-shift");

    public OperatorSpec {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a rule needs an operator (one of: " + String.join(", ", PARAMS.keySet()) + ")");
        }
        Map<String, Kind> allowed = PARAMS.get(operator);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown operator '" + operator + "' (expected one of: "
                    + String.join(", ", PARAMS.keySet()) + ")");
        }
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Kind kind = allowed.get(e.getKey());
            if (kind == null) {
                throw new IllegalArgumentException("operator " + operator + ": unknown parameter '" + e.getKey() + "'"
                        + (allowed.isEmpty() ? " (it takes none)"
                                : " (expected one of: " + String.join(", ", List.copyOf(new java.util.TreeSet<>(allowed.keySet()))) + ")"));
            }
            if (!fits(kind, e.getValue())) {
                throw new IllegalArgumentException("operator " + operator + ": parameter '" + e.getKey()
                        + "' must be " + describe(kind));
            }
        }
    }

    /** The string parameter {@code name}, or {@code fallback} when absent. */
    public String string(String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v.toString();
    }

    /** The integer parameter {@code name}, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        Object v = params.get(name);
        return v == null ? fallback : ((Number) v).intValue();
    }

    /** The number parameter {@code name}, or {@code fallback} when absent. */
    public double number(String name, double fallback) {
        Object v = params.get(name);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    /** Whether parameter {@code name} is given. */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    private static boolean fits(Kind kind, Object v) {
        return switch (kind) {
            case STRING -> v instanceof String;
            case INT -> v instanceof Integer || v instanceof Long;
            case NUMBER -> v instanceof Number n && Double.isFinite(n.doubleValue());
            case BOOLEAN -> v instanceof Boolean;
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INT -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
        };
    }
}
