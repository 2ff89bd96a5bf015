package io.warden.detect.scan;

import io.warden.core.report.ColumnClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts, per column, non-empty values and values holding each entity; classifies columns from the shares. */
final class ColumnStats {
    private final Map<String, Column> columns = new LinkedHashMap<>();

    private static final class Column {
        long nonEmpty;
        final Map<String, Long> withEntity = new HashMap<>();
    }

    void nonEmpty(String field) {
        columns.computeIfAbsent(field, f -> new Column()).nonEmpty++;
    }

    void entity(String field, String entity) {
        columns.computeIfAbsent(field, f -> new Column()).withEntity.merge(entity, 1L, Long::sum);
    }

    void mergeFrom(ColumnStats other) {
        other.columns.forEach((field, o) -> {
            Column c = columns.computeIfAbsent(field, f -> new Column());
            c.nonEmpty += o.nonEmpty;
            o.withEntity.forEach((e, n) -> c.withEntity.merge(e, n, Long::sum));
        });
    }

    List<ColumnClass> classify(double threshold) {
        List<ColumnClass> out = new ArrayList<>();
        columns.forEach((field, c) -> {
            Map<String, Double> shares = new HashMap<>();
            String best = null;
            double bestShare = 0;
            for (var e : c.withEntity.entrySet()) {
                double share = c.nonEmpty == 0 ? 0 : (double) e.getValue() / c.nonEmpty;
                shares.put(e.getKey(), share);
                if (share > bestShare || (share == bestShare && best != null && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    bestShare = share;
                }
            }
            boolean holds = best != null && bestShare >= threshold;
            out.add(new ColumnClass(field, holds ? best : null, holds ? bestShare : 0, c.nonEmpty, shares));
        });
        return out;
    }
}
