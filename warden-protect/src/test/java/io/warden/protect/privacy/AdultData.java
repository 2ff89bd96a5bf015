package io.warden.protect.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Adult extract and its ARX hierarchies from {@code shared/data/adult}, loaded once. */
final class AdultData {
    static final Path DIR = Path.of(System.getProperty("warden.root", "."), "..", "shared", "data", "adult");
    static final List<String> COLUMNS = List.of("sex", "age", "race", "marital-status", "education", "native-country",
            "workclass", "occupation", "salary-class");
    private static Table table;

    private AdultData() {}

    static synchronized Table table() {
        if (table == null) {
            try {
                List<String> lines = Files.readAllLines(DIR.resolve("adult.csv"));
                List<String[]> rows = new ArrayList<>(lines.size());
                for (String line : lines.subList(1, lines.size())) rows.add(line.split(";", -1));
                table = new Table(List.of(lines.get(0).split(";", -1)), rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return table;
    }

    /** Every column as a quasi-identifier, each with its ARX hierarchy, in the file's column order. */
    static List<QuasiIdentifier> quasiIdentifiers() {
        return quasiIdentifiers(COLUMNS);
    }

    static List<QuasiIdentifier> quasiIdentifiers(List<String> columns) {
        return columns.stream()
                .map(c -> new QuasiIdentifier(c, Hierarchy.read(DIR.resolve("adult_hierarchy_" + c + ".csv"))))
                .toList();
    }
}
