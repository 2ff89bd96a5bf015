package io.warden.protect.job;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.OperatorSpec;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import io.warden.core.record.Record;
import io.warden.detect.Analyzer;
import io.warden.detect.Span;
import io.warden.protect.operator.Operator;
import io.warden.protect.operator.Suppress;
import io.warden.protect.text.SpanRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Applies a policy's {@code protect} rules to one record at a time: column rules to whole cells, entity rules to the
 * spans the analyzer finds in the other scanned fields, and the table-wide overrides decided beforehand.
 *
 * <p>Thread-safe: records may be protected in parallel. Holds no values between calls.
 */
public final class RecordProtector {
    private final Policy policy;
    private final Analyzer analyzer;
    private final List<Operator> entityOperators;
    private final Map<Protect.ColumnRule, Operator> columnOperators;
    private final TableOverrides overrides;
    private final ProtectStats stats;
    /** Most analyses of one text while rewriting it. */
    static final int ROUNDS = 3;

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /** How one field is treated: by a column rule, by entity rules on its text, or left alone. */
    private record Plan(Protect.ColumnRule rule, Operator op, boolean scanText) {}

    /**
     * @param policy the policy (its {@code protect} and {@code scan} sections)
     * @param analyzer finds spans for the entity rules
     * @param operators builds the operator of each rule
     * @param overrides table-wide decisions (shuffles, privacy model)
     * @param stats receives counts
     */
    public RecordProtector(Policy policy, Analyzer analyzer, Function<io.warden.core.policy.OperatorSpec, Operator> operators,
            TableOverrides overrides, ProtectStats stats) {
        this.policy = requireNonNull(policy, "policy");
        this.analyzer = requireNonNull(analyzer, "analyzer");
        this.overrides = requireNonNull(overrides, "overrides");
        this.stats = requireNonNull(stats, "stats");
        Protect p = policy.protect();
        this.entityOperators = p.entities().stream().map(r -> operators.apply(r.spec())).toList();
        Map<Protect.ColumnRule, Operator> cols = new java.util.IdentityHashMap<>();
        for (Protect.ColumnRule r : p.columns()) {
            if (r.spec().operator().equals("shuffle")) continue;
            Operator op = operators.apply(r.spec());
            if (op instanceof Suppress sup && sup.wholeRecord()) {
                throw new WardenException(ErrorCode.INVALID_POLICY, "protect.columns: suppress with scope record "
                        + "works on entity rules only (drop the records where an entity is found)");
            }
            cols.put(r, op);
        }
        this.columnOperators = cols;
    }

    /** The protected values of {@code r} (same fields, same order), or null when the record is dropped. */
    public List<String> protect(Record r) {
        if (overrides.dropped(r.index())) return null;
        List<String> names = r.names();
        List<String> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String field = names.get(i);
            String value = r.values().get(i);
            Plan plan = plans.computeIfAbsent(field, this::plan);
            String override = overrides.value(r.index(), field);
            if (override != null) {
                out.add(override);
                continue;
            }
            if (value == null || value.isEmpty()) {
                out.add(value);
                continue;
            }
            if (plan.op != null) {
                out.add(plan.op.apply(value, new Operator.Target(field, columnEntity(plan, value, field), subject(plan, r))));
                stats.cell(field);
            } else if (plan.scanText) {
                String rewritten = rewriteSpans(value, field);
                if (rewritten == null) {
                    stats.droppedByEntity();
                    return null;
                }
                out.add(rewritten);
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /** The fields of the records protected so far. */
    public java.util.Set<String> fieldsSeen() {
        return java.util.Set.copyOf(plans.keySet());
    }

    private Plan plan(String field) {
        Protect p = policy.protect();
        Protect.ColumnRule rule = p.columnRule(field);
        if (rule != null) return new Plan(rule, columnOperators.get(rule), false);
        boolean inPrivacy = p.privacy() != null && p.privacy().quasiIdentifiers().containsKey(field);
        return new Plan(null, null, !inPrivacy && !p.entities().isEmpty() && policy.scan().scansField(field));
    }

    /** The record's subject id for per-subject operators ({@code date-shift} with {@code subject}), or null. */
    private static String subject(Plan plan, Record r) {
        String column = plan.rule.spec().string("subject", null);
        if (column == null) return null;
        int i = r.names().indexOf(column);
        return i < 0 ? null : r.values().get(i);
    }

    /** The entity a whole cell holds, for operators that write entity-shaped output; null if none is needed. */
    private String columnEntity(Plan plan, String value, String field) {
        String forced = plan.rule.spec().string("entity", null);
        if (forced != null) return forced;
        String op = plan.rule.spec().operator();
        boolean wantsEntity = op.equals("surrogate") || op.equals("replace") && !plan.rule.spec().has("text");
        if (!wantsEntity) return null;
        Span best = null;
        for (Span s : analyzer.analyze(value, field)) {
            if (2 * s.length() >= value.length() && (best == null || s.score() > best.score())) best = s;
        }
        return best == null ? null : best.entity();
    }

    /**
     * {@code value} with its covered spans rewritten, or null when a span's rule drops the record. Rewriting changes
     * the context of the text around it, so the result is analyzed again (up to {@link #ROUNDS} times) until nothing
     * a rule covers is left: the self-check then finds in the output what this finds, and no more.
     */
    private String rewriteSpans(String value, String field) {
        String text = value;
        List<int[]> written = List.of(); // code-point ranges operators wrote in earlier rounds: their output, not data
        for (int round = 0; round < ROUNDS; round++) {
            List<SpanRewriter.Edit> edits = new ArrayList<>();
            Map<String, Operator> byEntity = new java.util.HashMap<>();
            for (Span s : analyzer.analyze(text, field)) {
                if (!policy.scan().reportsEntity(s.entity())) continue;
                int ruleIndex = ruleIndex(policy.protect(), s.entity(), field);
                if (ruleIndex < 0) continue;
                Operator op = entityOperators.get(ruleIndex);
                if (op instanceof Suppress sup && sup.wholeRecord()) return null;
                if (round > 0 && !OperatorSpec.REMOVING.contains(op.name())) continue; // realistic output: done once
                int start = text.codePointCount(0, s.start());
                int end = start + text.codePointCount(s.start(), s.end());
                if (overlaps(written, start, end)) continue;
                byEntity.putIfAbsent(s.entity(), op);
                edits.add(new SpanRewriter.Edit(start, end, s.entity()));
                stats.span(s.entity());
            }
            if (edits.isEmpty()) return text;
            SpanRewriter.Result result = SpanRewriter.rewrite(text, edits, field, byEntity::get);
            List<int[]> moved = new ArrayList<>(written.size() + result.replaced().size());
            for (int[] w : written) moved.add(new int[] {result.map(w[0]), result.map(w[1])});
            moved.addAll(result.replaced());
            written = moved;
            text = result.text();
        }
        return text;
    }

    private static boolean overlaps(List<int[]> ranges, int start, int end) {
        for (int[] r : ranges) if (start < r[1] && r[0] < end) return true;
        return false;
    }

    private static int ruleIndex(Protect p, String entity, String field) {
        List<Protect.EntityRule> rules = p.entities();
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).covers(entity, field)) return i;
        return -1;
    }
}
