package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;

/** Test helper: the error code of a thrown {@link WardenException}. */
final class Errors {
    private Errors() {}

    static ErrorCode code(Throwable e) {
        return ((WardenException) e).code();
    }
}
