package io.warden.protect.dp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs on small files; {@code epsilon = 1e6} makes the noise 0 (see {@link DpAggregatorTest}). */
class DpJobTest {
    @TempDir
    Path dir;

    static final String CSV = "id,age,plan\nu1,30,free\nu2,50,team\nu1,30,free\nu3,oops,free\n";

    static Policy policy(String budget) {
        return PolicyLoader.parse(("""
                dataset: people
                dp:
                  %s
                  privacy_unit: id
                  queries:
                    - {name: people, type: count, epsilon: 1000000}
                    - {name: mean_age, type: mean, column: age, bounds: [0, 100], epsilon: 1000000}
                    - {name: plans, type: histogram, column: plan, categories: [free, team, gold], epsilon: 1000000}
                """).formatted(budget).getBytes(UTF_8), "p.yaml");
    }

    private DpJob.Request request(Path in) {
        return new DpJob.Request(in, ReadOptions.defaults(), null, dir.resolve("release.json"));
    }

    private Path input() throws Exception {
        Path in = dir.resolve("people.csv");
        Files.writeString(in, CSV, UTF_8);
        return in;
    }

    @Test
    void run_releasesEveryQuery_spendsEachOnce_andWritesTheRelease() throws Exception {
        Path in = input();
        DpJob job = new DpJob(policy("budget: {epsilon: 1.0e7}"), RandomSource.insecureSeeded(7));
        DpReport report = job.run(request(in));

        assertThat(report.outcomes()).extracting(o -> (Object) o.release().value())
                .containsExactly(3L, 40.0, Map.of("free", 2L, "team", 1L, "gold", 0L)); // one record per unit
        assertThat(report.outcomes().get(1).numbers().nonNumeric()).isEqualTo(1);
        Path ledger = dir.resolve("people.csv.dp-ledger.json");
        assertThat(job.ledgerFile(request(in))).isEqualTo(ledger);
        BudgetLedger.Snapshot s = BudgetLedger.open(ledger, "people").read();
        assertThat(s.spends()).extracting(BudgetLedger.Spend::query)
                .containsExactly("people: count", "mean_age: mean(age)", "plans: histogram(plan)");
        assertThat(s.remainingEpsilon()).isEqualByComparingTo("7000000");
        assertThat(Files.readString(dir.resolve("release.json"))).contains("\"format\" : \"warden-dp-release\"");
        assertThat(report.toString()).doesNotContain("u1");
    }

    @Test
    void run_overspend_spendsNothingAndWritesNothing() throws Exception {
        Path in = input();
        DpJob job = new DpJob(policy("budget: {epsilon: 5.0e6}"), RandomSource.insecureSeeded(7));
        job.run(request(in));
        Files.delete(dir.resolve("release.json"));
        byte[] ledger = Files.readAllBytes(dir.resolve("people.csv.dp-ledger.json"));
        assertThatThrownBy(() -> job.run(request(in)))
                .hasMessageContaining("queries ask epsilon 3000000, delta 0 but only epsilon 2000000, delta 0 remain")
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED));
        assertThat(Files.readAllBytes(dir.resolve("people.csv.dp-ledger.json"))).isEqualTo(ledger);
        assertThat(dir.resolve("release.json")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void run_badInput_createsNoLedgerAndWritesNothing() throws Exception {
        Path in = dir.resolve("people.csv");
        Files.writeString(in, "id,plan\nu1,free\n", UTF_8); // no age column
        DpJob job = new DpJob(policy("budget: {epsilon: 1.0e7}"), RandomSource.insecureSeeded(7));
        assertThatThrownBy(() -> job.run(request(in))).hasMessageContaining("column 'age' is not in");
        assertThat(dir.resolve("people.csv.dp-ledger.json")).doesNotExist();
        assertThat(dir.resolve("release.json")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void run_withoutBudget_needsAnExistingLedger() throws Exception {
        Path in = input();
        DpJob job = new DpJob(policy(""), RandomSource.insecureSeeded(7));
        assertThatThrownBy(() -> job.run(request(in))).hasMessageContaining("no budget ledger at")
                .hasMessageContaining("give dp.budget");
        BudgetLedger.openOrCreate(dir.resolve("people.csv.dp-ledger.json"), "people", PrivacyCost.pure(1e7));
        assertThat(job.run(request(in)).ledgerAfter().spends()).hasSize(3);
    }

    @Test
    void run_releaseOrLedgerOnTheInputOrEachOther_isRefusedBeforeAnything() throws Exception {
        Path in = input();
        DpJob job = new DpJob(policy("budget: {epsilon: 1.0e7}"), RandomSource.insecureSeeded(7));
        Path same = dir.resolve("x.json");
        assertThatThrownBy(() -> job.run(new DpJob.Request(in, ReadOptions.defaults(), same, same)))
                .hasMessageContaining("the release and the ledger are the same file");
        assertThatThrownBy(() -> job.run(new DpJob.Request(in, ReadOptions.defaults(), in, same)))
                .hasMessageContaining("would overwrite the input");
        assertThat(Files.readString(in)).isEqualTo(CSV);
        assertThat(same).doesNotExist();
    }

    @Test
    void ledgerFile_requestOverridesPolicyWhichOverridesTheDefault() {
        Policy p = PolicyLoader.parse("dp:\n  ledger: budgets/x.json\n  queries: [{name: n, type: count, epsilon: 1}]\n"
                .getBytes(UTF_8), "p.yaml");
        DpJob job = new DpJob(p, RandomSource.insecureSeeded(1));
        Path in = Path.of("data/in.csv");
        assertThat(job.ledgerFile(new DpJob.Request(in, ReadOptions.defaults(), null, Path.of("o.json"))))
                .isEqualTo(Path.of("budgets/x.json"));
        assertThat(job.ledgerFile(new DpJob.Request(in, ReadOptions.defaults(), Path.of("l.json"), Path.of("o.json"))))
                .isEqualTo(Path.of("l.json"));
        assertThat(job.dataset(in)).isEqualTo("in.csv");
    }

    private List<String> leftovers() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }
}
