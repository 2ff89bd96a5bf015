package io.warden.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One dataset's policy: what to look for, what counts as a failing finding, how to protect the data, and which
 * differentially private statistics may be released from it. Loaded by {@link PolicyLoader}.
 *
 * <p>Every section is optional; a missing section takes its defaults. Field reference: {@code docs/policy.md}.
 *
 * @param version policy format version, currently 1
 * @param dataset optional dataset name, echoed in reports
 * @param scan detection settings
 * @param gate pass/fail rules
 * @param protect what {@code warden protect} does to columns and found entities
 * @param dp the differentially private statistics {@code warden dp} releases, and the dataset's privacy budget
 */
public record Policy(
        @JsonProperty("version") Integer version,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("scan") Scan scan,
        @JsonProperty("gate") Gate gate,
        @JsonProperty("protect") Protect protect,
        @JsonProperty("dp") Dp dp) {

    public static final int CURRENT_VERSION = 1;

    public Policy {
        if (version == null) version = CURRENT_VERSION;
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported policy version " + version + " (expected 1)");
        }
        if (scan == null) scan = Scan.defaults();
        if (gate == null) gate = Gate.defaults();
        if (protect == null) protect = Protect.defaults();
        if (dp == null) dp = Dp.defaults();
    }

    /** This policy with other detection settings. */
    public Policy withScan(Scan newScan) {
        return new Policy(version, dataset, newScan, gate, protect, dp);
    }

    /** The policy used when none is given: all built-in recognizers, any finding fails the gate. */
    public static Policy defaults() {
        return new Policy(CURRENT_VERSION, null, null, null, null, null);
    }

    /**
     * Detection settings.
     *
     * @param minScore findings scoring below this are not reported (0..1, default 0.5)
     * @param contextWindow tokens searched on each side of a span for context words (default 5)
     * @param entities report only these entities (empty: all)
     * @param excludeEntities never report these entities
     * @param allowValues exact values never reported (e.g. a public support address)
     * @param includeFields scan only fields matching these globs (empty: all)
     * @param excludeFields never scan fields matching these globs
     * @param recognizers user-defined recognizers
     * @param quasiIdentifiers columns for re-identification risk (tables)
     * @param columnThreshold share of values that makes a column "hold" an entity (default 0.5)
     */
    public record Scan(
            @JsonProperty("min_score") Double minScore,
            @JsonProperty("context_window") Integer contextWindow,
            @JsonProperty("entities") List<String> entities,
            @JsonProperty("exclude_entities") List<String> excludeEntities,
            @JsonProperty("allow_values") List<String> allowValues,
            @JsonProperty("include_fields") List<String> includeFields,
            @JsonProperty("exclude_fields") List<String> excludeFields,
            @JsonProperty("recognizers") List<CustomRecognizer> recognizers,
            @JsonProperty("quasi_identifiers") List<String> quasiIdentifiers,
            @JsonProperty("column_threshold") Double columnThreshold) {
        public Scan {
            if (minScore == null) minScore = 0.5;
            if (contextWindow == null) contextWindow = 5;
            if (columnThreshold == null) columnThreshold = 0.5;
            requireUnit("scan.min_score", minScore);
            requireUnit("scan.column_threshold", columnThreshold);
            if (contextWindow < 0 || contextWindow > 100) {
                throw new IllegalArgumentException("scan.context_window must be between 0 and 100");
            }
            entities = copy(entities);
            excludeEntities = copy(excludeEntities);
            allowValues = copy(allowValues);
            includeFields = copy(includeFields);
            excludeFields = copy(excludeFields);
            recognizers = copy(recognizers);
            quasiIdentifiers = copy(quasiIdentifiers);
        }

        static Scan defaults() {
            return new Scan(null, null, null, null, null, null, null, null, null, null);
        }

        /** Whether {@code field} is scanned under include/exclude globs. */
        public boolean scansField(String field) {
            if (Globs.anyMatch(excludeFields, field)) return false;
            return includeFields.isEmpty() || Globs.anyMatch(includeFields, field);
        }

        /** Whether {@code entity} is reported under entities/exclude_entities. */
        public boolean reportsEntity(String entity) {
            if (Globs.anyMatch(excludeEntities, entity)) return false;
            return entities.isEmpty() || Globs.anyMatch(entities, entity);
        }
    }

    /**
     * A user-defined recognizer: regular expressions, context words, allow and deny lists.
     *
     * @param name detector name written to findings
     * @param entity entity type it reports (upper case, e.g. EMPLOYEE_ID)
     * @param patterns regular expressions with their scores
     * @param context words that raise the score when near a match
     * @param allow values never reported
     * @param deny terms always reported (whole word, case-insensitive)
     * @param ignoreCase compile the patterns case-insensitively
     */
    public record CustomRecognizer(
            @JsonProperty("name") String name,
            @JsonProperty("entity") String entity,
            @JsonProperty("patterns") List<PatternDef> patterns,
            @JsonProperty("context") List<String> context,
            @JsonProperty("allow") List<String> allow,
            @JsonProperty("deny") List<String> deny,
            @JsonProperty("ignore_case") Boolean ignoreCase) {
        public CustomRecognizer {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("recognizer needs a name");
            if (entity == null || !entity.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("recognizer '" + name + "': entity must be UPPER_SNAKE_CASE");
            }
            patterns = copy(patterns);
            context = copy(context);
            allow = copy(allow);
            deny = copy(deny);
            if (ignoreCase == null) ignoreCase = false;
            if (patterns.isEmpty() && deny.isEmpty()) {
                throw new IllegalArgumentException("recognizer '" + name + "' needs patterns or deny terms");
            }
        }
    }

    /**
     * One regular expression of a custom recognizer.
     *
     * @param regex a Java regular expression
     * @param score the score of a match before context (default 0.6)
     */
    public record PatternDef(@JsonProperty("regex") String regex, @JsonProperty("score") Double score) {
        public PatternDef {
            if (regex == null || regex.isEmpty()) throw new IllegalArgumentException("pattern needs a regex");
            if (score == null) score = 0.6;
            requireUnit("pattern score", score);
        }
    }

    /**
     * Pass/fail rules applied to a scan.
     *
     * @param failOn entity globs whose findings fail the gate (default {@code ["*"]}: anything found fails)
     * @param minScore findings under this score do not count (default: the scan's min_score)
     * @param allow entities allowed in given fields
     * @param maxFindings per-entity number of findings tolerated before failing (default 0)
     * @param maxRisk highest prosecutor re-identification risk tolerated per record (needs quasi_identifiers)
     */
    public record Gate(
            @JsonProperty("fail_on") List<String> failOn,
            @JsonProperty("min_score") Double minScore,
            @JsonProperty("allow") List<AllowRule> allow,
            @JsonProperty("max_findings") Map<String, Long> maxFindings,
            @JsonProperty("max_risk") Double maxRisk) {
        public Gate {
            failOn = failOn == null ? List.of("*") : List.copyOf(failOn);
            allow = copy(allow);
            maxFindings = maxFindings == null ? Map.of() : Map.copyOf(maxFindings);
            if (minScore != null) requireUnit("gate.min_score", minScore);
            if (maxRisk != null) requireUnit("gate.max_risk", maxRisk);
            maxFindings.forEach((k, v) -> {
                if (v == null || v < 0) throw new IllegalArgumentException("gate.max_findings." + k + " must be >= 0");
            });
        }

        static Gate defaults() {
            return new Gate(null, null, null, null, null);
        }

        /** Whether a finding of {@code entity} in {@code field} counts against the gate. */
        public boolean counts(String entity, String field) {
            if (!Globs.anyMatch(failOn, entity)) return false;
            for (AllowRule rule : allow) {
                if (rule.allows(entity, field)) return false;
            }
            return true;
        }
    }

    /**
     * Entities that may appear in some fields.
     *
     * @param entities entity globs
     * @param fields field globs (empty: every field)
     */
    public record AllowRule(@JsonProperty("entities") List<String> entities, @JsonProperty("fields") List<String> fields) {
        public AllowRule {
            entities = copy(entities);
            fields = copy(fields);
            if (entities.isEmpty()) throw new IllegalArgumentException("gate.allow rule needs entities");
        }

        boolean allows(String entity, String field) {
            return Globs.anyMatch(entities, entity) && (fields.isEmpty() || Globs.anyMatch(fields, field));
        }
    }

    private static void requireUnit(String what, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(what + " must be between 0 and 1");
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
