package io.warden.protect.dp;

import static java.util.Objects.requireNonNull;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A dataset's privacy budget: a JSON file with the total {@code (epsilon, delta)} and an append-only list of what
 * each release spent, which refuses any spend that would take the sum past the total.
 *
 * <p>Accounting is basic sequential composition: the spent epsilon is the sum of the spends' epsilons, the spent
 * delta the sum of their deltas (exact decimal sums, see {@link PrivacyCost}). Every spend re-reads the file, checks,
 * appends and rewrites it atomically ({@link AtomicFile}: temporary file, fsync, rename) while holding an exclusive
 * lock on {@code <file>.lock} and a lock within this JVM, so two threads or two processes can never both spend the
 * last of a budget. The lock file is left in place; it holds nothing.
 *
 * <p>A missing ledger is {@link ErrorCode#INPUT_NOT_FOUND}; an empty, truncated or otherwise unreadable one is
 * {@link ErrorCode#MALFORMED_INPUT} and is never rewritten; an overspend is {@link ErrorCode#BUDGET_EXHAUSTED}.
 */
public final class BudgetLedger {
    private static final long MAX_BYTES = 64L << 20;
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final String dataset;

    private BudgetLedger(Path file, String dataset) {
        this.file = file;
        this.dataset = dataset;
    }

    /**
     * Opens the existing ledger of {@code dataset} at {@code file}.
     *
     * @throws WardenException INPUT_NOT_FOUND if there is no such file, MALFORMED_INPUT if it is unreadable,
     *     BAD_USAGE if it is the ledger of another dataset
     */
    public static BudgetLedger open(Path file, String dataset) {
        BudgetLedger ledger = new BudgetLedger(requireNonNull(file, "file"), checkDataset(dataset));
        ledger.read();
        return ledger;
    }

    /**
     * Opens the ledger of {@code dataset} at {@code file}, creating it with {@code total} and no spends if there is
     * none; an existing ledger must have exactly this total (a budget is never raised by opening it).
     *
     * @throws WardenException BAD_USAGE if the existing ledger is another dataset's or has another total,
     *     MALFORMED_INPUT if it is unreadable, OUTPUT_FAILED if it cannot be written
     */
    public static BudgetLedger openOrCreate(Path file, String dataset, PrivacyCost total) {
        requireNonNull(total, "total");
        BudgetLedger ledger = new BudgetLedger(requireNonNull(file, "file"), checkDataset(dataset));
        ledger.locked(() -> {
            if (Files.exists(file)) {
                Snapshot s = ledger.readUnlocked();
                if (!s.total().exactEpsilon().equals(total.exactEpsilon())
                        || !s.total().exactDelta().equals(total.exactDelta())) {
                    throw new WardenException(ErrorCode.BAD_USAGE, "budget ledger " + file + " has total epsilon "
                            + s.total().epsilon() + ", delta " + s.total().delta() + ", not epsilon "
                            + total.epsilon() + ", delta " + total.delta() + "; a budget cannot be changed in place");
                }
            } else {
                AtomicFile.write(file, LedgerJson.write(new Snapshot(dataset, total, List.of())));
            }
            return null;
        });
        return ledger;
    }

    public Path file() {
        return file;
    }

    public String dataset() {
        return dataset;
    }

    /** The ledger as it is on disk now (no lock needed: the file is only ever replaced whole). */
    public Snapshot read() {
        return readUnlocked();
    }

    /**
     * Records that {@code query} spends {@code cost}, unless that would take the spent epsilon or delta past the
     * total; call it before drawing any noise for the release.
     *
     * @param query what is released, for the audit trail (e.g. {@code "mean(age)"}); never data values
     * @return the spend as recorded
     * @throws WardenException BUDGET_EXHAUSTED (nothing recorded) if the budget left is too small
     */
    public Spend spend(String query, PrivacyCost cost) {
        requireNonNull(query, "query");
        requireNonNull(cost, "cost");
        return locked(() -> {
            Snapshot s = readUnlocked();
            BigDecimal eps = s.spentEpsilon().add(cost.exactEpsilon());
            BigDecimal delta = s.spentDelta().add(cost.exactDelta());
            if (eps.compareTo(s.total().exactEpsilon()) > 0 || delta.compareTo(s.total().exactDelta()) > 0) {
                throw new WardenException(ErrorCode.BUDGET_EXHAUSTED, "privacy budget of dataset '"
                        + Printable.oneLine(dataset) + "' exhausted: '" + Printable.oneLine(query) + "' asks epsilon "
                        + plain(cost.exactEpsilon()) + ", delta " + plain(cost.exactDelta()) + " but only epsilon "
                        + plain(s.remainingEpsilon()) + ", delta " + plain(s.remainingDelta()) + " remain");
            }
            Spend spend = new Spend(query, cost.epsilon(), cost.delta(), Instant.now());
            List<Spend> spends = new ArrayList<>(s.spends());
            spends.add(spend);
            AtomicFile.write(file, LedgerJson.write(new Snapshot(s.dataset(), s.total(), spends)));
            return spend;
        });
    }

    private Snapshot readUnlocked() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw LedgerJson.corrupt(file, "larger than 64 MiB");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "budget ledger not found: " + file);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND,
                    "cannot read budget ledger " + file + ": " + e.getMessage());
        }
        Snapshot s = LedgerJson.read(bytes, file);
        if (!s.dataset().equals(dataset)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "budget ledger " + file + " belongs to dataset '"
                    + Printable.oneLine(s.dataset()) + "', not '" + Printable.oneLine(dataset) + "'");
        }
        return s;
    }

    /** Runs {@code action} holding this JVM's lock for the file, then the OS lock on {@code <file>.lock}. */
    private <T> T locked(Supplier<T> action) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        Path key;
        try {
            Path dir = lockFile.toAbsolutePath().getParent();
            key = dir.toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot lock budget ledger " + file
                    + ": its directory does not exist");
        }
        // One channel per lock file and JVM: closing any other channel on it could drop the OS lock (POSIX).
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock(); // blocks until no other process holds it; released when the channel closes
            return action.get();
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED,
                    "cannot lock budget ledger " + file + ": " + e.getMessage());
        } finally {
            jvmLock.unlock();
        }
    }

    private static String checkDataset(String dataset) {
        requireNonNull(dataset, "dataset");
        if (dataset.isBlank() || dataset.length() > 256 || !dataset.equals(Printable.oneLine(dataset))) {
            throw new IllegalArgumentException("dataset id must be 1 to 256 characters without control characters");
        }
        return dataset;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** One recorded spend: what was released, its epsilon and delta, and when. */
    public record Spend(String query, double epsilon, double delta, Instant time) {
        public Spend {
            requireNonNull(query, "query");
            requireNonNull(time, "time");
        }
    }

    /**
     * A ledger's content: its dataset, total budget and spends, oldest first.
     *
     * <p>Sums are exact decimal sums of the doubles read as in {@link PrivacyCost}.
     */
    public record Snapshot(String dataset, PrivacyCost total, List<Spend> spends) {
        public Snapshot {
            requireNonNull(dataset, "dataset");
            requireNonNull(total, "total");
            spends = List.copyOf(spends);
        }

        public BigDecimal spentEpsilon() {
            return spends.stream().map(s -> BigDecimal.valueOf(s.epsilon())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal spentDelta() {
            return spends.stream().map(s -> BigDecimal.valueOf(s.delta())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The epsilon left, which is negative only if the file was edited by hand. */
        public BigDecimal remainingEpsilon() {
            return total.exactEpsilon().subtract(spentEpsilon());
        }

        /** The delta left, which is negative only if the file was edited by hand. */
        public BigDecimal remainingDelta() {
            return total.exactDelta().subtract(spentDelta());
        }
    }
}
