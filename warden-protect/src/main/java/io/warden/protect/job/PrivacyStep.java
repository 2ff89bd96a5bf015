package io.warden.protect.job;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Protect;
import io.warden.protect.privacy.AnonymizationResult;
import io.warden.protect.privacy.Anonymizer;
import io.warden.protect.privacy.DistinctLDiversity;
import io.warden.protect.privacy.Hierarchy;
import io.warden.protect.privacy.KAnonymity;
import io.warden.protect.privacy.PrivacyConfig;
import io.warden.protect.privacy.PrivacyModel;
import io.warden.protect.privacy.QuasiIdentifier;
import io.warden.protect.privacy.RecursiveCLDiversity;
import io.warden.protect.privacy.TCloseness;
import io.warden.protect.privacy.Table;
import io.warden.protect.privacy.UtilityMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the policy's privacy model over the quasi-identifier columns a {@link TablePass} collected. */
final class PrivacyStep {
    private PrivacyStep() {}

    /** The generalized quasi-identifier columns and the figures for the manifest. */
    record Applied(Map<String, List<String>> columns, Map<String, Object> report) {
        /** Shape only: the columns hold quasi-identifier values. */
        @Override
        public String toString() {
            return "Applied" + columns.keySet();
        }
    }

    static Applied apply(Protect.Privacy privacy, Map<String, List<String>> columns, String input) {
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>(privacy.quasiIdentifiers().keySet());
        if (privacy.sensitive() != null) names.add(privacy.sensitive());
        int n = 0;
        for (String c : names) {
            List<String> col = columns.get(c);
            if (col == null) {
                throw new WardenException(ErrorCode.BAD_USAGE, "protect.privacy: column '" + c + "' is not in " + input);
            }
            n = Math.max(n, col.size());
        }
        List<String[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String[] row = new String[names.size()];
            for (int c = 0; c < row.length; c++) {
                List<String> col = columns.get(names.get(c));
                String v = r < col.size() ? col.get(r) : null;
                row[c] = v == null ? "" : v;
            }
            rows.add(row);
        }
        Table table = new Table(names, rows);
        List<QuasiIdentifier> qis = new ArrayList<>();
        privacy.quasiIdentifiers().forEach((column, file) -> qis.add(new QuasiIdentifier(column, Hierarchy.read(Path.of(file)))));
        PrivacyConfig config = new PrivacyConfig(qis, models(privacy), privacy.maxSuppression(), metric(privacy.metric()));
        AnonymizationResult result = Anonymizer.search(table, config);
        List<String[]> out = result.apply(table);
        Map<String, List<String>> generalized = new HashMap<>();
        for (int c = 0; c < qis.size(); c++) {
            List<String> col = new ArrayList<>(out.size());
            for (String[] row : out) col.add(row[c]);
            generalized.put(names.get(c), col);
        }
        return new Applied(generalized, report(privacy, config, result, (System.nanoTime() - t0) / 1_000_000));
    }

    private static List<PrivacyModel> models(Protect.Privacy p) {
        List<PrivacyModel> models = new ArrayList<>();
        if (p.k() != null) models.add(new KAnonymity(p.k()));
        if (p.l() != null) {
            models.add(p.l().variant().equals("recursive")
                    ? new RecursiveCLDiversity(p.sensitive(), p.l().c(), p.l().l())
                    : new DistinctLDiversity(p.sensitive(), p.l().l()));
        }
        if (p.t() != null) {
            models.add(p.t().distance().equals("ordered")
                    ? TCloseness.orderedDistance(p.sensitive(), p.t().t())
                    : TCloseness.equalDistance(p.sensitive(), p.t().t()));
        }
        return models;
    }

    static UtilityMetric metric(String name) {
        return switch (name) {
            case "loss" -> UtilityMetric.LOSS;
            case "precision" -> UtilityMetric.PRECISION;
            case "discernibility" -> UtilityMetric.DISCERNIBILITY;
            case "aecs" -> UtilityMetric.AVERAGE_CLASS_SIZE;
            default -> throw new IllegalArgumentException("unknown metric " + name);
        };
    }

    private static Map<String, Object> report(Protect.Privacy p, PrivacyConfig config, AnonymizationResult r, long millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> qis = new LinkedHashMap<>();
        for (int d = 0; d < config.quasiIdentifiers().size(); d++) {
            QuasiIdentifier qi = config.quasiIdentifiers().get(d);
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("hierarchy", p.quasiIdentifiers().get(qi.column()));
            q.put("level", r.levels().get(d));
            q.put("max_level", qi.hierarchy().levels() - 1);
            qis.put(qi.column(), q);
        }
        m.put("quasi_identifiers", qis);
        if (p.sensitive() != null) m.put("sensitive", p.sensitive());
        List<Map<String, Object>> models = new ArrayList<>();
        for (int i = 0; i < config.models().size(); i++) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("model", describe(config.models().get(i)));
            model.put("achieved", r.achieved().get(i));
            models.add(model);
        }
        m.put("models", models);
        m.put("max_suppression", p.maxSuppression());
        m.put("suppressed_records", r.suppressedRecords());
        m.put("records", r.records());
        m.put("classes", r.classes());
        m.put("k_achieved", r.minClassSize());
        m.put("metric", p.metric());
        m.put("utility_loss", r.metricValue());
        m.put("nodes_evaluated", r.nodesEvaluated());
        m.put("lattice_size", r.latticeSize());
        m.put("millis", millis);
        return m;
    }

    private static String describe(PrivacyModel model) {
        return switch (model) {
            case KAnonymity k -> "k-anonymity k=" + k.k();
            case DistinctLDiversity l -> "distinct l-diversity l=" + l.l();
            case RecursiveCLDiversity l -> "recursive (c,l)-diversity c=" + l.c() + " l=" + l.l();
            case TCloseness t -> t.distance().name().toLowerCase(Locale.ROOT) + "-distance t-closeness t=" + t.t();
        };
    }
}
