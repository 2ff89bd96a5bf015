package io.warden.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.core.record.Record;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextChunkerTest {

    @Property(tries = 300)
    void lines_chunksRebuildEveryLineExactly(@ForAll("text") String text,
            @ForAll @IntRange(min = 1, max = 12) int chunkChars, @ForAll @IntRange(min = 0, max = 5) int overlap)
            throws IOException {
        if (chunkChars <= 2 * overlap) {
            return;
        }
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

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of("a", "b", " ", "\n", "\r", "\r\n", "é", "😀", "€")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
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
