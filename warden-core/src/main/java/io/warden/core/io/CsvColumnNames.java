package io.warden.core.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column names for CSV records: header names made unique, and {@code colN} names (1-based position) for columns
 * without a header or beyond it.
 *
 * <p>An empty header cell becomes {@code colN}; a repeated name gets a suffix {@code _2}, {@code _3}... (the first
 * free one), so {@code name,name,} gives {@code name, name_2, col3}.
 */
final class CsvColumnNames {
    private final List<String> names = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private List<String> cached = List.of();

    private CsvColumnNames() {}

    /** Names from a header row. */
    static CsvColumnNames fromHeader(List<String> header) {
        CsvColumnNames result = new CsvColumnNames();
        for (String h : header) {
            result.add(h == null || h.isEmpty() ? null : h);
        }
        return result;
    }

    /** Names {@code col1..colN} for a file without a header. */
    static CsvColumnNames generated(int count) {
        CsvColumnNames result = new CsvColumnNames();
        for (int i = 0; i < count; i++) {
            result.add(null);
        }
        return result;
    }

    /** How many columns have names so far. */
    int size() {
        return names.size();
    }

    /** The first {@code count} names, adding {@code colN} names for columns beyond the current ones. */
    List<String> first(int count) {
        if (cached.size() != count) {
            while (names.size() < count) {
                add(null);
            }
            cached = List.copyOf(names.subList(0, count));
        }
        return cached;
    }

    private void add(String wanted) {
        String base = wanted == null ? "col" + (names.size() + 1) : wanted;
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "_" + n;
        }
        names.add(name);
    }
}
