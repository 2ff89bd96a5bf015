package io.warden.server.identity;

/**
 * One single-use recovery code in clear, as shown to the user once ({@code XXXXX-XXXXX-XXXXX}); {@link #toString()}
 * never shows it. Only {@link #hash()} is stored.
 */
public final class RecoveryCode {
    private final String canonical;

    RecoveryCode(String canonical) {
        this.canonical = canonical;
    }

    /** Reveals the code, grouped for reading: three groups of five characters joined by dashes. */
    public String reveal() {
        return canonical.substring(0, 5) + "-" + canonical.substring(5, 10) + "-" + canonical.substring(10);
    }

    /** The stored form: hex SHA-256 of the code's canonical spelling (upper case, no dashes). */
    public String hash() {
        return Sha256.hex(canonical);
    }

    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }
}
