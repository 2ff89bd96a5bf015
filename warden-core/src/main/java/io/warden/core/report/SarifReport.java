package io.warden.core.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.AtomicFile;
import io.warden.core.finding.Finding;
import io.warden.core.io.ReadOptions.TextMode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scan as a SARIF 2.1.0 log ({@code warden scan --sarif}), the format code-scanning dashboards ingest.
 *
 * <p>One run; one rule per entity found (level {@code error} when the gate failed on it, otherwise {@code warning}
 * for secrets and direct identifiers, {@code note} for quasi-identifiers); one result per sampled finding. Text
 * input read line by line gets line/column regions (columns in Unicode code points), text read whole gets
 * character offsets, and tables point at the file plus a logical location {@code record[12].notes}. Messages
 * never contain the matched value unless the finding carries it (the user asked with {@code --show-values});
 * fingerprints hash only entity, field, record and offsets.
 */
public final class SarifReport {
    /** The schema URI written to {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The partial-fingerprint key; its hash covers entity, field, record and offsets (never the value). */
    public static final String FINGERPRINT_KEY = "wardenFinding/v1";

    private SarifReport() {}

    /**
     * How to render: where text findings sit, and the tool's home page.
     *
     * @param textMode how TEXT input was read: {@code LINE} gives line/column regions ({@code record} is the
     *     0-based line), {@code FILE} gives character offsets into the whole file
     * @param informationUri the tool's documentation URI for {@code tool.driver.informationUri}, or {@code null}
     */
    public record Options(TextMode textMode, URI informationUri) {
        public Options {
            requireNonNull(textMode, "textMode");
            if (informationUri != null && !informationUri.isAbsolute()) {
                throw new IllegalArgumentException("informationUri must be absolute");
            }
        }

        /** Line mode, no information URI. */
        public static Options defaults() {
            return new Options(TextMode.LINE, null);
        }

        public Options withTextMode(TextMode m) {
            return new Options(m, informationUri);
        }

        public Options withInformationUri(URI uri) {
            return new Options(textMode, uri);
        }
    }

    /** The report as a SARIF document with {@link Options#defaults()}. */
    public static String render(ScanReport report) {
        return render(report, Options.defaults());
    }

    /** The report as a SARIF document, ending with a newline. */
    public static String render(ScanReport report, Options options) {
        return JsonOut.toString(tree(report, options));
    }

    /** Writes the report to {@code out} as UTF-8 (does not close it). */
    public static void write(ScanReport report, Options options, OutputStream out) throws IOException {
        JsonOut.write(tree(report, options), out);
    }

    /** Writes the report to {@code target} atomically; fails with {@code OUTPUT_FAILED}. */
    public static void write(ScanReport report, Options options, Path target) {
        ObjectNode tree = tree(report, options);
        AtomicFile.write(target, out -> JsonOut.write(tree, out));
    }

    static ObjectNode tree(ScanReport r, Options options) {
        requireNonNull(r, "report");
        requireNonNull(options, "options");
        GateView gate = new GateView(r.gate());
        List<String> entities = entities(r);
        Map<String, Integer> ruleIndex = new TreeMap<>();
        for (int i = 0; i < entities.size(); i++) ruleIndex.put(entities.get(i), i);

        ObjectNode root = JsonOut.object();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ReportText.toolName(r.tool()));
        String version = ReportText.toolVersion(r.tool());
        if (!version.isEmpty()) driver.put("version", version);
        if (options.informationUri() != null) driver.put("informationUri", options.informationUri().toString());
        ArrayNode rules = driver.putArray("rules");
        for (String entity : entities) rules.add(rule(entity, r.entityCounts().getOrDefault(entity, 0L), gate));

        run.set("invocations", JsonOut.array().add(invocation(r, gate)));
        boolean text = "TEXT".equalsIgnoreCase(r.format());
        if (text) run.put("columnKind", "unicodeCodePoints");

