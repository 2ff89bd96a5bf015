package io.warden.protect.privacy;

import java.util.Optional;

/**
 * A privacy model: a rule every equivalence class (records equal on all quasi-identifiers after generalization) must
 * meet to be released; classes that fail are suppressed, within the configured suppression limit.
 *
 * <p>A closed set of immutable values, validated when built. Each model says which sensitive column it reads (if
 * any) and whether it is <em>monotone with suppression</em>: whether a class that meets it still meets it after any
 * other class is merged into it. The lattice search infers the verdict for whole regions of the lattice only from
 * models that are (k-anonymity, distinct l-diversity); every model is monotone under generalization without
 * suppression (Machanavajjhala et al. 2007; Li et al. 2007, generalization property of the EMD).
 */
public sealed interface PrivacyModel permits KAnonymity, DistinctLDiversity, RecursiveCLDiversity, TCloseness {
    /** The sensitive column the model reads, if any. */
    Optional<String> sensitiveColumn();

    /** Whether merging any class into a class that meets the model gives a class that meets it. */
    boolean monotoneWithSuppression();
}
