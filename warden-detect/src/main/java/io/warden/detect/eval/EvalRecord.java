package io.warden.detect.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One record of a span-labelled corpus: a text and its gold spans in code-point offsets.
 *
 * @param text the full text
 * @param spans gold spans, each within the text
 */
public record EvalRecord(String text, List<LabeledSpan> spans) {
    public EvalRecord {
        requireNonNull(text, "text");
        spans = List.copyOf(spans);
        int length = text.codePointCount(0, text.length());
        for (LabeledSpan s : spans) {
            if (s.end() > length) {
                throw new IllegalArgumentException("span " + s.start() + ".." + s.end()
                        + " beyond the text (" + length + " code points)");
            }
        }
    }

    /** Shape only: the text may be sensitive and never appears here. */
    @Override
    public String toString() {
        return "EvalRecord[length=" + text.length() + ", spans=" + spans.size() + "]";
    }
}
