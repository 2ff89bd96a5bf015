package io.warden.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy's {@code protect} section: what {@code warden protect} does to each column and to each entity found in
 * text. Field reference: {@code docs/policy.md}.
 *
 * @param keyring path of the keyring file for keyed operators (relative to the working directory); the CLI's
 *     {@code --keyring} overrides it
 * @param columns whole-column rules; a field takes the first rule whose globs match it
 * @param entities rules for entities found inside the other fields; a span takes the first rule whose entity and
 *     field globs match it
 * @param selfCheck whether the output is scanned again and rejected when something that must be removed is found
 * @param privacy the privacy model over quasi-identifiers, or null
 */
public record Protect(
        @JsonProperty("keyring") String keyring,
        @JsonProperty("columns") List<ColumnRule> columns,
        @JsonProperty("entities") List<EntityRule> entities,
        @JsonProperty("self_check") Boolean selfCheck,
        @JsonProperty("privacy") Privacy privacy) {

    public Protect {
        columns = columns == null ? List.of() : List.copyOf(columns);
        entities = entities == null ? List.of() : List.copyOf(entities);
        if (selfCheck == null) selfCheck = true;
        if (privacy != null) {
            for (ColumnRule c : columns) {
                for (String qi : privacy.quasiIdentifiers().keySet()) {
                    if (Globs.anyMatch(c.fields(), qi)) {
                        throw new IllegalArgumentException("protect.privacy: quasi-identifier '" + qi
                                + "' also has a column rule (" + c.spec().operator() + "); a column is generalized by"
                                + " the privacy model or by a rule, not both");
                    }
                }
            }
        }
    }

    static Protect defaults() {
        return new Protect(null, null, null, null, null);
    }

    /** Whether any rule is declared. */
    public boolean isEmpty() {
        return columns.isEmpty() && entities.isEmpty() && privacy == null;
    }

    /** The first column rule for {@code field}, or null. */
    public ColumnRule columnRule(String field) {
        for (ColumnRule r : columns) if (Globs.anyMatch(r.fields(), field)) return r;
        return null;
    }

    /** The first entity rule for a span of {@code entity} in {@code field}, or null. */
    public EntityRule entityRule(String entity, String field) {
        for (EntityRule r : entities) if (r.covers(entity, field)) return r;
        return null;
    }

    /**
     * A whole-column rule.
     *
     * @param fields field globs (column names or dotted JSON paths)
     * @param spec the operator and its parameters
     */
    public record ColumnRule(List<String> fields, OperatorSpec spec) {
        public ColumnRule {
            fields = fields == null ? List.of() : List.copyOf(fields);
            if (fields.isEmpty()) throw new IllegalArgumentException("protect.columns: a rule needs fields");
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        static ColumnRule of(@JsonProperty("fields") List<String> fields, @JsonProperty("operator") String operator,
                @JsonProperty("params") Map<String, Object> params) {
            return new ColumnRule(fields, new OperatorSpec(operator, params));
        }
    }

    /**
     * A rule for entities found in text.
     *
     * @param entityGlobs entity globs, e.g. {@code [EMAIL_ADDRESS, "SECRET_*"]}
     * @param fields field globs the rule is limited to (empty: every field without a column rule)
     * @param spec the operator and its parameters
     */
    public record EntityRule(List<String> entityGlobs, List<String> fields, OperatorSpec spec) {
        public EntityRule {
            entityGlobs = entityGlobs == null ? List.of() : List.copyOf(entityGlobs);
            fields = fields == null ? List.of() : List.copyOf(fields);
            if (entityGlobs.isEmpty()) throw new IllegalArgumentException("protect.entities: a rule needs entities");
            if (OperatorSpec.COLUMN_ONLY.contains(spec.operator())) {
                throw new IllegalArgumentException("protect.entities: operator " + spec.operator()
                        + " works on whole columns only");
            }
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        static EntityRule of(@JsonProperty("entities") List<String> entities, @JsonProperty("fields") List<String> fields,
                @JsonProperty("operator") String operator, @JsonProperty("params") Map<String, Object> params) {
            return new EntityRule(entities, fields, new OperatorSpec(operator, params));
        }

        /** Whether a span of {@code entity} in {@code field} falls under this rule. */
        public boolean covers(String entity, String field) {
            return Globs.anyMatch(entityGlobs, entity) && (fields.isEmpty() || Globs.anyMatch(fields, field));
        }
    }

    /**
     * A privacy model over quasi-identifiers, reached by generalizing them along their hierarchies and suppressing
     * records.
     *
     * @param quasiIdentifiers column name → hierarchy file (ARX's CSV format)
     * @param sensitive the sensitive column for l-diversity and t-closeness, or null
     * @param k minimum equivalence-class size (k-anonymity), or null
     * @param l l-diversity, or null
     * @param t t-closeness, or null
     * @param maxSuppression largest share of records that may be suppressed (0..1, default 0)
     * @param metric the utility metric the search optimises
     */
    public record Privacy(
            @JsonProperty("quasi_identifiers") Map<String, String> quasiIdentifiers,
            @JsonProperty("sensitive") String sensitive,
            @JsonProperty("k") Integer k,
            @JsonProperty("l") LDiversity l,
            @JsonProperty("t") TCloseness t,
            @JsonProperty("max_suppression") Double maxSuppression,
            @JsonProperty("metric") String metric) {
        public Privacy {
            quasiIdentifiers = quasiIdentifiers == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quasiIdentifiers));
            if (quasiIdentifiers.isEmpty()) {
                throw new IllegalArgumentException("protect.privacy needs quasi_identifiers (column: hierarchy file)");
            }
            if (k == null && l == null && t == null) {
                throw new IllegalArgumentException("protect.privacy needs at least one of k, l, t");
            }
            if (k != null && k < 1) throw new IllegalArgumentException("protect.privacy.k must be at least 1");
            if ((l != null || t != null) && sensitive == null) {
                throw new IllegalArgumentException("protect.privacy: l and t need a sensitive column");
            }
            if (sensitive != null && quasiIdentifiers.containsKey(sensitive)) {
                throw new IllegalArgumentException("protect.privacy: the sensitive column '" + sensitive
                        + "' cannot also be a quasi-identifier");
            }
            if (maxSuppression == null) maxSuppression = 0.0;
            if (!(maxSuppression >= 0 && maxSuppression <= 1)) {
                throw new IllegalArgumentException("protect.privacy.max_suppression must be between 0 and 1");
            }
            if (metric == null) metric = "loss";
            Set<String> metrics = new HashSet<>(List.of("loss", "precision", "discernibility", "aecs"));
            if (!metrics.contains(metric)) {
                throw new IllegalArgumentException("protect.privacy.metric: unknown metric '" + metric
                        + "' (expected one of: aecs, discernibility, loss, precision)");
            }
        }
    }

    /**
     * l-diversity of the sensitive column within every equivalence class.
     *
     * @param l the number of well-represented values (at least 2)
     * @param variant {@code distinct} or {@code recursive}
     * @param c the constant of recursive (c,l)-diversity
     */
    public record LDiversity(@JsonProperty("l") Integer l, @JsonProperty("variant") String variant,
            @JsonProperty("c") Double c) {
        public LDiversity {
            if (l == null || l < 2) throw new IllegalArgumentException("protect.privacy.l.l must be at least 2");
            if (variant == null) variant = "distinct";
            if (!variant.equals("distinct") && !variant.equals("recursive")) {
                throw new IllegalArgumentException("protect.privacy.l.variant must be distinct or recursive");
            }
            if (variant.equals("recursive") && (c == null || !(c > 0))) {
                throw new IllegalArgumentException("protect.privacy.l: recursive l-diversity needs c > 0");
            }
            if (variant.equals("distinct") && c != null) {
                throw new IllegalArgumentException("protect.privacy.l: c applies to recursive l-diversity only");
            }
        }
    }

    /**
     * t-closeness of the sensitive column's distribution within every class to its distribution overall.
     *
     * @param t the largest earth mover's distance allowed (0..1)
     * @param distance {@code equal} (every two values at distance 1) or {@code ordered} (values in their order)
     */
    public record TCloseness(@JsonProperty("t") Double t, @JsonProperty("distance") String distance) {
        public TCloseness {
            if (t == null || !(t >= 0 && t <= 1)) throw new IllegalArgumentException("protect.privacy.t.t must be between 0 and 1");
            if (distance == null) distance = "equal";
            if (!distance.equals("equal") && !distance.equals("ordered")) {
                throw new IllegalArgumentException("protect.privacy.t.distance must be equal or ordered");
            }
        }
    }
}
