package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The few columns of a dataset that differentially private queries read — the privacy unit and the queried
 * columns — held in memory, one row per record that has a privacy unit.
 *
 * <p>The file is read once with {@link Readers} (CSV, JSONL with dotted paths for nested fields, Parquet, text);
 * other columns are never kept. A record whose privacy-unit cell is missing or blank is left out and counted: it
 * cannot be attributed to anyone, so no contribution bound could hold for it. Rows are the records kept, in input
 * order; the privacy unit of a row is an {@code Integer} id (equal ids, equal unit values), or the row itself when
 * no unit column is given (each record its own unit).
 *
 * <p>The counts this class reports (rows, records left out, values that are not numbers) are exact properties of
 * the data, not differentially private.
 */
public final class DpColumns {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final int MAX_ROWS = Integer.MAX_VALUE - 16;
    private static final int MAX_LISTED = 20;

    private final String unitColumn;
    private final int[] units;
    private final Map<String, String[]> columns;
    private final long withoutUnit;
    private final List<String> warnings;

    private DpColumns(String unitColumn, int[] units, Map<String, String[]> columns, long withoutUnit,
            List<String> warnings) {
        this.unitColumn = unitColumn;
        this.units = units;
        this.columns = columns;
        this.withoutUnit = withoutUnit;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads {@code columns} and the {@code unitColumn} of every record of {@code input}.
     *
     * @param unitColumn the privacy unit's column, or null for one unit per record
     * @param columns the columns the queries read (field names as the reader gives them: dotted paths for JSONL)
     * @throws WardenException BAD_USAGE when a column is in no record (naming it), MALFORMED_INPUT when the input has
     *     no records or no record has a privacy unit; and the readers' own errors (INPUT_NOT_FOUND, MALFORMED_INPUT,
     *     INVALID_ENCODING, RECORD_TOO_LARGE)
     */
    public static DpColumns read(Path input, ReadOptions options, String unitColumn, Set<String> columns) {
        requireNonNull(input, "input");
        requireNonNull(options, "options");
        List<String> wanted = List.copyOf(new LinkedHashSet<>(requireNonNull(columns, "columns")));
        InputFormat format = options.format() != null ? options.format() : Readers.detect(input);
        // Every CSV record has the header's names and every text record "text"; JSONL and Parquet records can
        // lack a field (an absent key, an empty list), so there a column is missing only if no record has it.
        boolean fixedSchema = format == InputFormat.CSV || format == InputFormat.TEXT;

        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) values.add(new ArrayList<>());
        Map<String, Integer> unitIds = new HashMap<>();
        int[] units = new int[1024];
        int rows = 0;
        long records = 0;
        long withoutUnit = 0;
        Set<String> unseen = new LinkedHashSet<>(wanted);
        if (unitColumn != null) unseen.add(unitColumn);
        List<String> firstNames = null;
        List<String> warnings;
        try (RecordReader reader = Readers.open(input, options)) {
            long lastIndex = -1;
            String[] row = new String[wanted.size()];
            Record r;
            while ((r = reader.next()) != null) {
                if (r.index() == lastIndex) continue; // a later piece of a long text field: the same record
                lastIndex = r.index();
                records++;
                if (firstNames == null) firstNames = r.names();
                if (!unseen.isEmpty()) {
                    r.names().forEach(unseen::remove);
                    if (fixedSchema) requireColumns(input, unitColumn, unseen, firstNames);
                }
                boolean whole = r.chunk() == null; // a split text field is incomplete: treat it as missing
                String unit = unitColumn == null ? null : whole ? field(r, unitColumn) : null;
                if (unitColumn != null && (unit == null || unit.isBlank())) {
                    withoutUnit++;
                    continue;
                }
                if (rows == MAX_ROWS) {
                    throw new WardenException(ErrorCode.BAD_USAGE, input + ": more than " + MAX_ROWS
                            + " records; warden dp holds the queried columns in memory");
                }
                Arrays.fill(row, null);
                if (whole) fields(r, wanted, row);
                for (int i = 0; i < row.length; i++) values.get(i).add(row[i]);
                if (rows == units.length) units = Arrays.copyOf(units, (int) Math.min(MAX_ROWS, 2L * rows));
                units[rows] = unitColumn == null ? rows : unitIds.computeIfAbsent(unit, u -> unitIds.size());
                rows++;
            }
            warnings = reader.warnings();
        }
        if (records == 0) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, input + " has no records: nothing to release");
        }
        requireColumns(input, unitColumn, unseen, firstNames);
        if (rows == 0) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "no record of " + input + " has a value in the"
                    + " privacy unit column '" + unitColumn + "'");
        }
        Map<String, String[]> byName = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) byName.put(wanted.get(i), values.get(i).toArray(String[]::new));
        return new DpColumns(unitColumn, Arrays.copyOf(units, rows), byName, withoutUnit, warnings);
    }

    /** The number of rows: records with a privacy unit. */
    public int size() {
        return units.length;
    }

    /** The rows {@code 0 .. size()-1}, as the record list a {@link DpAggregator} takes. */
    public List<Integer> rows() {
        return new Rows(units.length);
    }

    /** The privacy unit of {@code row}: an id shared by the rows of one unit. */
    public Integer unit(Integer row) {
        return units[row];
    }

    /** The column naming the privacy unit, or null when each record is its own unit. */
    public String unitColumn() {
        return unitColumn;
    }

    /** Records left out because their privacy-unit cell was missing or blank (an exact count). */
    public long recordsWithoutUnit() {
        return withoutUnit;
    }

    /** The value of {@code column} in {@code row}, or null when the record has none. */
    public String value(String column, int row) {
        return column(column)[row];
    }

    /** The reader's warnings (e.g. replaced invalid UTF-8, ragged CSV rows); they never contain values. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * {@code column} as numbers: each value a decimal number ({@code 42}, {@code -1.5}, {@code 2e3}, surrounding
     * blanks ignored) or NaN — which the aggregator drops — for a missing or blank cell or anything else.
     */
    public Numbers numbers(String column) {
        String[] raw = column(column);
        double[] out = new double[raw.length];
        long missing = 0;
        long nonNumeric = 0;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i] == null ? "" : raw[i].strip();
            if (s.isEmpty()) {
                missing++;
                out[i] = Double.NaN;
            } else if (NUMBER.matcher(s).matches()) {
                out[i] = Double.parseDouble(s);
            } else {
                nonNumeric++;
                out[i] = Double.NaN;
            }
        }
        return new Numbers(out, missing, nonNumeric);
    }

    /** A column read as numbers: one per row, NaN where the cell was missing or not a number. */
    public static final class Numbers {
        private final double[] values;
        private final long missing;
        private final long nonNumeric;

        private Numbers(double[] values, long missing, long nonNumeric) {
            this.values = values;
            this.missing = missing;
            this.nonNumeric = nonNumeric;
        }

        /** The number in {@code row}, or NaN. */
        public double get(int row) {
            return values[row];
        }

        /** Rows whose cell was missing or blank (an exact count). */
        public long missing() {
            return missing;
        }

        /** Rows whose cell held something other than a number (an exact count). */
        public long nonNumeric() {
            return nonNumeric;
        }

        /** Shape only. */
        @Override
        public String toString() {
            return "Numbers[" + values.length + " rows, " + missing + " missing, " + nonNumeric + " not numbers]";
        }
    }

    private String[] column(String name) {
        String[] c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("column '" + name + "' was not read");
        return c;
    }

    /** The first value of field {@code name} in {@code r}, or null. */
    private static String field(Record r, String name) {
        List<String> names = r.names();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) return r.values().get(i);
        }
        return null;
    }

    /** Fills {@code out[i]} with the first value of {@code wanted.get(i)} in {@code r} (null when absent). */
    private static void fields(Record r, List<String> wanted, String[] out) {
        List<String> names = r.names();
        for (int i = 0; i < out.length; i++) {
            String name = wanted.get(i);
            for (int j = 0; j < names.size(); j++) {
                if (names.get(j).equals(name)) {
                    out[i] = r.values().get(j);
                    break;
                }
            }
        }
    }

    /** Fails naming the first of {@code unseen} (the privacy unit first), listing the first record's fields. */
    private static void requireColumns(Path input, String unitColumn, Set<String> unseen, List<String> listed) {
        if (unseen.isEmpty()) return;
        String c = unitColumn != null && unseen.contains(unitColumn) ? unitColumn : unseen.iterator().next();
        String names = String.join(", ", listed.subList(0, Math.min(MAX_LISTED, listed.size())))
                + (listed.size() > MAX_LISTED ? ", ..." : "");
        throw new WardenException(ErrorCode.BAD_USAGE, "column '" + Printable.oneLine(c) + "' is not in " + input + " ("
                + (c.equals(unitColumn) ? "dp.privacy_unit" : "a dp query's column") + "; the first record's fields: "
                + Printable.oneLine(names) + ")");
    }

    /** The integers {@code 0 .. size-1} as a list, without boxing them all up front. */
    private static final class Rows extends AbstractList<Integer> implements RandomAccess {
        private final int size;

        Rows(int size) {
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            return index;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
