package io.warden.protect.job;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Protect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the policy's privacy model over the quasi-identifier columns a {@link TablePass} collected. */
final class PrivacyStep {
    private PrivacyStep() {}

    /** The generalized quasi-identifier columns and the figures for the manifest. */
    record Applied(Map<String, List<String>> columns, Map<String, Object> report) {}

    static Applied apply(Protect.Privacy privacy, Map<String, List<String>> columns, Path input) {
        throw new WardenException(ErrorCode.BAD_USAGE, "protect.privacy is not available yet");
    }
}
