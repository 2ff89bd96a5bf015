package io.warden.core.io;

import io.warden.core.record.Record;
import java.io.IOException;
import java.io.Reader;

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
final class TextChunker extends BufferedChars {
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

    private final boolean splitLines;
    private final int chunkChars;
    private final int ownPerChunk;
    private boolean inLongPiece;
    private long codePointOffset;

    TextChunker(Reader in, boolean splitLines, int chunkChars, int chunkOverlap) {
        // look a little past a chunk before deciding a piece does not fit: a surrogate's second half, "\r\n"
        super(in, MIN_BUFFER, (int) Math.min(MAX_ARRAY, (long) chunkChars + LOOK_AHEAD));
        this.splitLines = splitLines;
        this.chunkChars = chunkChars;
        this.ownPerChunk = chunkChars - chunkOverlap;
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
                    consumeTo(nl + 1);
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
                    consumeTo(lim);
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

}
