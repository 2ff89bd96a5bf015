package io.warden.detect.eval;

import java.util.ArrayList;
import java.util.List;

/** Builds a text and its labels together, so each label's code-point offsets are exact by construction. */
final class LabeledText {
    private final StringBuilder text = new StringBuilder();
    private final List<Label> labels = new ArrayList<>();
    private int codePoints;

    /** A labelled span with its value (kept for the corpus file's {@code entity_value}). */
    record Label(String entity, String value, int start, int end) {}

    /** Appends unlabelled text. */
    LabeledText add(String plain) {
        text.append(plain);
        codePoints += plain.codePointCount(0, plain.length());
        return this;
    }

    /** Appends {@code value} labelled as {@code entity}; a null entity appends it unlabelled. */
    LabeledText add(String entity, String value) {
        int start = codePoints;
        add(value);
        if (entity != null) labels.add(new Label(entity, value, start, codePoints));
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Label> labels() {
        return List.copyOf(labels);
    }
}
