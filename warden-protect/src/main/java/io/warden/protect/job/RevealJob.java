package io.warden.protect.job;

import static java.util.Objects.requireNonNull;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.InputFormat;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.policy.Protect;
import io.warden.crypto.Keyring;
import io.warden.protect.operator.Fpe;
import io.warden.protect.operator.OperatorFactory;
import io.warden.protect.reveal.Revealer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code warden reveal}: the way back from {@code tokenize} and {@code fpe}, for a holder of the key.
 * Every token anywhere in the data is decrypted, and the columns the policy protected with {@code fpe} are
 * decrypted whole. All or nothing: if one value does not open with this keyring, nothing is written.
 */
public final class RevealJob {
    private final Policy policy;
    private final Revealer tokens;
    private final Map<Protect.ColumnRule, Fpe> fpe = new IdentityHashMap<>();

    /**
     * @param policy the policy the data was protected with (for its {@code fpe} column rules)
     * @param keyring the keyring it was protected with, or a rotation of it
     */
    public RevealJob(Policy policy, Keyring keyring) {
        this.policy = requireNonNull(policy, "policy");
        this.tokens = Revealer.tokensOnly(keyring);
        for (Protect.ColumnRule r : policy.protect().columns()) {
            if (r.spec().operator().equals(Fpe.NAME)) fpe.put(r, OperatorFactory.fpe(r.spec(), keyring));
        }
    }

    /** Reveals {@code input} into {@code output} (same format); returns the number of records written. */
    public long run(Path input, ReadOptions readOptions, Path output, int threads) {
        InputFormat format = readOptions.format() != null ? readOptions.format() : Readers.detect(input);
        if (format == InputFormat.PARQUET) {
            throw new WardenException(ErrorCode.BAD_USAGE, "warden reveal reads CSV, JSONL and text; not Parquet");
        }
        ReadOptions ro = readOptions.withFormat(format);
        char delimiter = ro.delimiter() != null ? ro.delimiter() : ',';
        try (AtomicFile.Pending out = AtomicFile.open(output)) {
            Rewriter.Counts counts = Rewriter.rewrite(DataSource.file(input), ro, format, delimiter, threads, r -> {
                List<String> values = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    String field = r.names().get(i);
                    String v = r.values().get(i);
                    try {
                        values.add(v == null || v.isEmpty() ? v : reveal(field, v));
                    } catch (WardenException e) {
                        throw new WardenException(e.code(), "record " + r.index() + ": " + e.getMessage());
                    }
                }
                return values;
            }, out.out());
            out.commit();
            return counts.written();
        } catch (UncheckedIOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + output + ": " + e.getCause().getMessage());
        }
    }

    private String reveal(String field, String value) {
        Protect.ColumnRule rule = policy.protect().columnRule(field);
        Fpe f = rule == null ? null : fpe.get(rule);
        return f != null ? f.reveal(value, field) : tokens.reveal(field, value);
    }
}
