package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits decoded text into whole lines ({@code \n} or {@code \r\n}; a last line needs no terminator) of at most
 * {@code maxRecordBytes} UTF-8 bytes each, for parsers that need a line at once.
 *
 * <p>The current line is exposed as a slice of an internal buffer ({@link #buffer()}, {@link #start()},
 * {@link #length()}), valid until the next call to {@link #next()}. The buffer grows only as far as the longest
 * line needs, never beyond the limit.
 */
final class LineReader {
    private static final int INITIAL = 64 << 10;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Reader in;
    private final int maxRecordBytes;
    private final int window;     // chars that must be seen without a '\n' before a line is known to be too long
    private char[] buf;
    private int pos;
    private int lim;
    private int scanned;
    private boolean eof;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;

    LineReader(Reader in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.window = (int) Math.min(MAX_ARRAY, (long) maxRecordBytes + 2);
        this.buf = new char[Math.min(INITIAL, window)];
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the text
     * @throws WardenException RECORD_TOO_LARGE if the line is longer than the limit
     */
    boolean next() throws IOException {
        while (true) {
            int nl = findNewline();
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
        pos = nextPos;
        scanned = pos;
        return true;
    }

    private int findNewline() {
        for (int i = Math.max(scanned, pos); i < lim; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        scanned = lim;
        return -1;
    }

    /** Reads more text; compacts the buffer, or grows it while the current line needs more room. */
    private void fill() throws IOException {
        if (lim == buf.length) {
            if (pos > 0) {
                int kept = lim - pos;
                System.arraycopy(buf, pos, buf, 0, kept);
                scanned -= pos;
                pos = 0;
                lim = kept;
            } else {
                buf = Arrays.copyOf(buf, (int) Math.min(window, 2L * buf.length));
            }
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
    }

    private WardenException tooLarge(long line) {
        return new WardenException(ErrorCode.RECORD_TOO_LARGE,
                "record at line " + line + " exceeds " + maxRecordBytes + " bytes (raise --max-record-size)");
    }
}
