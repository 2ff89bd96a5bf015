package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** warden protect with a privacy model, on the Adult data and ARX's hierarchies from ../shared/data/adult. */
class ProtectPrivacyTest {
    private static final String ADULT = "../shared/data/adult/adult.csv";

    @TempDir
    Path dir;

    private Path policy(String k, String suppression) throws Exception {
        String text = Files.readString(Path.of("examples/adult-privacy.yaml"))
                .replace("k: 5", "k: " + k).replace("max_suppression: 0.04", "max_suppression: " + suppression);
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, text, UTF_8);
        return p;
    }

    /** Checks k-anonymity of the written file independently: every released combination occurs at least k times. */
    private static void assertKAnonymous(Path csv, int k, long suppressedExpected) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        Map<String, Integer> classes = new HashMap<>();
        long suppressed = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("*,*,*,*,*,*,*,*,*")) suppressed++;
            else classes.merge(line, 1, Integer::sum);
        }
        assertThat(classes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(k));
        assertThat(suppressed).isEqualTo(suppressedExpected);
        assertThat(lines).hasSize(30_163);
    }

    @Test
    void adultK5With4PercentSuppression_reachesArxsOptimumAndTheOutputIsFiveAnonymous() throws Exception {
        Path out = dir.resolve("adult.csv");
        CliRun r = CliRun.of("protect", ADULT, "--policy", policy("5", "0.04").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode privacy = new ObjectMapper().readTree(dir.resolve("adult.csv.manifest.json").toFile()).get("privacy");
        // ARX 3.9's optimum for Loss (docs/privacy-models.md): levels 0 3 0 1 1 1 1 2 0, 1178 records suppressed.
        int[] expected = {0, 3, 0, 1, 1, 1, 1, 2, 0};
        int i = 0;
        for (JsonNode q : privacy.get("quasi_identifiers")) assertThat(q.get("level").asInt()).isEqualTo(expected[i++]);
        assertThat(privacy.get("suppressed_records").asInt()).isEqualTo(1178);
        assertThat(privacy.get("utility_loss").asDouble()).isCloseTo(0.26611081915757495, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(privacy.get("k_achieved").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(privacy.get("nodes_evaluated").asInt()).isLessThan(privacy.get("lattice_size").asInt() / 10);
        assertKAnonymous(out, 5, 1178);
        assertThat(r.out()).contains("k-anonymity k=5").contains("levels: sex 0/1, age 3/4");
    }

    @Test
    void adultK5WithoutSuppression_reachesArxsOptimum() throws Exception {
        Path out = dir.resolve("adult.csv");
        CliRun r = CliRun.of("protect", ADULT, "--policy", policy("5", "0").toString(), "--out", out.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode privacy = new ObjectMapper().readTree(dir.resolve("adult.csv.manifest.json").toFile()).get("privacy");
        int[] expected = {0, 4, 1, 1, 3, 2, 2, 1, 0};
        int i = 0;
        for (JsonNode q : privacy.get("quasi_identifiers")) assertThat(q.get("level").asInt()).isEqualTo(expected[i++]);
        assertThat(privacy.get("utility_loss").asDouble()).isCloseTo(0.5731509655590044, org.assertj.core.data.Offset.offset(1e-12));
        assertKAnonymous(out, 5, 0);
    }

    @Test
    void kLargerThanTheData_exits2AndWritesNothing() throws Exception {
        CliRun r = CliRun.of("protect", ADULT, "--policy", policy("40000", "0").toString(), "--out",
                dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("k = 40000 is larger than the 30162 records");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void hierarchyMissingValuesOfTheData_exits2NamingTheColumnNotTheValues() throws Exception {
        Path small = dir.resolve("sex.csv");
        Files.writeString(small, "Male;*\n");
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, """
                protect:
                  privacy:
                    quasi_identifiers: {sex: %s}
                    k: 2
                """.formatted(small));
        CliRun r = CliRun.of("protect", ADULT, "--policy", p.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("quasi-identifier 'sex'").contains("missing from its hierarchy").doesNotContain("Female");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void quasiIdentifierThatIsNotAColumn_exits2() throws Exception {
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "protect:\n  privacy:\n    quasi_identifiers: {zodiac: ../shared/data/adult/adult_hierarchy_sex.csv}\n    k: 2\n");
        CliRun r = CliRun.of("protect", ADULT, "--policy", p.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("column 'zodiac' is not in");
    }
}
