package io.warden.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB single line streams through a JVM whose whole heap (64 MB) is smaller than the line: chunking keeps
 * memory bounded, and the chunks' owned parts and offsets rebuild the line exactly.
 */
class HugeTextLineTest {
    private static final long CODE_POINTS = 85_000_000L; // ≈ 102 MB of UTF-8
    private static final String CHILD_HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void text_100MbSingleLine_streamsInSmallHeap_andChunksRebuildTheLine() throws Exception {
        Path file = dir.resolve("huge.txt");
        writeHugeLine(file);
        assertThat(Files.size(file)).isGreaterThan(100_000_000L);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(java, CHILD_HEAP, "-cp", classpath,
                HugeLineCheck.class.getName(), file.toString(), Long.toString(CODE_POINTS)))
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(output).contains("OK chunks=");
        assertThat(child.exitValue()).as(output).isZero();
    }

    private static void writeHugeLine(Path file) throws IOException {
        PatternText pattern = new PatternText();
        try (Writer w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            char[] buf = new char[8192];
            while (pattern.codePoints() < CODE_POINTS) {
                int n = 0;
                while (n < buf.length - 1 && pattern.codePoints() < CODE_POINTS) {
                    buf[n++] = pattern.nextChar();
                    if (Character.isHighSurrogate(buf[n - 1])) {
                        buf[n++] = pattern.nextChar();
                    }
                }
                w.write(buf, 0, n);
            }
            w.write("\nsecond line\n");
        }
    }
}
