package io.warden.detect;

import io.warden.detect.names.NameRecognizers;
import io.warden.detect.pattern.PatternRecognizers;
import io.warden.detect.secret.SecretRecognizers;
import java.util.ArrayList;
import java.util.List;

/** The built-in recognizers, registered explicitly (no classpath scanning). */
public final class BuiltInRecognizers {
    private BuiltInRecognizers() {}

    /** All built-in recognizers; earlier ones win ties in overlap resolution. */
    public static List<Recognizer> all() {
        List<Recognizer> all = new ArrayList<>();
        all.addAll(SecretRecognizers.all());
        all.addAll(PatternRecognizers.all());
        all.addAll(NameRecognizers.all());
        return List.copyOf(all);
    }
}
