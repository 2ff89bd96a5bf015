package io.warden.protect.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.datafaker.Faker;

/**
 * One of Datafaker's value lists, compiled once so that a fake value costs a few array lookups instead of an
 * expression evaluation: a choice among alternatives, each a sequence of literals and references to other lists
 * (Datafaker's {@code #{Name.last_name} #{Company.suffix}}).
 *
 * <p>Alternatives Datafaker would compute with arguments or code ({@code #{numerify '###'}}) are left out; a list
 * with none left fails to compile. Immutable.
 */
final class FakeTemplate {
    private static final int MAX_DEPTH = 6;

    /** alternatives[i] holds Strings and FakeTemplates, appended in order. */
    private final Object[][] alternatives;

    private FakeTemplate(Object[][] alternatives) {
        this.alternatives = alternatives;
    }

    int size() {
        return alternatives.length;
    }

    void append(StringBuilder out, Picks picks) {
        Object[] parts = alternatives.length == 1 ? alternatives[0] : alternatives[picks.below(alternatives.length)];
        for (Object part : parts) {
            if (part instanceof String s) out.append(s);
            else ((FakeTemplate) part).append(out, picks);
        }
    }

    String pick(Picks picks) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, picks);
        return sb.toString();
    }

    /** Compiles Datafaker lists of one faker (one locale), sharing what several lists refer to. */
    static final class Compiler {
        private final Faker faker;
        private final UnaryOperator<String> literals;
        private final Map<String, FakeTemplate> done = new HashMap<>();

        /** @param literals applied to every literal (e.g. to fold names for e-mail addresses) */
        Compiler(Faker faker, UnaryOperator<String> literals) {
            this.faker = faker;
            this.literals = literals;
        }

        /**
         * The list at {@code key} ({@code "name.last_name"}).
         *
         * @throws IllegalStateException when the key has no usable list in this locale
         */
        FakeTemplate compile(String key) {
            FakeTemplate t = compile(key, 0);
            if (t == null) throw new IllegalStateException("Datafaker has no usable list " + key);
            return t;
        }

        private FakeTemplate compile(String key, int depth) {
            if (done.containsKey(key)) return done.get(key);
            if (depth > MAX_DEPTH) return null;
            Object raw = faker.fakeValuesService().fetchObject(key, faker.getContext());
            List<Object[]> alts = new ArrayList<>();
            if (raw instanceof List<?> list) {
                String provider = key.substring(0, key.indexOf('.'));
                for (Object item : list) {
                    if (!(item instanceof String s)) continue;
                    Object[] parts = parse(s, provider, depth);
                    if (parts != null) alts.add(parts);
                }
            } else if (raw instanceof String s) {
                Object[] parts = parse(s, key.substring(0, key.indexOf('.')), depth);
                if (parts != null) alts.add(parts);
            }
            FakeTemplate t = alts.isEmpty() ? null : new FakeTemplate(alts.toArray(new Object[0][]));
            done.put(key, t);
            return t;
        }

        /** Literal and reference parts of one alternative; null if a reference cannot be compiled. */
        private Object[] parse(String s, String provider, int depth) {
            List<Object> parts = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                int open = s.indexOf("#{", i);
                if (open < 0) {
                    addLiteral(parts, s.substring(i));
                    break;
                }
                if (open > i) addLiteral(parts, s.substring(i, open));
                int close = s.indexOf('}', open);
                if (close < 0) return null;
                String ref = s.substring(open + 2, close).strip();
                if (ref.isEmpty() || ref.contains(" ") || ref.contains("'")) return null; // arguments: not a list
                String refKey = ref.contains(".")
                        ? snake(ref.substring(0, ref.indexOf('.'))) + "." + snake(ref.substring(ref.indexOf('.') + 1))
                        : provider + "." + snake(ref);
                FakeTemplate t = compile(refKey, depth + 1);
                if (t == null) return null;
                parts.add(t);
                i = close + 1;
            }
            return parts.toArray();
        }

        private void addLiteral(List<Object> parts, String s) {
            String t = literals.apply(s);
            if (!t.isEmpty()) parts.add(t);
        }

        /** Datafaker's names to YAML keys: {@code cityPrefix} and {@code CityPrefix} to {@code city_prefix}. */
        static String snake(String name) {
            StringBuilder sb = new StringBuilder(name.length() + 4);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isUpperCase(c)) {
                    if (i > 0 && name.charAt(i - 1) != '_') sb.append('_');
                    sb.append(Character.toLowerCase(c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
