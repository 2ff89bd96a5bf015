package io.warden.crypto.pkcs11;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How to reach one PKCS#11 token: the module (shared library) that drives it on this machine, the token's label,
 * and the user PIN.
 *
 * <p>The PIN is held in an array that {@link #clear()} wipes; {@link #toString()} and every error message leave it
 * out. The library path is per machine and is never written to a keyring file; the token label is.
 */
public final class Pkcs11Login {
    /** Longest token label PKCS#11 allows ({@code CK_TOKEN_INFO.label} is 32 bytes). */
    static final int MAX_TOKEN_LABEL = 32;

    private final Path library;
    private final String tokenLabel;
    private final char[] pin;
    private volatile boolean cleared;

    private Pkcs11Login(Path library, String tokenLabel, char[] pin) {
        this.library = library;
        this.tokenLabel = tokenLabel;
        this.pin = pin;
    }

    /**
     * A login for the token labelled {@code tokenLabel} behind the PKCS#11 module at {@code library}, with the user
     * PIN {@code pin} (copied; the caller wipes its own array).
     *
     * @throws WardenException {@link ErrorCode#BAD_USAGE} if the label is empty, longer than 32 characters, has
     *     leading or trailing spaces or control characters, or the PIN is empty
     */
    public static Pkcs11Login of(Path library, String tokenLabel, char[] pin) {
        requireNonNull(library, "library");
        requireNonNull(tokenLabel, "tokenLabel");
        requireNonNull(pin, "pin");
        checkLabel("token", tokenLabel, MAX_TOKEN_LABEL);
        if (pin.length == 0) throw new WardenException(ErrorCode.BAD_USAGE, "the PKCS#11 PIN is empty");
        return new Pkcs11Login(library.toAbsolutePath().normalize(), tokenLabel, pin.clone());
    }

    /** The PKCS#11 module on this machine, as an absolute path. */
    public Path library() {
        return library;
    }

    /** The label of the token, as set when it was initialised. */
    public String tokenLabel() {
        return tokenLabel;
    }

    /** A copy of the PIN, for one login; the caller wipes it. */
    char[] pin() {
        if (cleared) throw new IllegalStateException("this PKCS#11 login was cleared");
        return pin.clone();
    }

    /** Overwrites the PIN; the login cannot be used afterwards. */
    public void clear() {
        cleared = true;
        Arrays.fill(pin, '\0');
    }

    @Override
    public String toString() {
        return "Pkcs11Login[library=" + library + ", token=\"" + tokenLabel + "\", pin=hidden]";
    }

    /**
     * Refuses a label Warden would show badly or could not match reliably: empty, over {@code max} characters,
     * non-ASCII-printable characters, or leading/trailing spaces (PKCS#11 pads labels with spaces).
     */
    static void checkLabel(String what, String label, int max) {
        if (label.isEmpty() || label.length() > max) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a PKCS#11 " + what + " label has 1 to " + max
                    + " characters");
        }
        if (!label.matches("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?")) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a PKCS#11 " + what
                    + " label is printable ASCII without leading or trailing spaces");
        }
    }
}
