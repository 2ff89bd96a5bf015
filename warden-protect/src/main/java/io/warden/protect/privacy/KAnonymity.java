package io.warden.protect.privacy;

import java.util.Optional;

/**
 * k-anonymity (Sweeney 2002): every released equivalence class holds at least {@code k} records.
 *
 * @param k the smallest class size allowed, at least 1
 */
public record KAnonymity(int k) implements PrivacyModel {
    public KAnonymity {
        if (k < 1) throw PrivacyConfig.invalid("k-anonymity: k must be at least 1, not " + k);
    }

    @Override
    public Optional<String> sensitiveColumn() {
        return Optional.empty();
    }

    @Override
    public boolean monotoneWithSuppression() {
        return true;
    }
}
