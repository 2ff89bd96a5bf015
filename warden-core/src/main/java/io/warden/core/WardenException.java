package io.warden.core;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked domain exception: an {@link ErrorCode} plus a one-line, secret-free message.
 *
 * <p>Faces map the code to an exit code or HTTP status; nothing below them chooses either.
 */
public final class WardenException extends RuntimeException {
    private final ErrorCode code;

    public WardenException(ErrorCode code, String message) {
        super(requireNonNull(message, "message"));
        this.code = requireNonNull(code, "code");
    }

    public WardenException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.code = requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
