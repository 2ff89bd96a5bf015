package io.warden.protect.job;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
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
    public record Result(TableOverrides overrides, Map<String, Object> report) {
        /** Shape only. */
        @Override
        public String toString() {
            return "TablePass.Result[" + overrides + "]";
        }
    }

    /** Reads the columns the policy's table-wide rules need and decides their values. */
    public Result compute(DataSource input, ReadOptions ro, Policy policy) {
        Protect p = policy.protect();
        Set<String> shuffled = new LinkedHashSet<>();
        boolean hasShuffle = p.columns().stream().anyMatch(r -> r.spec().operator().equals("shuffle"));
        if (!hasShuffle && p.privacy() == null) return new Result(TableOverrides.NONE, null);
        Map<String, List<String>> columns = new HashMap<>();
        try (RecordReader reader = input.open(ro)) {
            Record r;
            while ((r = reader.next()) != null) {
                for (int i = 0; i < r.size(); i++) {
                    String field = r.names().get(i);
                    Protect.ColumnRule rule = p.columnRule(field);
                    boolean shuffle = rule != null && rule.spec().operator().equals("shuffle");
                    boolean wanted = shuffle || p.privacy() != null && (p.privacy().quasiIdentifiers().containsKey(field)
                            || field.equals(p.privacy().sensitive()));
                    if (!wanted) continue;
                    if (shuffle) shuffled.add(field);
                    List<String> col = columns.computeIfAbsent(field, k -> new ArrayList<>());
                    if (col.size() > r.index()) {
                        // e.g. JSON {"a.b": 1, "a": {"b": 2}}: two values for one field would shift every later record
                        throw new WardenException(ErrorCode.MALFORMED_INPUT, "record " + r.index() + " has field '"
                                + field + "' twice; it cannot be shuffled or generalized as a column");
                    }
                    while (col.size() < r.index()) col.add(null);
                    col.add(r.values().get(i));
                }
            }
        }
        Map<String, List<String>> replaced = new HashMap<>();
        for (String field : shuffled) replaced.put(field, shuffle(columns.get(field)));
        Map<String, Object> report = null;
        if (p.privacy() != null) {
            PrivacyStep.Applied applied = PrivacyStep.apply(p.privacy(), columns, input.name());
            replaced.putAll(applied.columns());
            report = applied.report();
        }
        return new Result(new ColumnOverrides(replaced), report);
    }

    /** The column permuted among the records that have a value; records without one keep none. */
    private List<String> shuffle(List<String> col) {
        List<Integer> present = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < col.size(); i++) {
            if (col.get(i) != null) {
                present.add(i);
                values.add(col.get(i));
            }
        }
        Collections.shuffle(values, random);
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(col.size(), (String) null));
        for (int i = 0; i < present.size(); i++) out.set(present.get(i), values.get(i));
        return out;
    }

    private record ColumnOverrides(Map<String, List<String>> columns) implements TableOverrides {
        /** Shape only: the columns hold data. */
        @Override
        public String toString() {
            return "ColumnOverrides" + columns.keySet();
        }

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
