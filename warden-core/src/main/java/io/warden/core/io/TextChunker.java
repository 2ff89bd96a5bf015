package io.warden.core.io;

import io.warden.core.record.Record;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Cuts decoded text into pieces in bounded memory: lines (ended by {@code \n} or {@code \r\n}; a last line needs
 * no terminator) or the whole text, and any piece longer than {@code chunkChars} into overlapping chunks.
 *
 * <p>Chunk <i>i</i> of a piece covers chars {@code [s, s + chunkChars)} and owns its first
 * {@code chunkChars - chunkOverlap} chars; the next chunk starts at {@code s + ownChars}. The last chunk owns all
 * its chars. A chunk never ends inside a surrogate pair and never owns half of one (so a chunk may be one char
 * shorter, and with {@code chunkChars == 1} a pair makes a chunk two chars long). Offsets are in code points from
 * the start of the piece. The buffer grows only as far as the longest piece needs and at most to about
 * {@code chunkChars}, however long a line is.
 */
final class TextChunker {
    /** One piece of text: a whole line (chunk {@code null}) or one chunk of a long line. */
    record Piece(String text, Record.Chunk chunk) {
        /** Whether this piece ends its line (or file), so the next piece starts a new record. */
        boolean ends() {
            return chunk == null || chunk.last();
        }
    }

    private static final int MIN_BUFFER = 64 << 10;
    /** Chars seen beyond a chunk before deciding a piece does not fit: a surrogate pair's second half + "\r\n". */
    private static final int LOOK_AHEAD = 3;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Reader in;
    private final boolean splitLines;
    private final int chunkChars;
    private final int ownPerChunk;
    private final int window;  // chars to look at before deciding a piece does not fit; the buffer's largest size
    private char[] buf;
    private int pos;          // start of the unconsumed text
    private int lim;          // end of the buffered text
    private int scanned;      // buf[pos, scanned) is known to hold no '\n'
    private boolean eof;
    private boolean inLongPiece;
    private long codePointOffset;

    TextChunker(Reader in, boolean splitLines, int chunkChars, int chunkOverlap) {
        this.in = in;
        this.splitLines = splitLines;
        this.chunkChars = chunkChars;
        this.ownPerChunk = chunkChars - chunkOverlap;
        this.window = (int) Math.min(MAX_ARRAY, (long) chunkChars + LOOK_AHEAD);
        this.buf = new char[Math.min(MIN_BUFFER, window)];
    }

    /** The next piece, or {@code null} at the end of the text. */
    Piece next() throws IOException {
        while (true) {
            int seen = Math.min(lim - pos, window);
            int nl = splitLines ? findNewline(pos + seen) : -1;
            if (nl >= 0) {
                int end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                if (fits(end)) {
                    Piece p = last(end);
                    pos = nl + 1;
                    scanned = pos;
                    return p;
                }
                return chunk();
            }
            if (seen == window) {
                return chunk();
            }
            if (eof) {
                if (lim == pos) {
                    return null; // a chunk always leaves part of its piece, so a long piece ends with its last chunk
                }
                if (fits(lim)) {
                    Piece p = last(lim);
                    pos = lim;
                    scanned = pos;
                    return p;
                }
                return chunk();
            }
            fill();
        }
    }

    /**
     * Whether {@code buf[pos, end)} can be the final piece: at most {@code chunkChars} long, or a single surrogate
     * pair (only possible with {@code chunkChars == 1}, where a pair cannot be split).
     */
    private boolean fits(int end) {
        int len = end - pos;
        return len <= chunkChars
                || (len == 2 && Character.isHighSurrogate(buf[pos]) && Character.isLowSurrogate(buf[pos + 1]));
    }

    /** Index of the first '\n' in {@code buf[pos, to)}, or -1; remembers how far it looked. */
    private int findNewline(int to) {
        for (int i = Math.max(scanned, pos); i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        scanned = to;
        return -1;
    }

    /** The final piece {@code buf[pos, end)}: a whole line, or the last chunk of a long one. */
    private Piece last(int end) {
        String text = new String(buf, pos, end - pos);
        if (!inLongPiece) {
            return new Piece(text, null);
        }
        Piece p = new Piece(text, new Record.Chunk(codePointOffset, text.length(), true));
        inLongPiece = false;
        codePointOffset = 0;
        return p;
    }

    /** A non-final chunk starting at {@code pos}; more text of the same piece follows. */
    private Piece chunk() {
        int len = chunkChars;
        if (Character.isHighSurrogate(buf[pos + len - 1]) && Character.isLowSurrogate(buf[pos + len])) {
            len = len == 1 ? 2 : len - 1;
        }
        int own = Math.min(ownPerChunk, len);
        if (own < len && Character.isHighSurrogate(buf[pos + own - 1]) && Character.isLowSurrogate(buf[pos + own])) {
            own = own == 1 ? 2 : own - 1;
        }
        Piece p = new Piece(new String(buf, pos, len), new Record.Chunk(codePointOffset, own, false));
        inLongPiece = true;
        codePointOffset += Character.codePointCount(buf, pos, own);
        pos += own;
        return p;
    }

    /** Reads more text; when the buffer is full, first compacts it or, if the piece fills it, grows it. */
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
}
