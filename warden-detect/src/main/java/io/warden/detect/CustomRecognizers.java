package io.warden.detect;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Policy;
import io.warden.detect.custom.CustomRecognizerSpec;
import io.warden.detect.custom.PatternRecognizer;
import io.warden.detect.custom.PatternSpec;

/** Turns a policy's user-defined recognizer into a {@link Recognizer}; an invalid one is an INVALID_POLICY error. */
final class CustomRecognizers {
    private CustomRecognizers() {}

    static Recognizer fromPolicy(Policy.CustomRecognizer c) {
        try {
            return PatternRecognizer.of(new CustomRecognizerSpec(c.name(), c.entity(),
                    c.patterns().stream().map(p -> new PatternSpec(p.regex(), p.score())).toList(),
                    c.context(), c.allow(), c.deny(), c.ignoreCase()));
        } catch (IllegalArgumentException e) {
            throw new WardenException(ErrorCode.INVALID_POLICY, "scan.recognizers: " + e.getMessage());
        }
    }
}
