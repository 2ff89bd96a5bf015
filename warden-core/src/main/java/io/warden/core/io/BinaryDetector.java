package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;

/** Rejects binary content for the text formats: a NUL byte in the first 8 KiB of decompressed data. */
final class BinaryDetector {
    /** How many leading bytes are inspected. */
    static final int WINDOW = 8 << 10;

    private BinaryDetector() {}

    /**
     * Fails if {@code prefix} holds a NUL byte within its first {@link #WINDOW} bytes.
     *
     * @throws WardenException MALFORMED_INPUT "binary file (NUL byte at offset N); not CSV/JSONL/text"
     */
    static void requireText(byte[] prefix) {
        int end = Math.min(prefix.length, WINDOW);
        for (int i = 0; i < end; i++) {
            if (prefix[i] == 0) {
                throw new WardenException(ErrorCode.MALFORMED_INPUT,
                        "binary file (NUL byte at offset " + i + "); not CSV/JSONL/text");
            }
        }
    }
}
