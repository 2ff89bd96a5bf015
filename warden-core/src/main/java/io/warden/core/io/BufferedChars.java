package io.warden.core.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A window of decoded text over a {@link Reader}: the unconsumed chars {@code buf[pos, lim)}, refilled on demand
 * and grown only while the current piece needs it, up to {@code window} chars. Base of the line and chunk readers.
 */
abstract class BufferedChars {
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    final Reader in;
    /** The buffer's largest size: chars that must be seen before a piece is known not to fit. */
    final int window;
    char[] buf;
    int pos;        // start of the unconsumed text
    int lim;        // end of the buffered text
    int scanned;    // buf[pos, scanned) is known to hold no '\n'
    boolean eof;

    BufferedChars(Reader in, int initial, int window) {
        this.in = in;
        this.window = window;
        this.buf = new char[Math.min(initial, window)];
    }

    /** Index of the first '\n' in {@code buf[pos, to)}, or -1; remembers how far it looked. */
    final int findNewline(int to) {
        for (int i = Math.max(scanned, pos); i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        scanned = to;
        return -1;
    }

    /** Marks everything before {@code newPos} consumed. */
    final void consumeTo(int newPos) {
        pos = newPos;
        scanned = newPos;
    }

    /** Reads more text; when the buffer is full, first compacts it or, if the current piece fills it, grows it. */
    final void fill() throws IOException {
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
}
