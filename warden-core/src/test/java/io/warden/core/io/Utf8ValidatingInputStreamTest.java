package io.warden.core.io;

import static io.warden.core.testing.TestFiles.bytes;
import static io.warden.core.testing.TestFiles.concat;
import static io.warden.core.testing.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatingInputStreamTest {

    @Test
    void validText_passesUnchanged() throws IOException {
        byte[] in = utf8("plain ascii, then é € 😀 and more ascii to cross the 8-byte fast path");
        assertThat(drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true), 7)).isEqualTo(in);
    }

    @Test
    void reject_loneInvalidByte_failsWithItsOffset() {
        byte[] in = concat(utf8("0123456789abc"), bytes(0xFF), utf8("tail"));
        assertThatThrownBy(() -> drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true), 64))
                .isInstanceOf(WardenException.class)
                .hasMessage("invalid UTF-8 at byte offset 13")
                .extracting(e -> ((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_ENCODING);
    }

    @Test
    void reject_truncatedSequence_reportsOffsetOfItsLeadByte() {
        byte[] in = concat(utf8("ab"), bytes(0xE2, 0x82), utf8("c"));
        assertThatThrownBy(() -> drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true), 64))
                .hasMessage("invalid UTF-8 at byte offset 2");
    }

    @Test
    void reject_sequenceCutByEndOfInput_failsAtEnd() {
        byte[] in = concat(utf8("abc"), bytes(0xF0, 0x9F, 0x98));
        assertThatThrownBy(() -> drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true), 2))
                .hasMessage("invalid UTF-8 at byte offset 3");
    }

    @Test
    void reject_sequenceSplitAcrossReads_isStillValid() throws IOException {
        byte[] in = utf8("x😀y€z");
        assertThat(drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true), 1)).isEqualTo(in);
    }

    @Test
    void reject_deliversBytesBeforeTheBadOneFirst() throws IOException {
        byte[] in = concat(utf8("good"), bytes(0xC0, 0x80));
        Utf8ValidatingInputStream s = new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, true);
        byte[] buf = new byte[16];
        assertThat(s.read(buf, 0, 16)).isEqualTo(4);
        assertThatThrownBy(() -> s.read(buf, 0, 16)).hasMessage("invalid UTF-8 at byte offset 4");
    }

    @Test
    void reject_overlongSurrogateAndOutOfRangeForms_areInvalid() {
        int[][] bad = {{0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xF5},
            {0x80}};
        for (int[] b : bad) {
            assertThatThrownBy(() -> drain(
                    new Utf8ValidatingInputStream(new ByteArrayInputStream(concat(utf8("x"), bytes(b))), 0, true), 8))
                    .hasMessage("invalid UTF-8 at byte offset 1");
        }
    }

    @Test
    void startOffset_isAddedToReportedOffsets() {
        byte[] in = concat(utf8("ab"), bytes(0xFF));
        assertThatThrownBy(() -> drain(new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 3, true), 8))
                .hasMessage("invalid UTF-8 at byte offset 5");
    }

    @Test
    void replace_countsSequencesAndFirstOffset() throws IOException {
        byte[] in = concat(utf8("héllo "), bytes(0xFF), utf8(" mid "), bytes(0xE2, 0x82), utf8(" end"));
        Utf8ValidatingInputStream s = new Utf8ValidatingInputStream(new ByteArrayInputStream(in), 0, false);
        assertThat(drain(s, 5)).isEqualTo(in);
        assertThat(s.invalidCount()).isEqualTo(2);
        assertThat(s.firstInvalidOffset()).isEqualTo(7);
        assertThat(s.warning()).isEqualTo("2 invalid UTF-8 sequence(s) replaced; first at byte offset 7");
    }

    @Test
    void replace_validInput_hasNoWarning() throws IOException {
        Utf8ValidatingInputStream s = new Utf8ValidatingInputStream(new ByteArrayInputStream(utf8("ok")), 0, false);
        drain(s, 8);
        assertThat(s.warning()).isNull();
    }

    /** The count must match the replacements the JDK decoder makes, or the warning would mislead. */
    @Test
    void replace_countEqualsJdkDecoderReplacements() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] random = new byte[rnd.nextInt(65)];
            for (int i = 0; i < random.length; i++) {
                // bias towards bytes that start or continue multi-byte sequences, where the edge cases are
                random[i] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(128) : 0x80 + rnd.nextInt(128));
            }
            checkReplacementCount(random, 1 + rnd.nextInt(9));
        }
    }

    private static void checkReplacementCount(byte[] random, int readSize) throws IOException {
        Utf8ValidatingInputStream s = new Utf8ValidatingInputStream(new ByteArrayInputStream(random), 0, false);
        drain(s, readSize);
        String decoded = new String(random, StandardCharsets.UTF_8);
        long replacements = decoded.chars().filter(c -> c == 0xFFFD).count()
                - countGenuineReplacementChars(random);
        assertThat(s.invalidCount()).as("bytes %s", java.util.HexFormat.of().formatHex(random))
                .isEqualTo(replacements);
    }

    /** U+FFFD written validly in the input (EF BF BD) is not a replacement. */
    private static long countGenuineReplacementChars(byte[] b) {
        long n = 0;
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xEF && (b[i + 1] & 0xFF) == 0xBF && (b[i + 2] & 0xFF) == 0xBD) {
                n++;
            }
        }
        return n;
    }

    private static byte[] drain(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        for (int n; (n = in.read(buf, 0, readSize)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
