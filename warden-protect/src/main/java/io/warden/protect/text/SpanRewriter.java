package io.warden.protect.text;

import static java.util.Objects.requireNonNull;

import io.warden.protect.operator.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rewrites the sensitive spans of one text with operators and says where everything moved.
 *
 * <p>Offsets are Unicode code points, as in {@code warden scan}'s findings. Spans must lie within the text and
 * must not overlap (the analyzer resolves overlaps before it reports). Text outside the spans is copied
 * unchanged, so the result is well-formed whatever the operators write, and {@link Result#map} moves the offsets
 * of any other finding in the text to the rewritten text.
 */
public final class SpanRewriter {
    private SpanRewriter() {}

    /** One span to rewrite: code-point offsets {@code [start, end)} and the entity found there. */
    public record Edit(int start, int end, String entity) {
        public Edit {
            requireNonNull(entity, "entity");
            if (start < 0 || end <= start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /**
     * The rewritten text and, per edit in input order, where its replacement sits in it.
     *
     * @param text the rewritten text
     * @param edits the edits as given, sorted by start
     * @param replaced code-point offsets {@code [start, end)} of each edit's replacement in {@link #text}
     */
    public record Result(String text, List<Edit> edits, List<int[]> replaced) {
        /**
         * Where input code-point offset {@code offset} lands in the rewritten text; an offset inside an edited span
         * maps to the start of its replacement, one at its end to the replacement's end.
         */
        public int map(int offset) {
            int shift = 0;
            for (int i = 0; i < edits.size(); i++) {
                Edit e = edits.get(i);
                int[] r = replaced.get(i);
                if (offset < e.start()) break;
                if (offset < e.end()) return r[0];
                shift = r[1] - e.end();
            }
            return offset + shift;
        }

        /** Shape only: the text may hold what was not rewritten. */
        @Override
        public String toString() {
            return "Result[edits=" + edits.size() + ", length=" + text.length() + "]";
        }
    }

    /**
     * Applies to each span the operator {@code operatorFor} picks for its entity.
     *
     * @param text the original text
     * @param edits spans to rewrite, in any order, not overlapping
     * @param field the field the text came from (may be null), passed to operators
     * @param operatorFor the operator for an entity
     * @throws IllegalArgumentException if a span lies outside the text or two spans overlap
     */
    public static Result rewrite(String text, List<Edit> edits, String field, Function<String, Operator> operatorFor) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text.length());
        List<int[]> replaced = new ArrayList<>(sorted.size());
        int cpLength = text.codePointCount(0, text.length());
        int inChar = 0; // char index in text of code point inCp
        int inCp = 0;
        int outCp = 0;
        for (Edit e : sorted) {
            if (e.start() < inCp) throw new IllegalArgumentException("spans overlap at code point " + e.start());
            if (e.end() > cpLength) {
                throw new IllegalArgumentException("span [" + e.start() + ", " + e.end() + ") is outside the text");
            }
            int startChar = text.offsetByCodePoints(inChar, e.start() - inCp);
            int endChar = text.offsetByCodePoints(startChar, e.end() - e.start());
            out.append(text, inChar, startChar);
            outCp += e.start() - inCp;
            String value = text.substring(startChar, endChar);
            String replacement = operatorFor.apply(e.entity()).apply(value, new Operator.Target(field, e.entity()));
            out.append(replacement);
            int len = replacement.codePointCount(0, replacement.length());
            replaced.add(new int[] {outCp, outCp + len});
            outCp += len;
            inChar = endChar;
            inCp = e.end();
        }
        out.append(text, inChar, text.length());
        return new Result(out.toString(), List.copyOf(sorted), List.copyOf(replaced));
    }
}
