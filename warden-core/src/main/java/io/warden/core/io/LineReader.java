package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits decoded text into whole lines ({@code \n} or {@code \r\n}; a last line needs no terminator) of at most
 * {@code maxRecordBytes} UTF-8 bytes each, for parsers that need a line at once.
 *
 * <p>The current line is exposed as a slice of an internal buffer ({@link #buffer()}, {@link #start()},
 * {@link #length()}), valid until the next call to {@link #next()}. The buffer grows only as far as the longest
 * line needs, never beyond the limit.
 */
final class LineReader extends BufferedChars {
    private static final int INITIAL = 64 << 10;

    private final int maxRecordBytes;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;

    LineReader(Reader in, int maxRecordBytes) {
        // a line is known to be too long once this many chars hold no '\n'
        super(in, INITIAL, (int) Math.min(MAX_ARRAY, (long) maxRecordBytes + 2));
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the text
     * @throws WardenException RECORD_TOO_LARGE if the line is longer than the limit
     */
    boolean next() throws IOException {
        while (true) {
            int nl = findNewline(lim);
            if (nl >= 0) {
                int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                return accept(end, nl + 1);
            }
            if (lim - pos >= window) {
                throw tooLarge(lineNumber + 1);
            }
            if (eof) {
                return lim > pos && accept(lim, lim);
            }
            fill();
        }
    }

    /** The buffer holding the current line. */
    char[] buffer() {
        return buf;
    }

    /** Start of the current line in {@link #buffer()}. */
    int start() {
        return lineStart;
    }

    /** Length in chars of the current line, without its terminator. */
    int length() {
        return lineEnd - lineStart;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    private boolean accept(int end, int nextPos) {
        lineNumber++;
        if (end - pos > maxRecordBytes || Utf8Text.encodedLength(buf, pos, end - pos) > maxRecordBytes) {
            throw tooLarge(lineNumber);
        }
        lineStart = pos;
        lineEnd = end;
        consumeTo(nextPos);
        return true;
    }



    private WardenException tooLarge(long line) {
        return new WardenException(ErrorCode.RECORD_TOO_LARGE,
                "record at line " + line + " exceeds " + maxRecordBytes + " bytes (raise --max-record-size)");
    }
}
