package io.warden.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 decoding every text format shares: drops a leading byte-order mark, validates the bytes (see
 * {@link Utf8ValidatingInputStream}) and decodes them to chars, replacing invalid sequences with U+FFFD when
 * the reader is in REPLACE mode.
 *
 * <p>Byte offsets in errors and warnings count from the start of the decompressed stream, BOM included.
 */
final class Utf8Text {
    private static final int BOM_LENGTH = 3;

    private final Utf8ValidatingInputStream validator;
    private final Reader reader;

    private Utf8Text(Utf8ValidatingInputStream validator, Reader reader) {
        this.validator = validator;
        this.reader = reader;
    }

    /** Starts decoding the content of {@code input}. */
    static Utf8Text open(FileInput input, ReadOptions.InvalidUtf8 mode) throws IOException {
        InputStream content = input.content();
        long start = 0;
        if (startsWithBom(input.prefix())) {
            content.skipNBytes(BOM_LENGTH);
            start = BOM_LENGTH;
        }
        boolean reject = switch (mode) {
            case REJECT -> true;
            case REPLACE -> false;
        };
        Utf8ValidatingInputStream validator = new Utf8ValidatingInputStream(content, start, reject);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new Utf8Text(validator, new InputStreamReader(validator, decoder));
    }

    /** Whether {@code bytes} starts with the UTF-8 byte-order mark {@code EF BB BF}. */
    static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM_LENGTH
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** The decoded text; not buffered beyond the decoder's own buffer. */
    Reader reader() {
        return reader;
    }

    /** The warning about replaced sequences, or {@code null}. */
    String warning() {
        return validator.warning();
    }

    /** Number of bytes {@code chars[off, off+len)} takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
    static long encodedLength(char[] chars, int off, int len) {
        long bytes = len;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    bytes += 2; // 4 bytes for the pair's 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
