package io.warden.detect.names;

import io.warden.detect.Recognizer;
import java.util.List;

/** Explicit registration of the built-in dictionary-based PERSON, LOCATION, ORGANIZATION, NRP and TITLE recognizers. */
public final class NameRecognizers {
    private NameRecognizers() {}

    /**
     * The built-in recognizers of this package, in priority order. Their dictionaries (Datafaker's YAML files,
     * 0.3 to 1 s of parsing while the JVM is cold) start loading on a background thread now, so the load overlaps
     * the caller's own start-up; the first analysis waits for it if needed.
     */
    public static List<Recognizer> all() {
        Lexicon.loadInBackground();
        return List.of(new StreetAddressRecognizer(), new OrganizationRecognizer(), new PlaceRecognizer(),
                new PersonRecognizer(), new NrpRecognizer(), new TitleRecognizer());
    }

    /** Loads the name dictionaries now, on this thread (e.g. before timing a scan). */
    public static void preload() {
        Lexicon.get();
    }
}
