package io.warden.protect.job;

import io.warden.core.Version;
import io.warden.core.io.JsonDocuments;
import io.warden.core.io.InputFormat;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformation manifest written next to a protected dataset: which operator each column and entity got,
 * with its parameters (never keys), counts, the privacy model's figures, what the reader worked around (e.g.
 * invalid UTF-8 replaced, with its byte offset), and the SHA-256 of input and output.
 * Format reference: {@code docs/protect.md}.
 */
public record Manifest(
        Policy policy,
        InputFormat format,
        String input,
        String inputSha256,
        long inputRecords,
        String output,
        String outputSha256,
        long outputRecords,
        ProtectStats stats,
        Map<String, Object> privacy,
        boolean selfChecked,
        List<String> warnings,
        long millis) {

    public static final String FORMAT = "warden-protect-manifest";

    /** The manifest as a JSON tree (maps and lists in a stable order). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("tool", "warden " + Version.VERSION);
        m.put("created", Instant.now().toString());
        if (policy.dataset() != null) m.put("dataset", policy.dataset());
        m.put("input", file(input, inputSha256, inputRecords));
        m.put("output", file(output, outputSha256, outputRecords));
        Protect p = policy.protect();
        Map<String, Long> cells = stats.cellsByField();
        m.put("columns", p.columns().stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("fields", r.fields());
            c.put("operator", r.spec().operator());
            c.put("params", r.spec().params());
            c.put("cells", cells.entrySet().stream().filter(e -> p.columnRule(e.getKey()) == r)
                    .mapToLong(Map.Entry::getValue).sum());
            return c;
        }).toList());
        Map<String, Long> spans = stats.spansByEntity();
        m.put("entities", p.entities().stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("entities", r.entityGlobs());
            if (!r.fields().isEmpty()) c.put("fields", r.fields());
            c.put("operator", r.spec().operator());
            c.put("params", r.spec().params());
            return c;
        }).toList());
        m.put("spans_by_entity", spans);
        m.put("records_dropped", stats.recordsDroppedByEntity());
        if (privacy != null) m.put("privacy", privacy);
        m.put("self_check", selfChecked ? "passed" : "disabled");
        m.put("warnings", warnings);
        m.put("millis", millis);
        return m;
    }

    private Map<String, Object> file(String path, String sha256, long records) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path);
        f.put("format", format.name());
        f.put("sha256", sha256);
        f.put("records", records);
        return f;
    }

    /** Writes the manifest as indented JSON. */
    public void write(OutputStream out) {
        JsonDocuments.write(toJson(), out);
    }

    /** Shape only. */
    @Override
    public String toString() {
        return "Manifest[" + format + ", records " + inputRecords + " -> " + outputRecords + "]";
    }

}
