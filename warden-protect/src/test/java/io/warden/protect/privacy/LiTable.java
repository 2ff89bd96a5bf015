package io.warden.protect.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The nine patients of Li, Li and Venkatasubramanian (2007), Table 3: ZIP code and age are quasi-identifiers, salary
 * (3 000 … 11 000, each once) and disease sensitive. Hand-made hierarchies: ZIP 47677 → 4767* → 476** → *, age 29 →
 * 20-29 → &lt;40 → *.
 */
final class LiTable {
    static final Table TABLE = new Table(List.of("zip", "age", "salary", "disease"), List.of(
            new String[] {"47677", "29", "3000", "gastric ulcer"},
            new String[] {"47602", "22", "4000", "gastritis"},
            new String[] {"47678", "27", "5000", "stomach cancer"},
            new String[] {"47905", "43", "6000", "gastritis"},
            new String[] {"47909", "52", "11000", "flu"},
            new String[] {"47906", "47", "8000", "bronchitis"},
            new String[] {"47605", "30", "7000", "bronchitis"},
            new String[] {"47673", "36", "9000", "pneumonia"},
            new String[] {"47607", "32", "10000", "stomach cancer"}));

    static final Hierarchy ZIP = hierarchy(TABLE, 0, zip -> List.of(zip, zip.substring(0, 4) + "*",
            zip.substring(0, 3) + "**", "*"));
    static final Hierarchy AGE = hierarchy(TABLE, 1, age -> {
        int a = Integer.parseInt(age);
        return List.of(age, (a / 10 * 10) + "-" + (a / 10 * 10 + 9), a < 40 ? "<40" : ">=40", "*");
    });
    static final List<QuasiIdentifier> QIS = List.of(new QuasiIdentifier("zip", ZIP), new QuasiIdentifier("age", AGE));

    private LiTable() {}

    static PrivacyConfig config(double suppression, UtilityMetric metric, PrivacyModel... models) {
        return new PrivacyConfig(QIS, List.of(models), suppression, metric);
    }

    static AnonymizationResult at(int zipLevel, int ageLevel, PrivacyModel... models) {
        return Anonymizer.evaluate(TABLE, config(1, UtilityMetric.PRECISION, models), List.of(zipLevel, ageLevel));
    }

    private static Hierarchy hierarchy(Table table, int column, java.util.function.Function<String, List<String>> f) {
        List<List<String>> rows = new ArrayList<>();
        table.rows().stream().map(r -> r[column]).distinct().forEach(v -> rows.add(f.apply(v)));
        return Hierarchy.of(rows);
    }
}
