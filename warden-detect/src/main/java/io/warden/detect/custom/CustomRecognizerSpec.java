package io.warden.detect.custom;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A recognizer defined in the policy: regular expressions with scores, context words, values never to report
 * (allow) and terms always to report (deny). Validated when built; {@link PatternRecognizer#of} compiles it.
 *
 * @param name the recognizer's name, written (lower-cased) to each finding's {@code detector}; letters, digits,
 *     {@code _ - .}
 * @param entity the entity type it reports, upper-case {@code [A-Z0-9_]+}, e.g. {@code EMPLOYEE_ID}
 * @param patterns regular expressions and their scores (may be empty when {@code deny} is not)
 * @param context words that raise a match's score when near it (single words, compared ignoring case)
 * @param allow exact values never reported
 * @param deny terms always reported, as whole words, ignoring case, with score 1.0
 * @param ignoreCase whether the patterns and the allow list ignore case
 */
public record CustomRecognizerSpec(String name, String entity, List<PatternSpec> patterns, List<String> context,
        List<String> allow, List<String> deny, boolean ignoreCase) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ENTITY = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public CustomRecognizerSpec {
        requireNonNull(name, "name");
        requireNonNull(entity, "entity");
        patterns = List.copyOf(requireNonNull(patterns, "patterns"));
        context = List.copyOf(requireNonNull(context, "context"));
        allow = List.copyOf(requireNonNull(allow, "allow"));
        deny = List.copyOf(requireNonNull(deny, "deny"));
        if (name.isBlank()) throw new IllegalArgumentException("custom recognizer name must not be empty");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("custom recognizer '" + name
                    + "': name may contain only letters, digits, '_', '-' and '.'");
        }
        if (!ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("custom recognizer '" + name
                    + "': entity must be upper-case letters, digits and '_' (e.g. EMPLOYEE_ID)");
        }
        if (patterns.isEmpty() && deny.isEmpty()) {
            throw new IllegalArgumentException("custom recognizer '" + name
                    + "': needs at least one pattern or deny term");
        }
        for (String w : context) {
            if (!WORD.matcher(w).matches()) {
                throw new IllegalArgumentException("custom recognizer '" + name
                        + "': context entries must be single words (letters and digits)");
            }
        }
        for (String d : deny) {
            if (d.isBlank()) throw new IllegalArgumentException("custom recognizer '" + name + "': empty deny term");
            for (String a : allow) {
                if (a.equalsIgnoreCase(d)) {
                    throw new IllegalArgumentException("custom recognizer '" + name
                            + "': a term cannot be both allowed and denied");
                }
            }
        }
    }

    /** Shape only; patterns and lists may hold sensitive terms and are not printed. */
    @Override
    public String toString() {
        return "CustomRecognizerSpec[name=" + name + ", entity=" + entity + ", patterns=" + patterns.size()
                + ", context=" + context.size() + ", allow=" + allow.size() + ", deny=" + deny.size()
                + ", ignoreCase=" + ignoreCase + "]";
    }
}
