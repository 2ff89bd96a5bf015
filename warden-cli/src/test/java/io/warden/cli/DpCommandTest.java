package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.core.testing.ParquetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden dp} on real files. Most policies use {@code epsilon = 1e6} per query, where the noise is 0 except with
 * probability about {@code exp(-10^4)}, so released values can be checked exactly.
 */
class DpCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CSV = """
            customer,age,plan
            c1,30,free
            c2,50,team
            c1,30,free
            c3,70,team
            c4,forty,free
            """;
    static final String POLICY = """
            dataset: shop
            dp:
              budget: {epsilon: 5.0e6, delta: 1.0e-6}
              privacy_unit: customer
              queries:
                - {name: customers, type: count, epsilon: 1.0e6}
                - {name: mean_age, type: mean, column: age, bounds: [0, 100], epsilon: 1.0e6}
                - {name: age_median, type: quantiles, column: age, bounds: [0, 100], granularity: 10, ranks: [0.5], epsilon: 1.0e6}
                - {name: plans, type: histogram, column: plan, categories: [free, team, gold], epsilon: 1.0e6, delta: 1.0e-9}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, UTF_8);
        return p;
    }

    private CliRun dp(Path in, Path policy, String... more) {
        List<String> args = new ArrayList<>(List.of("dp", in.toString(), "--policy", policy.toString(),
                "--out", dir.resolve("release.json").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Exit 2 with one line on stderr, and neither a release nor a ledger left behind. */
    private void assertRefusedCleanly(CliRun r, String expected) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("warden: ").contains(expected);
        assertThat(dir.resolve("release.json")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".dp-ledger.json") || n.endsWith(".tmp"));
        }
    }

    @Test
    void dp_smallCsv_writesTheReleaseWithItsShape_andTheLedgerRecordsEachSpend() throws Exception {
        Path in = write("shop.csv", CSV);
        CliRun r = dp(in, write("p.yaml", POLICY));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("warden dp: 4 queries released from " + in + " (dataset shop)")
                .containsPattern("mean_age +mean +age +1000000 +0 +laplace +50")
                .contains("plans").contains("free: 2, team: 2, gold: 0")
                .contains("left out (exact counts, not private): mean_age: 1 non-numeric, 0 missing")
                .contains("remaining epsilon 1000000 of 5000000");

        JsonNode rel = JSON.readTree(dir.resolve("release.json").toFile());
        assertThat(rel.get("format").asText()).isEqualTo("warden-dp-release");
        assertThat(rel.get("dataset").asText()).isEqualTo("shop");
        assertThat(rel.at("/input/path").asText()).isEqualTo(in.toString());
        assertThat(rel.at("/input/sha256").asText()).hasSize(64);
        assertThat(rel.get("privacy_unit").asText()).isEqualTo("customer");
        JsonNode q = rel.get("queries");
        assertThat(q).hasSize(4);
        assertThat(q.get(0).get("value").asLong()).isEqualTo(4); // c1 counted once
        JsonNode mean = q.get(1);
        assertThat(mean.get("value").asDouble()).isEqualTo(50.0); // (30 + 50 + 70) / 3; 'forty' left out
        assertThat(mean.get("mechanism").asText()).isEqualTo("discrete-laplace");
        assertThat(mean.get("epsilon").asDouble()).isEqualTo(1e6);
        assertThat(mean.get("delta").asDouble()).isZero();
        assertThat(mean.at("/contribution_bounds/max_contributions").asInt()).isEqualTo(1);
        assertThat(mean.at("/contribution_bounds/upper").asInt()).isEqualTo(100);
        assertThat(mean.at("/parts/0/name").asText()).isEqualTo("centered-sum");
        assertThat(mean.at("/parts/0/sensitivity").asLong()).isEqualTo(100);
        assertThat(mean.at("/parts/0/noise/distribution").asText()).isEqualTo("discrete-laplace");
        assertThat(mean.at("/parts/0/noise/b").asText()).isEqualTo("1/5000"); // 100 * 2 parts / 1e6
        assertThat(mean.at("/parts/1/name").asText()).isEqualTo("count");
        assertThat(q.get(2).at("/value/0/rank").asDouble()).isEqualTo(0.5);
        assertThat(q.get(2).at("/value/0/value").asDouble()).isEqualTo(50.0);
        assertThat(q.get(2).at("/parts/0/draws").asInt()).isEqualTo(11);
        JsonNode plans = q.get(3);
        assertThat(plans.get("value").toString()).isEqualTo("{\"free\":2,\"team\":2,\"gold\":0}");
        assertThat(plans.get("mechanism").asText()).isEqualTo("discrete-gaussian");
        assertThat(plans.at("/parts/0/noise/sigma_squared").asText()).isNotEmpty();
        assertThat(rel.at("/ledger/path").asText()).isEqualTo(in + ".dp-ledger.json");
        assertThat(rel.at("/ledger/spent/epsilon").asLong()).isEqualTo(4_000_000);
        assertThat(rel.at("/ledger/remaining/epsilon").asLong()).isEqualTo(1_000_000);
        assertThat(rel.at("/ledger/spent/delta").decimalValue()).isEqualByComparingTo("1e-9");
        assertThat(rel.at("/not_differentially_private/values_left_out/mean_age/non_numeric").asLong()).isEqualTo(1);
        assertThat(rel.toString()).doesNotContain("forty").doesNotContain("c1");

        JsonNode ledger = JSON.readTree(dir.resolve("shop.csv.dp-ledger.json").toFile());
        assertThat(ledger.get("dataset").asText()).isEqualTo("shop");
        assertThat(ledger.at("/total/epsilon").asLong()).isEqualTo(5_000_000);
        assertThat(ledger.get("spends").findValuesAsText("query")).containsExactly("customers: count",
                "mean_age: mean(age)", "age_median: quantiles(age)", "plans: histogram(plan)");
    }

    @Test
    void dp_overspend_exits2AndWritesNothing() throws Exception {
        Path in = write("shop.csv", CSV);
        Path policy = write("p.yaml", POLICY);
        Path ledger = dir.resolve("budget.json");
        assertThat(dp(in, policy, "--ledger", ledger.toString()).exit()).isZero();
        Files.delete(dir.resolve("release.json"));
        byte[] before = Files.readAllBytes(ledger);

        CliRun r = dp(in, policy, "--ledger", ledger.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().isEqualTo("warden: privacy budget of dataset 'shop'"
                + " exhausted: the policy's 4 queries ask epsilon 4000000, delta 0.000000001 but only epsilon 1000000,"
                + " delta 0.000000999 remain; nothing was spent");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("release.json")).doesNotExist();
        assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
    }

    @Test
    void dp_policyWithAnotherTotalThanTheLedger_exits2() throws Exception {
        Path in = write("shop.csv", CSV);
        assertThat(dp(in, write("p.yaml", POLICY)).exit()).isZero();
        CliRun r = dp(in, write("p2.yaml", POLICY.replace("5.0e6", "6.0e6")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a budget cannot be changed in place");
    }

    @Test
    void dp_missingColumn_exits2NamingIt() throws Exception {
        Path in = write("shop.csv", CSV.replace("age", "years"));
        assertRefusedCleanly(dp(in, write("p.yaml", POLICY)), "column 'age' is not in " + in);
    }

    @Test
    void dp_emptyInput_exits2() throws Exception {
        assertRefusedCleanly(dp(write("shop.csv", ""), write("p.yaml", POLICY)), "has no records");
        assertRefusedCleanly(dp(write("shop.csv", "customer,age,plan\n"), write("p.yaml", POLICY)),
                "has no records");
    }

    @Test
    void dp_malformedCsv_exits2() throws Exception {
        assertRefusedCleanly(dp(write("shop.csv", "customer,age,plan\n\"c1,30,free\nc2,3,x\n"), write("p.yaml", POLICY)),
                "unbalanced quote");
    }

    @Test
    void dp_binaryInput_exits2() throws Exception {
        Path in = dir.resolve("shop.csv");
        Files.write(in, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 'a', ',', 'b', '\n'});
        assertRefusedCleanly(dp(in, write("p.yaml", POLICY)), "");
    }

    @Test
    void dp_noDpSection_exits2() throws Exception {
        assertRefusedCleanly(dp(write("shop.csv", CSV), write("p.yaml", "dataset: shop\n")),
                "the policy has no dp queries: nothing to release");
    }

    @Test
    void dp_invalidDpSection_exits2WithLineAndColumn() throws Exception {
        Path policy = write("p.yaml", "dp:\n  queries:\n    - {name: m, type: mean, column: age, epsilon: 1}\n");
        CliRun r = dp(write("shop.csv", CSV), policy);
        assertRefusedCleanly(r, "query 'm': mean needs bounds");
        assertThat(r.err()).matches("warden: .*p\\.yaml:3:\\d+: .*\\s*");
    }

    @Test
    void dp_noBudgetAndNoLedger_exits2() throws Exception {
        assertRefusedCleanly(dp(write("shop.csv", CSV), write("p.yaml", POLICY.replace("  budget: {epsilon: 5.0e6, delta: 1.0e-6}\n",
                ""))), "give dp.budget in the policy to create one");
    }

    @Test
    void dp_releaseOverTheInputOrMissingDirectory_exits2() throws Exception {
        Path in = write("shop.csv", CSV);
        CliRun r = CliRun.of("dp", in.toString(), "--policy", write("p.yaml", POLICY).toString(), "--out", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("would overwrite the input");
        assertThat(Files.readString(in)).isEqualTo(CSV);
        CliRun r2 = dp(in, dir.resolve("p.yaml"), "--ledger", dir.resolve("no/such/dir/l.json").toString());
        assertThat(r2.exit()).isEqualTo(2);
        assertThat(r2.err()).contains("directory does not exist");
    }

    @Test
    void dp_jsonlWithNestedColumns_works() throws Exception {
        Path in = write("shop.jsonl", """
                {"customer": {"id": "c1", "age": 30}, "plan": "free"}
                {"customer": {"id": "c2", "age": 50}, "plan": "team"}
                {"customer": {"id": "c1", "age": 30}, "plan": "free"}
                """);
        Path policy = write("p.yaml", """
                dp:
                  budget: {epsilon: 1.0e7}
                  privacy_unit: customer.id
                  queries:
                    - {name: n, type: count, epsilon: 1.0e6}
                    - {name: total_age, type: sum, column: customer.age, bounds: [0, 100], epsilon: 1.0e6}
                """);
        CliRun r = dp(in, policy, "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode q = JSON.readTree(dir.resolve("release.json").toFile()).get("queries");
        assertThat(q.get(0).get("value").asLong()).isEqualTo(2);
        assertThat(q.get(1).get("value").asDouble()).isEqualTo(80.0);
        assertThat(q.get(1).get("column").asText()).isEqualTo("customer.age");
        assertThat(dir.resolve("shop.jsonl.dp-ledger.json")).exists(); // dataset id: the file name
    }

    @Test
    void dp_parquetInput_works() throws Exception {
        Path in = ParquetFiles.write(dir.resolve("shop.parquet"),
                "SELECT * FROM (VALUES ('c1', 30), ('c2', 50), ('c3', 70)) t(customer, age)");
        Path policy = write("p.yaml", """
                dp:
                  budget: {epsilon: 1.0e7}
                  queries:
                    - {name: mean_age, type: mean, column: age, bounds: [0, 100], epsilon: 1.0e6}
                """);
        CliRun r = dp(in, policy);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("release.json").toFile()).at("/queries/0/value").asDouble())
                .isEqualTo(50.0);
    }

    @Test
    void dp_example_runsAsTheDocsSay() throws Exception {
        CliRun r = CliRun.of("dp", "examples/customers.csv", "--policy", "examples/dp-policy.yaml",
                "--out", dir.resolve("release.json").toString(), "--ledger", dir.resolve("l.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 queries released").contains("remaining epsilon 7.5 of 10");
    }
}
