package io.warden.protect.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table reduced to integers for the search: each quasi-identifier value is its leaf number in the hierarchy, each
 * sensitive value a code numbered by first appearance, plus the per-level tables and totals the metrics need.
 *
 * <p>Checks the table against the configuration on the way: every named column exists and every quasi-identifier
 * value has a hierarchy row.
 */
final class EncodedTable {
    final int records;
    final int dims;
    final int sensitiveDims;
    final Hierarchy[] hierarchies;
    final int[] maxLevel;
    final int[][][] codes;          // [dim][level][leaf] -> code at that level
    final int[][] recordLeaves;     // [dim][record] -> leaf
    final int[][] recordSensitive;  // [sensitive dim][record] -> code
    final String[] sensitiveColumns;
    final String[][] sensitiveValues; // [sensitive dim][code] -> value
    final int[][] sensitiveTotals;    // [sensitive dim][code] -> records with that value
    final long[][] shareSums;       // [dim][level] -> sum over records of the leaves under the record's value
    final int[][] distinctAtLevel;  // [dim][level] -> distinct values the records have at that level
    final int distinctTuples;       // distinct combinations of quasi-identifier values
    final long[][][] packed;        // [dim][level][leaf] -> code << offset; null when all codes need over 63 bits
    final long[][] packedSensitive; // [sensitive dim][code] -> code << offset
    final long packedQuasiMask;     // the bits of the quasi-identifiers
    final Partition base;           // records grouped at the bottom node

    EncodedTable(Table table, PrivacyConfig config) {
        List<QuasiIdentifier> qis = config.quasiIdentifiers();
        this.records = table.rows().size();
        this.dims = qis.size();
        this.hierarchies = new Hierarchy[dims];
        this.maxLevel = new int[dims];
        this.codes = new int[dims][][];
        this.recordLeaves = new int[dims][records];
        this.shareSums = new long[dims][];
        this.distinctAtLevel = new int[dims][];
        for (int d = 0; d < dims; d++) {
            QuasiIdentifier qi = qis.get(d);
            int column = column(table, qi.column(), "quasi-identifier");
            Hierarchy h = qi.hierarchy();
            hierarchies[d] = h;
            maxLevel[d] = h.levels() - 1;
            codes[d] = h.codes();
            int[] frequency = new int[h.leaves()];
            boolean missing = false;
            for (int r = 0; r < records; r++) {
                int leaf = h.leafIndex(table.rows().get(r)[column]);
                recordLeaves[d][r] = leaf;
                if (leaf < 0) missing = true;
                else frequency[leaf]++;
            }
            if (missing) h.checkCovers(qi.column(), () -> table.rows().stream().map(row -> row[column]).iterator());
            shareSums[d] = new long[h.levels()];
            distinctAtLevel[d] = new int[h.levels()];
            for (int level = 0; level < h.levels(); level++) {
                boolean[] seen = new boolean[h.size(level)];
                for (int leaf = 0; leaf < frequency.length; leaf++) {
                    if (frequency[leaf] == 0) continue;
                    int code = codes[d][level][leaf];
                    shareSums[d][level] += (long) frequency[leaf] * h.leavesUnder(level, code);
                    if (!seen[code]) {
                        seen[code] = true;
                        distinctAtLevel[d][level]++;
                    }
                }
            }
        }
        List<String> sensitive = config.sensitiveColumns();
        this.sensitiveDims = sensitive.size();
        this.sensitiveColumns = sensitive.toArray(String[]::new);
        this.recordSensitive = new int[sensitiveDims][records];
        this.sensitiveValues = new String[sensitiveDims][];
        this.sensitiveTotals = new int[sensitiveDims][];
        for (int a = 0; a < sensitiveDims; a++) {
            int column = column(table, sensitive.get(a), "sensitive column");
            Map<String, Integer> dictionary = new HashMap<>();
            List<String> values = new ArrayList<>();
            for (int r = 0; r < records; r++) {
                String value = table.rows().get(r)[column];
                Integer code = dictionary.get(value);
                if (code == null) {
                    code = values.size();
                    dictionary.put(value, code);
                    values.add(value);
                }
                recordSensitive[a][r] = code;
            }
            sensitiveValues[a] = values.toArray(String[]::new);
            sensitiveTotals[a] = new int[values.size()];
            for (int r = 0; r < records; r++) sensitiveTotals[a][recordSensitive[a][r]]++;
        }
        int bits = 0;
        for (int d = 0; d < dims; d++) bits += bits(hierarchies[d].leaves());
        int quasiBits = bits;
        for (int a = 0; a < sensitiveDims; a++) bits += bits(sensitiveValues[a].length);
        if (bits <= 63) {
            this.packed = new long[dims][][];
            this.packedSensitive = new long[sensitiveDims][];
            this.packedQuasiMask = (1L << quasiBits) - 1;
            int offset = 0;
            for (int d = 0; d < dims; d++) {
                packed[d] = new long[maxLevel[d] + 1][hierarchies[d].leaves()];
                for (int level = 0; level <= maxLevel[d]; level++) {
                    for (int leaf = 0; leaf < hierarchies[d].leaves(); leaf++) {
                        packed[d][level][leaf] = (long) codes[d][level][leaf] << offset;
                    }
                }
                offset += bits(hierarchies[d].leaves());
            }
            for (int a = 0; a < sensitiveDims; a++) {
                packedSensitive[a] = new long[sensitiveValues[a].length];
                for (int code = 0; code < packedSensitive[a].length; code++) {
                    packedSensitive[a][code] = (long) code << offset;
                }
                offset += bits(sensitiveValues[a].length);
            }
        } else {
            this.packed = null;
            this.packedSensitive = null;
            this.packedQuasiMask = 0;
        }
        this.base = new Rollup(this).apply(Partition.ofRecords(this), new int[dims], null);
        this.distinctTuples = base.classes;
    }

    /** Bits for the codes 0 … values − 1. */
    private static int bits(int values) {
        return values <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(values - 1);
    }

    private static int column(Table table, String name, String role) {
        int index = table.indexOf(name);
        if (index < 0) throw PrivacyConfig.invalid(role + " '" + name + "' is not a column of the table");
        return index;
    }
}
