package io.warden.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.core.record.Record;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunkerTest {

    private static final String[] PARTS = {"a", "b", " ", "\n", "\r", "\r\n", "é", "😀", "€"};

    @Test
    void lines_chunksRebuildEveryLineExactly() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder text = new StringBuilder();
            for (int i = rnd.nextInt(61); i > 0; i--) text.append(PARTS[rnd.nextInt(PARTS.length)]);
            int chunkChars = 1 + rnd.nextInt(12);
            int overlap = rnd.nextInt(6);
            if (chunkChars > 2 * overlap) checkChunks(text.toString(), chunkChars, overlap);
        }
    }

    private static void checkChunks(String text, int chunkChars, int overlap) throws IOException {
        List<String> expected = expectedLines(text);
        List<String> rebuilt = new ArrayList<>();
        TextChunker chunker = new TextChunker(new StringReader(text), true, chunkChars, overlap);
        StringBuilder current = new StringBuilder();
        long codePoints = 0;
        for (TextChunker.Piece p = chunker.next(); p != null; p = chunker.next()) {
            Record.Chunk c = p.chunk();
            if (c == null) {
                // a lone surrogate pair cannot be split, so with chunkChars == 1 a whole piece may hold 2 chars
                assertThat(p.text().length()).isLessThanOrEqualTo(Math.max(chunkChars, 2));
                rebuilt.add(p.text());
                continue;
            }
            String t = p.text();
            assertThat(c.codePointOffset()).isEqualTo(codePoints);
            assertThat(t.length()).isLessThanOrEqualTo(Math.max(chunkChars, 2));
            assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(t.charAt(0))).isFalse();
            if (c.last()) {
                assertThat(c.ownChars()).isEqualTo(t.length());
            } else {
                assertThat(c.ownChars()).isBetween(1, t.length());
            }
            current.append(t, 0, c.ownChars());
            codePoints += t.codePointCount(0, c.ownChars());
            if (c.last()) {
                rebuilt.add(current.toString());
                current.setLength(0);
                codePoints = 0;
            }
        }
        assertThat(rebuilt).isEqualTo(expected);
    }

    @Test
    void nonFinalChunk_ownsChunkCharsMinusOverlap() throws IOException {
        TextChunker chunker = new TextChunker(new StringReader("x".repeat(24)), true, 10, 3);
        TextChunker.Piece first = chunker.next();
        assertThat(first.text()).hasSize(10);
        assertThat(first.chunk()).isEqualTo(new Record.Chunk(0, 7, false));
        assertThat(chunker.next().chunk()).isEqualTo(new Record.Chunk(7, 7, false));
        assertThat(chunker.next().chunk()).isEqualTo(new Record.Chunk(14, 10, true));
        assertThat(chunker.next()).isNull();
    }


    /** Lines the way the spec defines them: split on \n, strip one \r before it, no record after a final \n. */
    private static List<String> expectedLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
