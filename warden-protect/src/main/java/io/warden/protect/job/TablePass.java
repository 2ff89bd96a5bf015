package io.warden.protect.job;

import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The first pass over a table, for what needs every row before any row can be written: shuffled columns and the
 * privacy model. Only the columns involved are held in memory. When the policy needs neither, nothing is read.
 */
public class TablePass {
    private final Random random;

    /** A table pass drawing shuffles from a {@link SecureRandom}. */
    public TablePass() {
        this(new SecureRandom());
    }

    /** A table pass drawing shuffles from {@code random} (tests). */
    public TablePass(Random random) {
        this.random = random;
    }

    /**
     * What the pass decided.
     *
     * @param overrides per-record replacement values
     * @param report what the privacy model achieved (for the manifest), or null without one
     */
    public record Result(TableOverrides overrides, Map<String, Object> report) {}

    /** Reads the columns the policy's table-wide rules need and decides their values. */
    public Result compute(Path input, ReadOptions ro, Policy policy) {
        Protect p = policy.protect();
        Set<String> shuffled = new LinkedHashSet<>();
        boolean hasShuffle = p.columns().stream().anyMatch(r -> r.spec().operator().equals("shuffle"));
        if (!hasShuffle && p.privacy() == null) return new Result(TableOverrides.NONE, null);
        Map<String, List<String>> columns = new HashMap<>();
        try (RecordReader reader = Readers.open(input, ro)) {
            Record r;
            while ((r = reader.next()) != null) {
                for (int i = 0; i < r.size(); i++) {
                    String field = r.names().get(i);
                    Protect.ColumnRule rule = p.columnRule(field);
                    boolean wanted = rule != null && rule.spec().operator().equals("shuffle")
                            || p.privacy() != null && (p.privacy().quasiIdentifiers().containsKey(field)
                                    || field.equals(p.privacy().sensitive()));
                    if (!wanted) continue;
                    if (rule != null) shuffled.add(field);
                    List<String> col = columns.computeIfAbsent(field, k -> new ArrayList<>());
                    while (col.size() < r.index()) col.add(null);
                    col.add(r.values().get(i));
                }
            }
        }
        Map<String, List<String>> replaced = new HashMap<>();
        for (String field : shuffled) {
            List<String> col = new ArrayList<>(columns.get(field));
            Collections.shuffle(col, random);
            replaced.put(field, col);
        }
        Map<String, Object> report = null;
        if (p.privacy() != null) {
            PrivacyStep.Applied applied = PrivacyStep.apply(p.privacy(), columns, input);
            replaced.putAll(applied.columns());
            report = applied.report();
        }
        return new Result(new ColumnOverrides(replaced), report);
    }

    private record ColumnOverrides(Map<String, List<String>> columns) implements TableOverrides {
        @Override
        public String value(long index, String field) {
            List<String> col = columns.get(field);
            return col == null || index >= col.size() ? null : col.get((int) index);
        }

        @Override
        public boolean dropped(long index) {
            return false;
        }
    }
}
