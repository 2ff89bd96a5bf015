package io.warden.protect.privacy;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generalization hierarchy for one quasi-identifier: for every original value (a leaf, level 0) the value it
 * becomes at each higher level, the last level being the most general (usually {@code *}).
 *
 * <p>Immutable and validated when built: at least one row, every row as long as the first, no leaf twice, and the
 * levels form a tree (a value at level {@code i} always generalizes to the same value at level {@code i + 1}).
 * Messages name the row (or file and line) at fault, never the values, since leaves are quasi-identifier values.
 *
 * <p>Internally each level's values are numbered (codes) so that a lattice node can be evaluated on integers.
 */
public final class Hierarchy {
    private final int leaves;
    private final int levels;
    private final Map<String, Integer> leafIndex;
    private final int[][] codeOfLeaf;   // [level][leaf] -> code of the leaf's value at that level
    private final String[][] valueOfCode; // [level][code] -> value
    private final int[][] leavesUnder;  // [level][code] -> number of leaves that generalize to it

    private Hierarchy(List<List<String>> rows, String source, int[] lines) {
        if (rows.isEmpty()) throw invalid(source + ": the hierarchy is empty");
        this.leaves = rows.size();
        this.levels = rows.get(0).size();
        if (levels == 0) throw invalid(where(source, lines, 0) + ": the row is empty");
        this.leafIndex = new HashMap<>(leaves * 2);
        this.codeOfLeaf = new int[levels][leaves];
        this.valueOfCode = new String[levels][];
        this.leavesUnder = new int[levels][];
        List<Map<String, Integer>> codes = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        List<List<Integer>> parentOf = new ArrayList<>(); // [level][code] -> code at level + 1
        List<List<Integer>> firstRow = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            codes.add(new HashMap<>());
            values.add(new ArrayList<>());
            parentOf.add(new ArrayList<>());
            firstRow.add(new ArrayList<>());
        }
        for (int row = 0; row < leaves; row++) {
            List<String> cells = requireNonNull(rows.get(row), "row");
            if (cells.size() != levels) {
                throw invalid(where(source, lines, row) + ": " + cells.size() + " values where the first row has "
                        + levels + " (one per level)");
            }
            Integer earlier = leafIndex.putIfAbsent(requireNonNull(cells.get(0), "value"), row);
            if (earlier != null) {
                throw invalid(where(source, lines, row) + ": the same original value as " + where(lines, earlier));
            }
            int previous = -1;
            for (int level = 0; level < levels; level++) {
                String value = requireNonNull(cells.get(level), "value");
                Map<String, Integer> levelCodes = codes.get(level);
                Integer code = levelCodes.get(value);
                if (code == null) {
                    code = levelCodes.size();
                    levelCodes.put(value, code);
                    values.get(level).add(value);
                    parentOf.get(level).add(-1);
                    firstRow.get(level).add(row);
                }
                codeOfLeaf[level][row] = code;
                if (level > 0) {
                    List<Integer> parents = parentOf.get(level - 1);
                    int known = parents.get(previous);
                    if (known == -1) {
                        parents.set(previous, code);
                    } else if (known != code) {
                        throw invalid(where(source, lines, row) + ": a level-" + (level - 1) + " value generalizes to "
                                + "another level-" + level + " value than on " + where(lines, firstRow.get(level - 1)
                                .get(previous)) + " (the levels must form a tree)");
                    }
                }
                previous = code;
            }
        }
        for (int level = 0; level < levels; level++) {
            valueOfCode[level] = values.get(level).toArray(String[]::new);
            leavesUnder[level] = new int[valueOfCode[level].length];
            for (int leaf = 0; leaf < leaves; leaf++) leavesUnder[level][codeOfLeaf[level][leaf]]++;
        }
    }

    /**
     * A hierarchy from its rows, each listing an original value and then its generalizations, most general last.
     *
     * @throws WardenException {@link ErrorCode#MALFORMED_INPUT} naming the first row at fault
     */
    public static Hierarchy of(List<List<String>> rows) {
        return new Hierarchy(List.copyOf(requireNonNull(rows, "rows")), "hierarchy", null);
    }

    /** Reads a hierarchy in ARX's CSV format ({@code ;}-separated, UTF-8); errors name the file and line. */
    public static Hierarchy read(Path file) {
        return HierarchyCsv.read(file);
    }

    /** Parses a hierarchy in ARX's CSV format from {@code reader}; {@code source} names it in error messages. */
    public static Hierarchy parse(Reader reader, String source) {
        return HierarchyCsv.parse(reader, source);
    }

    static Hierarchy fromCsv(List<List<String>> rows, String source, int[] lines) {
        return new Hierarchy(rows, source, lines);
    }

    /** The number of levels, level 0 (the original values) included; the lattice has this many steps for it. */
    public int levels() {
        return levels;
    }

    /** The number of original values (leaves). */
    public int leaves() {
        return leaves;
    }

    /** Whether {@code value} is one of the original values. */
    public boolean contains(String value) {
        return leafIndex.containsKey(value);
    }

    /** The value {@code original} becomes at {@code level}. */
    public String generalize(String original, int level) {
        Integer leaf = leafIndex.get(original);
        if (leaf == null) throw new IllegalArgumentException("not a value of this hierarchy");
        return valueOfCode[checkLevel(level)][codeOfLeaf[level][leaf]];
    }

    /**
     * Checks that every value of a column has a row in this hierarchy.
     *
     * @throws WardenException {@link ErrorCode#INVALID_POLICY} naming the column and how many distinct values (and
     *     records) are missing — not the values themselves, which are quasi-identifiers
     */
    public void checkCovers(String column, Iterable<String> values) {
        Map<String, Integer> missing = new HashMap<>();
        long records = 0;
        for (String value : values) {
            if (!leafIndex.containsKey(value)) {
                missing.merge(value, 1, Integer::sum);
                records++;
            }
        }
        if (!missing.isEmpty()) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "quasi-identifier '" + column + "': "
                    + missing.size() + " distinct value" + (missing.size() == 1 ? "" : "s") + " in " + records
                    + " record" + (records == 1 ? "" : "s") + " missing from its hierarchy");
        }
    }

    int leafIndex(String value) {
        Integer leaf = leafIndex.get(value);
        return leaf == null ? -1 : leaf;
    }

    /** The code of {@code leaf}'s value at each level: {@code [level][leaf]}. Shared, do not modify. */
    int[][] codes() {
        return codeOfLeaf;
    }

    /** How many values level {@code level} has. */
    int size(int level) {
        return valueOfCode[checkLevel(level)].length;
    }

    /** The value with code {@code code} at {@code level}. */
    String value(int level, int code) {
        return valueOfCode[level][code];
    }

    /** How many original values generalize to the value with code {@code code} at {@code level}. */
    int leavesUnder(int level, int code) {
        return leavesUnder[level][code];
    }

    private int checkLevel(int level) {
        if (level < 0 || level >= levels) {
            throw new IllegalArgumentException("level " + level + " outside 0.." + (levels - 1));
        }
        return level;
    }

    private static String where(String source, int[] lines, int row) {
        return lines == null ? source + " row " + (row + 1) : source + ":" + lines[row];
    }

    private static String where(int[] lines, int row) {
        return lines == null ? "row " + (row + 1) : "line " + lines[row];
    }

    private static WardenException invalid(String message) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, message);
    }
}
