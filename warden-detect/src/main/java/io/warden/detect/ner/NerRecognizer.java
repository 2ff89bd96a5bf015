package io.warden.detect.ner;

import static java.util.Objects.requireNonNull;

import io.warden.detect.Recognizer;
import io.warden.detect.ScanText;
import io.warden.detect.SpanSink;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adapts a {@link NerModel} to the {@link Recognizer} SPI: runs the model on each text and reports its entities
 * under Warden's entity names, mapped from the model's labels.
 *
 * <p>Labels are compared case-insensitively after removing a BIO/BILOU prefix ({@code B-PER} → {@code PER}).
 * The {@linkplain #DEFAULT_LABELS default mapping} covers CoNLL-2003 ({@code PER, LOC, ORG}) and OntoNotes
 * ({@code PERSON, GPE, LOC, FAC, ORG, NORP, DATE, TIME}) as Presidio maps them; labels it does not map
 * ({@code MISC}, {@code CARDINAL}, ...) are ignored, and so are entities outside the text. The model's score is
 * reported as is, so the usual context boost and threshold apply.
 */
public final class NerRecognizer implements Recognizer {
    /** CoNLL and OntoNotes labels → Warden entity names. */
    public static final Map<String, String> DEFAULT_LABELS = Map.ofEntries(
            Map.entry("PER", "PERSON"), Map.entry("PERSON", "PERSON"),
            Map.entry("LOC", "LOCATION"), Map.entry("LOCATION", "LOCATION"), Map.entry("GPE", "LOCATION"),
            Map.entry("FAC", "LOCATION"),
            Map.entry("ORG", "ORGANIZATION"), Map.entry("ORGANIZATION", "ORGANIZATION"),
            Map.entry("NORP", "NRP"), Map.entry("NRP", "NRP"),
            Map.entry("DATE", "DATE_TIME"), Map.entry("TIME", "DATE_TIME"));

    private final String name;
    private final NerModel model;
    private final Map<String, String> labels;
    private final Set<String> entities;

    /**
     * @param name the detector name for findings, lower-case (e.g. {@code "ner_onnx"})
     * @param model the model
     * @param labels model label → Warden entity name; keys are compared ignoring case
     */
    public NerRecognizer(String name, NerModel model, Map<String, String> labels) {
        this.name = requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_.-]+")) throw new IllegalArgumentException("recognizer name must be lower-case");
        this.model = requireNonNull(model, "model");
        var m = new HashMap<String, String>();
        labels.forEach((k, v) -> m.put(k.toUpperCase(Locale.ROOT), requireNonNull(v, "entity")));
        this.labels = Map.copyOf(m);
        this.entities = Set.copyOf(new TreeSet<>(this.labels.values()));
    }

    /** Adapts {@code model} with the {@link #DEFAULT_LABELS}, named {@code "ner"}. */
    public NerRecognizer(NerModel model) {
        this("ner", model, DEFAULT_LABELS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> entities() {
        return entities;
    }

    @Override
    public void analyze(ScanText st, SpanSink sink) {
        String text = st.text();
        List<NerEntity> found = model.predict(text);
        if (found == null) return;
        for (NerEntity e : found) {
            if (e.end() > text.length()) continue;
            String entity = labels.get(bareLabel(e.label()));
            if (entity != null) sink.report(e.start(), e.end(), entity, e.score());
        }
    }

    /** "B-PER" → "PER", "i-org" → "ORG". */
    static String bareLabel(String label) {
        String l = label.toUpperCase(Locale.ROOT);
        if (l.length() > 2 && l.charAt(1) == '-' && "BIESLU".indexOf(l.charAt(0)) >= 0) l = l.substring(2);
        return l;
    }
}
