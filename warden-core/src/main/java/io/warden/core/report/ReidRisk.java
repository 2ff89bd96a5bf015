package io.warden.core.report;

import java.util.List;
import java.util.SortedMap;

/**
 * Re-identification risk of a table over its quasi-identifiers (prosecutor model).
 *
 * <p>Records sharing the same quasi-identifier values form an equivalence class; an attacker who knows a person's
 * quasi-identifiers and that they are in the data re-identifies them with probability 1 / (size of their class).
 *
 * @param quasiIdentifiers the columns used
 * @param records number of records
 * @param classes number of equivalence classes
 * @param uniqueRecords records alone in their class (class size 1)
 * @param uniqueShare uniqueRecords / records
 * @param maxRisk highest prosecutor risk: 1 / smallest class size
 * @param averageRisk average prosecutor risk over records: classes / records
 * @param recordsAtRiskShare share of records whose risk exceeds {@code riskThreshold}
 * @param riskThreshold the threshold used for {@code recordsAtRiskShare} (e.g. 0.2, i.e. classes smaller than 5)
 * @param classSizeHistogram class size → number of classes of that size
 */
public record ReidRisk(
        List<String> quasiIdentifiers,
        long records,
        long classes,
        long uniqueRecords,
        double uniqueShare,
        double maxRisk,
        double averageRisk,
        double recordsAtRiskShare,
        double riskThreshold,
        SortedMap<Long, Long> classSizeHistogram) {
    public ReidRisk {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        classSizeHistogram = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(classSizeHistogram));
    }
}
