package io.warden.protect.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetLedgerTest {
    @TempDir
    Path dir;

    private BudgetLedger ledger(double epsilon, double delta) {
        return BudgetLedger.openOrCreate(dir.resolve("adult.dp-ledger.json"), "adult", new PrivacyCost(epsilon, delta));
    }

    @Test
    void spend_tenTimesPointOne_usesUpABudgetOfOneExactly_andIsRecordedInOrder() {
        BudgetLedger ledger = ledger(1.0, 0);
        for (int i = 0; i < 10; i++) ledger.spend("q" + i, PrivacyCost.pure(0.1));
        BudgetLedger.Snapshot s = BudgetLedger.open(ledger.file(), "adult").read();
        assertThat(s.spends()).extracting(BudgetLedger.Spend::query).containsExactly(
                "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");
        assertThat(s.spentEpsilon()).isEqualByComparingTo("1");
        assertThat(s.remainingEpsilon()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> ledger.spend("one more", PrivacyCost.pure(1e-9)))
                .isInstanceOf(WardenException.class);
    }

    @Test
    void spend_overBudget_isRefused_withOneLineMessage_andTheFileIsUnchanged() throws IOException {
        BudgetLedger ledger = ledger(1.0, 1e-6);
        ledger.spend("count", PrivacyCost.pure(0.75));
        byte[] before = Files.readAllBytes(ledger.file());
        assertThatThrownBy(() -> ledger.spend("mean(age)", PrivacyCost.pure(0.5)))
                .isInstanceOfSatisfying(WardenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
                    assertThat(e.code().category()).isEqualTo(ErrorCode.Category.USER);
                    assertThat(e.getMessage()).doesNotContain("\n").contains("'adult'", "'mean(age)'",
                            "asks epsilon 0.5, delta 0", "only epsilon 0.25, delta 0.000001 remain");
                });
        assertThatThrownBy(() -> ledger.spend("histogram", PrivacyCost.approximate(0.1, 2e-6)))
                .isInstanceOf(WardenException.class).hasMessageContaining("delta 0.000002");
        assertThat(Files.readAllBytes(ledger.file())).isEqualTo(before);
        assertThat(ledger.read().spends()).hasSize(1);
    }

    @Test
    void file_isPlainJson_withTheDocumentedFields() throws IOException {
        BudgetLedger ledger = ledger(2.0, 1e-6);
        ledger.spend("sum(income)", PrivacyCost.approximate(0.3, 1e-7));
        String json = Files.readString(ledger.file());
        assertThat(json).contains("\"format\" : \"warden-dp-ledger\"", "\"version\" : 1", "\"dataset\" : \"adult\"",
                "\"epsilon\" : 2,", "\"delta\" : 0.000001", "\"query\" : \"sum(income)\"", "\"epsilon\" : 0.3",
                "\"delta\" : 0.0000001", "\"time\" : \"");
    }

    @Test
    void openOrCreate_anotherTotal_orAnotherDataset_isRefused() {
        BudgetLedger ledger = ledger(1.0, 0);
        assertThat(BudgetLedger.openOrCreate(ledger.file(), "adult", PrivacyCost.pure(1.0)).read().total())
                .isEqualTo(PrivacyCost.pure(1.0));
        assertThatThrownBy(() -> BudgetLedger.openOrCreate(ledger.file(), "adult", PrivacyCost.pure(2.0)))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> BudgetLedger.open(ledger.file(), "census"))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessageContaining("belongs to dataset 'adult', not 'census'");
        assertThatThrownBy(() -> BudgetLedger.open(dir.resolve("none.json"), "adult"))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND));
        assertThatThrownBy(() -> BudgetLedger.open(ledger.file(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetLedger.open(ledger.file(), "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    static final String VALID = "{\"format\":\"warden-dp-ledger\",\"version\":1,\"dataset\":\"adult\","
            + "\"total\":{\"epsilon\":1,\"delta\":0},\"spends\":[]}";
    static final String SPEND = "{\"query\":\"q\",\"epsilon\":0.1,\"delta\":0,\"time\":\"2026-01-01T00:00:00Z\"}";

    static Stream<String> corruptLedgers() {
        return Stream.of(
                "",
                "  \n",
                VALID.substring(0, 60), // truncated
                "{}",
                "[]",
                "null",
                VALID.replace("warden-dp-ledger", "other"),
                VALID.replace("\"version\":1", "\"version\":2"),
                VALID.replace("\"epsilon\":1", "\"epsilon\":0"),
                VALID.replace("\"epsilon\":1", "\"epsilon\":1e999"),
                VALID.replace("\"spends\":[]", "\"spends\":[],\"extra\":1"),
                VALID + " {}",
                withSpend(SPEND.replace("0.1", "-1")),
                withSpend(SPEND.replace("0.1", "\"0.1\"")),
                withSpend(SPEND.replace(",\"time\":\"2026-01-01T00:00:00Z\"", "")),
                withSpend(SPEND.replace("2026-01-01T00:00:00Z", "yesterday")));
    }

    static String withSpend(String spend) {
        return VALID.replace("\"spends\":[]", "\"spends\":[" + spend + "]");
    }

    @Test
    void validLedger_usedAsTheTemplateOfTheCorruptOnes_isReadable() throws IOException {
        Path file = dir.resolve("adult.dp-ledger.json");
        Files.writeString(file, withSpend(SPEND));
        assertThat(BudgetLedger.open(file, "adult").read().spentEpsilon()).isEqualByComparingTo("0.1");
    }

    @ParameterizedTest
    @MethodSource("corruptLedgers")
    void corruptLedger_isAClearUserError_andIsNeverRewritten(String content) throws IOException {
        Path file = dir.resolve("adult.dp-ledger.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BudgetLedger.open(file, "adult"))
                .isInstanceOfSatisfying(WardenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
                    assertThat(e.code().category()).isEqualTo(ErrorCode.Category.USER);
                    assertThat(e.getMessage()).doesNotContain("\n").contains("budget ledger", "is unreadable");
                });
        assertThatThrownBy(() -> BudgetLedger.openOrCreate(file, "adult", PrivacyCost.pure(1)))
                .isInstanceOf(WardenException.class);
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void ledgerCorruptedAfterOpening_refusesTheSpend_andIsLeftAsItIs() throws IOException {
        BudgetLedger ledger = ledger(1.0, 0);
        ledger.spend("count", PrivacyCost.pure(0.1));
        String truncated = Files.readString(ledger.file()).substring(0, 80);
        Files.writeString(ledger.file(), truncated);
        assertThatThrownBy(() -> ledger.spend("sum", PrivacyCost.pure(0.1)))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        assertThat(Files.readString(ledger.file())).isEqualTo(truncated);
        assertThat(otherFiles()).isEmpty();
    }

    @Test
    void spend_fromFourThreads_neverExceedsTheTotal() throws Exception {
        BudgetLedger ledger = ledger(1.0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Callable<Integer> task = () -> {
                BudgetLedger own = BudgetLedger.open(ledger.file(), "adult"); // separate objects, same file
                int accepted = 0;
                for (int i = 0; i < 15; i++) {
                    try {
                        own.spend("thread " + thread + " #" + i, PrivacyCost.pure(0.05));
                        accepted++;
                    } catch (WardenException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
                    }
                }
                return accepted;
            };
            results.add(pool.submit(task));
        }
        int accepted = 0;
        for (Future<Integer> f : results) accepted += f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(accepted).isEqualTo(20);
        assertThat(ledger.read().spends()).hasSize(20);
        assertThat(ledger.read().spentEpsilon()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(otherFiles()).isEmpty();
    }

    @Test
    void spend_fromTwoProcesses_neverExceedsTheTotal() throws Exception {
        BudgetLedger ledger = ledger(1.0, 0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), LedgerSpender.class.getName(),
                    ledger.file().toString(), "adult", "30", "0.05", "p" + p)
                    .redirectErrorStream(true).start());
        }
        Path ready0 = dir.resolve("adult.dp-ledger.json.ready-p0");
        Path ready1 = dir.resolve("adult.dp-ledger.json.ready-p1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(ready0) && Files.exists(ready1)) && System.nanoTime() < deadline) Thread.sleep(5);
        Files.createFile(dir.resolve("adult.dp-ledger.json.go"));
        int accepted = 0;
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.exitValue()).as(out).isZero();
            accepted += Integer.parseInt(out);
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(ledger.read().spends()).hasSize(20);
        assertThat(ledger.read().spentEpsilon()).isEqualByComparingTo(BigDecimal.ONE);
        Files.delete(ready0);
        Files.delete(ready1);
        Files.delete(dir.resolve("adult.dp-ledger.json.go"));
        assertThat(otherFiles()).isEmpty();
    }

    /** Files in the directory besides the ledger and its lock file: a leftover temporary file would show here. */
    private List<Path> otherFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().matches("adult\\.dp-ledger\\.json(\\.lock)?"))
                    .toList();
        }
    }
}
