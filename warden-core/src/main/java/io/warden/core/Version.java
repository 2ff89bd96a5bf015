package io.warden.core;

/** Warden's version, as reported by tools and reports. */
public final class Version {
    /** The release version. */
    public static final String VERSION = "0.1.0";

    private Version() {}
}
