package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

/** The outcome of verifying a model against a signature. */
public sealed interface Verification {
    /** Whether the model is exactly what was signed, by a signer the verifier trusts. */
    default boolean ok() {
        return this instanceof Verified;
    }

    /** The signature is trusted and every file matches. {@code signer} describes the key or certificate. */
    record Verified(OmsStatement statement, String signer, long bytes) implements Verification {
        public Verified {
            requireNonNull(statement, "statement");
            requireNonNull(signer, "signer");
        }
    }

    /** The signature is not one the verifier trusts (wrong key, altered bundle, untrusted certificate); files were not checked. */
    record Untrusted(String reason) implements Verification {
        public Untrusted {
            requireNonNull(reason, "reason");
        }
    }

    /** The signature is trusted but the files differ from what it lists. */
    record Mismatch(OmsStatement statement, String signer, ManifestDiff diff) implements Verification {
        public Mismatch {
            requireNonNull(statement, "statement");
            requireNonNull(diff, "diff");
        }
    }
}