        String uri = artifactUri(r.input());
        ArrayNode results = run.putArray("results");
        for (Finding f : r.sample()) {
            TextMode regions = text ? options.textMode() : null;
            results.add(result(f, uri, regions, ruleIndex.get(f.entity()), gate));
        }
        run.set("properties", runProperties(r));
        return root;
    }

    /** Every entity counted, sampled or named by a violation, sorted. */
    private static List<String> entities(ScanReport r) {
        var all = new TreeSet<>(r.entityCounts().keySet());
        r.sample().forEach(f -> all.add(f.entity()));
        if (r.gate() != null) r.gate().violations().forEach(v -> all.add(v.entity()));
        return List.copyOf(all);
    }

    private static String level(String entity, String field, GateView gate) {
        if (field == null ? gate.failedOn(entity) : gate.failedOn(entity, field)) return "error";
        return switch (Entities.kind(entity)) {
            case SECRET, IDENTIFIER -> "warning";
            case QUASI_IDENTIFIER -> "note";
        };
    }

    private static ObjectNode rule(String entity, long count, GateView gate) {
        ObjectNode rule = JsonOut.object();
        rule.put("id", entity);
        rule.put("name", pascalCase(entity));
        String title = Entities.title(entity);
        rule.putObject("shortDescription").put("text", title + " found in data");
        rule.putObject("fullDescription").put("text", fullDescription(entity, title));
        rule.putObject("defaultConfiguration").put("level", level(entity, null, gate));
        rule.putObject("help").put("text", help(entity));
        ObjectNode props = rule.putObject("properties");
        ArrayNode tags = props.putArray("tags").add("security");
        switch (Entities.kind(entity)) {
            case SECRET -> tags.add("secret");
            case IDENTIFIER -> tags.add("privacy").add("pii");
            case QUASI_IDENTIFIER -> tags.add("privacy").add("quasi-identifier");
        }
        props.put("findings", count);
        return rule;
    }

    private static String fullDescription(String entity, String title) {
        return switch (Entities.kind(entity)) {
            case SECRET -> title + ": a credential in a dataset lets anyone who trains on or reads the data use it.";
            case IDENTIFIER -> title + ": personal data that identifies a person on its own.";
            case QUASI_IDENTIFIER -> title + ": personal data that can identify a person combined with other fields.";
        };
    }

    private static String help(String entity) {
        return switch (Entities.kind(entity)) {
            case SECRET -> "Remove the secret from the data and rotate it: it must be treated as leaked.";
            case IDENTIFIER, QUASI_IDENTIFIER -> "Remove, mask or pseudonymise these values before training, "
                    + "or allow the entity in this field in the Warden policy if it is expected.";
        };
    }

    private static ObjectNode invocation(ScanReport r, GateView gate) {
        ObjectNode inv = JsonOut.object();
        inv.put("executionSuccessful", true); // the scan ran; a failed gate is a result, not a tool failure
        inv.put("exitCode", gate.passed() ? 0 : 1);
        inv.put("exitCodeDescription", gate.description());
        if (r.started() != null) {
            inv.put("startTimeUtc", DateTimeFormatter.ISO_INSTANT.format(r.started()));
            inv.put("endTimeUtc", DateTimeFormatter.ISO_INSTANT.format(r.started().plusMillis(r.durationMillis())));
        }
        if (!r.warnings().isEmpty()) {
            ArrayNode notes = inv.putArray("toolExecutionNotifications");
            for (String w : r.warnings()) {
                notes.addObject().put("level", "warning").putObject("message").put("text", w);
            }
        }
        ObjectNode props = inv.putObject("properties");
        if (r.gate() == null) {
            props.putNull("gatePassed");
        } else {
            props.put("gatePassed", r.gate().passed());
        }
        ArrayNode violations = props.putArray("violations");
        if (r.gate() != null) {
            for (GateResult.Violation v : r.gate().violations()) {
                violations.addObject()
                        .put("entity", v.entity())
                        .put("field", v.field())
                        .put("count", v.count())
                        .put("allowed", v.allowed());
            }
        }
        return inv;
    }

    private static ObjectNode result(Finding f, String uri, TextMode regions, Integer ruleIndex, GateView gate) {
        ObjectNode res = JsonOut.object();
        res.put("ruleId", f.entity());
        res.put("ruleIndex", ruleIndex);
        res.put("level", level(f.entity(), f.field(), gate));
        res.putObject("message").put("text", message(f));
        ObjectNode location = res.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        if (regions != null) {
            ObjectNode region = physical.putObject("region");
            switch (regions) {
                case LINE -> {
                    region.put("startLine", f.record() + 1);
                    region.put("startColumn", f.start() + 1);
                    region.put("endColumn", f.end() + 1);
                }
                case FILE -> {
                    region.put("charOffset", f.start());
                    region.put("charLength", f.end() - f.start());
                }
            }
        }
        location.putArray("logicalLocations").addObject()
                .put("name", f.field())
                .put("fullyQualifiedName", "record[" + f.record() + "]." + f.field())
                .put("kind", "member");
        res.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(f));
        ObjectNode props = res.putObject("properties");
        props.put("record", f.record());
        props.put("field", f.field());
        props.put("start", f.start());
        props.put("end", f.end());
        JsonOut.putDecimal(props, "score", f.score());
        props.put("detector", f.detector());
        return res;
    }

    /** {@code EMAIL_ADDRESS found in field 'notes' of record 12 (score 0.95, detector email)}, value only if kept. */
    static String message(Finding f) {
        String m = f.entity() + " found in field '" + f.field() + "' of record " + f.record()
                + " (score " + ReportText.score(f.score()) + ", detector " + f.detector() + ")";
        return f.value() == null ? m : m + ": '" + f.value() + "'";
    }

    /** SHA-256 over entity, field, record and offsets, NUL-separated; never over the value. */
    static String fingerprint(Finding f) {
        String key = f.entity() + '\0' + f.field() + '\0' + f.record() + '\0' + f.start() + '\0' + f.end();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    private static ObjectNode runProperties(ScanReport r) {
        ObjectNode props = JsonOut.object();
        props.put("input", r.input());
        props.put("format", r.format());
        props.put("records", r.records());
        props.put("fields", r.fields());
        props.put("bytes", r.bytes());
        props.put("durationMillis", r.durationMillis());
        props.put("totalFindings", r.totalFindings());
        ObjectNode counts = props.putObject("entityCounts");
        r.entityCounts().forEach(counts::put);
        props.put("resultsReported", r.sample().size());
        props.put("sampleTruncated", r.sampleTruncated());
        if (r.risk() != null) {
            ReidRisk k = r.risk();
            ObjectNode risk = props.putObject("reidentificationRisk");
            ArrayNode qi = risk.putArray("quasiIdentifiers");
            k.quasiIdentifiers().forEach(qi::add);
            risk.put("records", k.records());
            risk.put("classes", k.classes());
            risk.put("uniqueRecords", k.uniqueRecords());
            JsonOut.putDecimal(risk, "maxRisk", k.maxRisk());
            JsonOut.putDecimal(risk, "averageRisk", k.averageRisk());
            JsonOut.putDecimal(risk, "recordsAtRiskShare", k.recordsAtRiskShare());
            JsonOut.putDecimal(risk, "riskThreshold", k.riskThreshold());
        }
        return props;
    }

    /**
     * The input path as a URI reference: relative paths stay relative ({@code data/a%20b.csv}), so dashboards
     * resolve them against the repository root; absolute paths become {@code file:} URIs.
     */
    static String artifactUri(String input) {
        if (input == null || input.isEmpty() || input.equals("-")) return "stdin";
        String unified = input.replace(java.io.File.separatorChar, '/');
        Path p = Path.of(input);
        if (p.isAbsolute()) return p.normalize().toUri().toASCIIString();
        List<String> segments = new ArrayList<>();
        for (String s : unified.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            segments.add(encodeSegment(s));
        }
        String joined = String.join("/", segments);
        // A colon in the first segment would read as a scheme ("c:x.csv"): make it unambiguously a path.
        return segments.isEmpty() ? "." : segments.get(0).contains(":") ? "./" + joined : joined;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters and a few safe sub-delims, as UTF-8. */
    private static String encodeSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static String pascalCase(String entity) {
        StringBuilder b = new StringBuilder();
        for (String part : entity.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.isEmpty() ? "Entity" : b.toString();
    }
}
