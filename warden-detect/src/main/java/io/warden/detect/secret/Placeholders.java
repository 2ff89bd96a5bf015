package io.warden.detect.secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells values that stand in for a secret from secrets: masks ({@code ****}, {@code xxxxxxxx}), template and
 * environment references ({@code ${PASSWORD}}, {@code $DB_PASS}, {@code {{ token }}}, {@code <password>},
 * {@code %s}), stock words ({@code changeme}, {@code example}, {@code redacted}, {@code null}) and code that reads a
 * secret from somewhere else ({@code config.password}, {@code getenv("X")}).
 */
final class Placeholders {
    private static final Set<String> WORDS = Set.of("changeme", "changeit", "change_me", "password", "passwd",
            "secret", "example", "test", "testing", "dummy", "sample", "placeholder", "redacted", "hidden",
            "removed", "masked", "null", "nil", "none", "undefined", "true", "false", "yes", "no", "empty", "todo",
            "tbd", "fixme", "xxx", "foo", "bar", "baz", "foobar", "value", "string", "your_password",
            "yourpassword", "mypassword", "my_password", "required", "optional", "n/a", "na", "unknown",
            "default", "token", "apikey", "api_key", "key", "pass", "pwd", "secret_key", "none_set", "unset",
            "notset", "not_set", "omitted", "private", "confidential", "str", "int", "bool", "object");
    private static final List<String> FRAGMENTS = List.of("example", "placeholder", "changeme", "change_me",
            "redacted", "your_", "your-", "yourpass", "dummy", "xxxxx", "*****", "sample", "<", ">", "://");
    private static final List<String> CODE_PREFIXES = List.of("os.", "process.env", "env.", "self.", "this.",
            "config.", "settings.", "params.", "request.", "args.", "secrets.", "vault.", "getenv", "System.");

    private Placeholders() {}

    /** Whether {@code text[start, end)} is a placeholder rather than a secret; {@code quoted} values are literals. */
    static boolean isPlaceholder(String text, int start, int end, boolean quoted) {
        int n = end - start;
        if (n <= 0) return true;
        char first = text.charAt(start);
        if (allMask(text, start, end)) return true;
        if (first == '$' || first == '%' || first == '{' || first == '<' || first == '[' || first == '@'
                || first == '&' || first == '*') {
            return true; // ${VAR}, $VAR, %s, {{ x }}, <password>, [REDACTED], @param, YAML &anchor and *alias
        }
        if (text.charAt(end - 1) == '}' || text.charAt(end - 1) == '>') return true;
        String v = text.substring(start, end);
        String lower = v.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower)) return true;
        for (String f : FRAGMENTS) if (lower.contains(f)) return true;
        if (!quoted) {
            if (end < text.length() && (text.charAt(end) == '(' || text.charAt(end) == '[')) return true;
            int paren = v.indexOf('(');
            if (paren > 0 && isAttributePath(v.substring(0, paren) + ".x")) return true; // getPassword(), os.getenv("X")
            for (String p : CODE_PREFIXES) if (v.startsWith(p)) return true;
            if (isAttributePath(v) || isEnvName(v)) return true;
        }
        return false;
    }

    /** Only mask characters ("****", "xxxx-xxxx", "...", "••••"), or one character repeated. */
    private static boolean allMask(String text, int start, int end) {
        char c0 = text.charAt(start);
        boolean same = true;
        boolean mask = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != c0) same = false;
            if ("*xX.#-_•0?".indexOf(c) < 0) mask = false;
        }
        return same || mask;
    }

    /** "config.db.password": dotted identifiers, read as an attribute reference in code. */
    private static boolean isAttributePath(String v) {
        if (v.indexOf('.') < 0 || !Character.isLetter(v.charAt(0))) return false;
        boolean partStart = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                if (partStart) return false;
                partStart = true;
                continue;
            }
            if (partStart && !(Character.isLetter(c) || c == '_')) return false;
            if (!(SecretChars.isIdent(c))) return false;
            partStart = false;
        }
        return !partStart;
    }

    /** "DB_PASSWORD": an upper-case snake name, read as the name of an environment variable. */
    private static boolean isEnvName(String v) {
        if (v.indexOf('_') < 0) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_' && !(i > 0 && c >= '0' && c <= '9')) return false;
        }
        return true;
    }
}
