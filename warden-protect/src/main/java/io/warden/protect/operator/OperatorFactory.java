package io.warden.protect.operator;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.OperatorSpec;
import io.warden.crypto.Keyring;
import io.warden.protect.privacy.Hierarchy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds operators from the policy's {@link OperatorSpec}s: the one place where a name in the policy becomes an
 * operator (explicit registration, no classpath scanning).
 *
 * <p>Parameter names and types were checked when the policy was read; this checks their values and reports a bad
 * one as an invalid policy naming the operator.
 */
public final class OperatorFactory implements Function<OperatorSpec, Operator> {
    private final Path baseDir;
    private final Supplier<Keyring> keyring;

    /**
     * @param baseDir directory that relative file parameters (hierarchies) are resolved against
     * @param keyring gives the keyring when a keyed operator is built (so a policy without one needs none); it
     *     throws {@code WardenException(BAD_KEY)} when there is none
     */
    public OperatorFactory(Path baseDir, Supplier<Keyring> keyring) {
        this.baseDir = requireNonNull(baseDir, "baseDir");
        this.keyring = requireNonNull(keyring, "keyring");
    }

    /** A factory for policies without keyed operators: building one fails with BAD_KEY. */
    public static OperatorFactory unkeyed(Path baseDir) {
        return new OperatorFactory(baseDir, () -> {
            throw new WardenException(ErrorCode.BAD_KEY, "this operator needs a keyring");
        });
    }

    @Override
    public Operator apply(OperatorSpec spec) {
        try {
            return build(spec);
        } catch (IllegalArgumentException e) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "protect: " + e.getMessage());
        }
    }

    private Operator build(OperatorSpec s) {
        return switch (s.operator()) {
            case Redact.NAME -> new Redact();
            case Replace.NAME -> s.has("text") ? Replace.with(s.string("text", "")) : Replace.withEntityTag();
            case Mask.NAME -> mask(s);
            case Suppress.NAME -> Suppress.of(s.string("scope", "cell"));
            case Perturb.NAME -> Perturb.of(s.number("max", 0), s.number("relative", 0));
            case Generalize.NAME -> generalize(s);
            case Hash.NAME -> new Hash(keyring.get(), s.string("scope", ""), s.integer("length", Hash.MAX_LENGTH));
            case Tokenize.NAME -> new Tokenize(keyring.get());
            case Fpe.NAME -> fpe(s, keyring.get());
            case Surrogate.NAME -> new Surrogate(keyring.get(), s.string("locale", "en"), s.string("entity", null));
            case DateShift.NAME -> new DateShift(keyring.get(), s.integer("max_days", 0));
            default -> throw new IllegalArgumentException("operator " + s.operator() + " works on the whole table");
        };
    }

    private static Mask mask(OperatorSpec s) {
        String ch = s.string("char", "*");
        if (ch.codePointCount(0, ch.length()) != 1) {
            throw new IllegalArgumentException("mask: char must be one character");
        }
        String at = s.string("keep_at", "end");
        if (!at.equals("start") && !at.equals("end")) {
            throw new IllegalArgumentException("mask: keep_at must be start or end");
        }
        return new Mask(ch.codePointAt(0), s.integer("keep", 0), at.equals("end"), s.string("ignore", ""));
    }

    /** The {@link Fpe} a policy's {@code fpe} rule describes (also what {@code warden reveal} needs to undo it). */
    public static Fpe fpe(OperatorSpec s, Keyring keyring) {
        return new Fpe(keyring, Fpe.Alphabet.named(s.string("alphabet", "digits")),
                Boolean.TRUE.equals(s.params().get("luhn")));
    }

    private Operator generalize(OperatorSpec s) {
        int ways = (s.has("bucket") ? 1 : 0) + (s.has("date") ? 1 : 0) + (s.has("keep_prefix") ? 1 : 0)
                + (s.has("hierarchy") ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("generalize: give exactly one of bucket, date, keep_prefix, hierarchy");
        }
        if (s.has("level") && !s.has("hierarchy")) {
            throw new IllegalArgumentException("generalize: level goes with hierarchy");
        }
        if (s.has("bucket")) return new Generalize.Bucket(new BigDecimal(s.params().get("bucket").toString()));
        if (s.has("date")) return Generalize.DateTruncate.of(s.string("date", ""));
        if (s.has("keep_prefix")) return new Generalize.Prefix(s.integer("keep_prefix", 0));
        if (!s.has("level")) throw new IllegalArgumentException("generalize: hierarchy needs a level");
        Hierarchy h = Hierarchy.read(baseDir.resolve(s.string("hierarchy", "")));
        return new HierarchyLevel(h, s.integer("level", 0));
    }
}
