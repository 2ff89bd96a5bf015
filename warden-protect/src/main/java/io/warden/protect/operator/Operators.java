package io.warden.protect.operator;

import java.util.List;

/**
 * The built-in operators, registered explicitly (no classpath scanning). Operators that need parameters are built
 * with them (see each record); this lists their names for policy validation and documentation.
 */
public final class Operators {
    private Operators() {}

    /** Names of the operators available today. */
    public static final List<String> NAMES = List.of(Redact.NAME, Replace.NAME, Mask.NAME, Hash.NAME, Tokenize.NAME,
            Fpe.NAME, Surrogate.NAME);

    /** Names of the operators that need a {@link io.warden.crypto.Keyring} (their constructors take one first). */
    public static final List<String> KEYED = List.of(Hash.NAME, Tokenize.NAME, Fpe.NAME, Surrogate.NAME);
}
