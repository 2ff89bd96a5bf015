package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;

/** Checks shared by the identity parsers: each failure is a one-line {@link WardenException} that quotes no input. */
final class Inputs {
    private Inputs() {}

    /** {@code value}, or a BAD_USAGE error saying that {@code what} is missing. */
    static <T> T present(T value, String what) {
        if (value == null) throw new WardenException(ErrorCode.BAD_USAGE, what + " is missing");
        return value;
    }

    /**
     * {@code text} when it is present, non-empty, at most {@code maxLength} chars and printable ASCII (0x21 to 0x7e);
     * otherwise BAD_USAGE (missing, empty) or MALFORMED_INPUT (too long, other characters).
     */
    static String printableAscii(String text, String what, int maxLength) {
        present(text, what);
        if (text.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, what + " is empty");
        if (text.length() > maxLength) throw malformed(what + " is longer than " + maxLength + " characters");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) throw malformed(what + " contains a character outside printable ASCII");
        }
        return text;
    }

    /** Whether {@code text} holds a control character (Unicode category Cc) or a lone surrogate. */
    static boolean hasControlOrLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) return true;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static WardenException malformed(String message) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, message);
    }
}
