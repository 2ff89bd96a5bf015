package io.warden.protect.dp;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second process for {@link BudgetLedgerTest}: announces itself by creating {@code <ledger>.ready-<name>}, waits
 * for {@code <ledger>.go} so that all processes start spending together, tries {@code attempts} spends of
 * {@code epsilon} and prints how many were accepted.
 */
public final class LedgerSpender {
    private LedgerSpender() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        BudgetLedger ledger = BudgetLedger.open(file, args[1]);
        int attempts = Integer.parseInt(args[2]);
        PrivacyCost cost = PrivacyCost.pure(Double.parseDouble(args[3]));
        Files.createFile(file.resolveSibling(file.getFileName() + ".ready-" + args[4]));
        Path go = file.resolveSibling(file.getFileName() + ".go");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) Thread.sleep(1);
        int accepted = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                ledger.spend("process " + args[4] + " #" + i, cost);
                accepted++;
            } catch (WardenException e) {
                if (e.code() != ErrorCode.BUDGET_EXHAUSTED) throw e;
            }
        }
        System.out.println(accepted);
    }
}
