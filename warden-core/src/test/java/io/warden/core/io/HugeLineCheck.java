package io.warden.core.io;

import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link HugeTextLineTest}: reads a file holding one huge
 * {@link PatternText} line and a short second line, and checks every chunk against the pattern.
 *
 * <p>Prints "OK chunks=N codePoints=M" and exits 0, or prints what went wrong and exits 1.
 */
public final class HugeLineCheck {
    private HugeLineCheck() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long expectedCodePoints = Long.parseLong(args[1]);
        PatternText pattern = new PatternText();
        long chunks = 0;
        long codePoints = 0;
        String previousOverlap = "";
        try (RecordReader reader = Readers.open(file, ReadOptions.defaults().withFormat(InputFormat.TEXT))) {
            while (true) {
                Record r = reader.next();
                check(r != null, "line ended early after " + chunks + " chunks");
                check(r.index() == 0, "index " + r.index() + " in the first line");
                Record.Chunk c = r.chunk();
                check(c != null, "huge line was not chunked");
                check(c.codePointOffset() == codePoints, "chunk " + chunks + " offset " + c.codePointOffset()
                        + " != " + codePoints);
                String v = r.values().get(0);
                check(v.startsWith(previousOverlap), "chunk " + chunks + " does not start with the overlap");
                for (int i = 0; i < c.ownChars(); i++) {
                    check(v.charAt(i) == pattern.nextChar(), "chunk " + chunks + " differs at char " + i);
                }
                codePoints += v.codePointCount(0, c.ownChars());
                previousOverlap = v.substring(c.ownChars());
                chunks++;
                if (c.last()) {
                    break;
                }
            }
            check(codePoints == expectedCodePoints, "line had " + codePoints + " code points");
            Record second = reader.next();
            check(second != null && second.index() == 1 && second.chunk() == null
                    && second.values().get(0).equals("second line"), "second line is wrong");
            check(reader.next() == null, "records after the second line");
        }
        System.out.println("OK chunks=" + chunks + " codePoints=" + codePoints);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAIL " + what);
            System.exit(1);
        }
    }
}
