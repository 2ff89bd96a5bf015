package io.warden.core.io;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An input stream filter that validates UTF-8 as the bytes pass through and tracks the byte offset.
 *
 * <p>Validation follows the Unicode Standard's well-formed byte sequences (table 3-7): no overlong forms, no
 * surrogates, nothing above U+10FFFF. Invalid sequences are counted the way the JDK's UTF-8 decoder places its
 * U+FFFD replacements, so the count in the warning matches the replacements in the text: one per maximal
 * ill-formed subpart, except that an encoded surrogate ({@code ED A0..BF ..}) is one sequence as a whole.
 *
 * <p>In {@link ReadOptions.InvalidUtf8#REJECT} mode the first invalid sequence fails with INVALID_ENCODING
 * "invalid UTF-8 at byte offset N"; the bytes before it are still delivered first, so everything in front of the
 * bad sequence decodes normally. In REPLACE mode bytes pass unchanged (the decoder replaces them) and only the count
 * and the first offset are kept, for {@link #warning()}.
 *
 * <p>ASCII runs are checked eight bytes at a time.
 */
final class Utf8ValidatingInputStream extends FilterInputStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final boolean reject;
    private long offset;            // offset of the next byte to validate, in the decompressed stream
    private int need;               // continuation bytes still expected by the current sequence
    private int lower = 0x80;       // allowed range of the next continuation byte
    private int upper = 0xBF;
    private long sequenceStart;     // offset of the current sequence's lead byte
    private boolean surrogateLead;  // the current sequence started with ED
    private boolean surrogate;      // the current sequence encodes a surrogate: one invalid sequence when it ends
    private long invalidCount;
    private long firstInvalid = -1;
    private WardenException pending; // REJECT: failure to raise on the next read, once the good bytes are delivered

    /**
     * @param in the decompressed bytes, positioned at {@code startOffset}
     * @param startOffset bytes already consumed before {@code in} (e.g. a skipped byte-order mark)
     * @param reject whether invalid input fails (true) or is only counted (false)
     */
    Utf8ValidatingInputStream(InputStream in, long startOffset, boolean reject) {
        super(in);
        this.offset = startOffset;
        this.reject = reject;
    }

    /** Invalid sequences seen so far (REPLACE mode). */
    long invalidCount() {
        return invalidCount;
    }

    /** Byte offset of the first invalid sequence, or -1. */
    long firstInvalidOffset() {
        return firstInvalid;
    }

    /** The one-line warning for replaced sequences, or {@code null} if none were seen. */
    String warning() {
        if (invalidCount == 0) {
            return null;
        }
        return invalidCount + " invalid UTF-8 sequence(s) replaced; first at byte offset " + firstInvalid;
    }

    /** Offset of the next byte this stream will deliver, counted from the start of the decompressed stream. */
    long offset() {
        return offset;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (need > 0) {
                invalid(sequenceStart);
                need = 0;
                surrogate = false;
                if (pending != null) {
                    throw pending;
                }
            }
            return n;
        }
        int valid = validate(b, off, off + n);
        if (valid < off + n) { // REJECT and an invalid sequence inside this block
            if (valid == off) {
                throw pending;
            }
            return valid - off;
        }
        return n;
    }

    /** Skips by reading, so skipped bytes are validated and counted too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Validates {@code b[from, to)}; returns {@code to}, or in REJECT mode the index of the first bad byte. */
    private int validate(byte[] b, int from, int to) {
        int i = from;
        long base = offset - from;
        while (i < to) {
            if (need == 0) {
                while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == to) {
                    break;
                }
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                if (!startSequence(c)) {
                    if (invalid(base + i)) {
                        offset = base + i;
                        return i;
                    }
                } else {
                    sequenceStart = base + i;
                }
                i++;
            } else {
                int c = b[i] & 0xFF;
                if (c < lower || c > upper) {
                    need = 0;
                    surrogate = false;
                    if (invalid(sequenceStart)) {
                        offset = base + i;
                        return i;
                    }
                    continue; // the offending byte may start a new sequence: look at it again
                }
                if (surrogateLead) {
                    surrogateLead = false;
                    if (c >= 0xA0) {
                        surrogate = true;
                        if (reject && invalid(sequenceStart)) {
                            offset = base + i;
                            return i;
                        }
                    }
                }
                need--;
                lower = 0x80;
                upper = 0xBF;
                i++;
                if (need == 0 && surrogate) {
                    surrogate = false;
                    invalid(sequenceStart); // REPLACE mode only: REJECT stopped at the second byte
                }
            }
        }
        offset = base + to;
        return to;
    }

    /** Sets up the state for lead byte {@code c}; returns false if {@code c} cannot start a sequence. */
    private boolean startSequence(int c) {
        lower = 0x80;
        upper = 0xBF;
        surrogateLead = c == 0xED;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) {
                lower = 0xA0; // no overlong 3-byte forms
            }
            // ED A0..BF encodes a UTF-16 surrogate: accepted here, reported when the second byte arrives
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) {
                lower = 0x90; // no overlong 4-byte forms
            } else if (c == 0xF4) {
                upper = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return false; // stray continuation byte, C0/C1 overlong lead, or F5..FF
        }
        return true;
    }

    /** Records an invalid sequence at {@code at}; returns true if reading must stop (REJECT mode). */
    private boolean invalid(long at) {
        if (firstInvalid < 0) {
            firstInvalid = at;
        }
        invalidCount++;
        if (reject) {
            pending = new WardenException(ErrorCode.INVALID_ENCODING, "invalid UTF-8 at byte offset " + at);
            return true;
        }
        return false;
    }
}
