package io.warden.crypto.seal;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import com.google.crypto.tink.subtle.StreamSegmentEncrypter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.GeneralSecurityException;

/**
 * Tink's AES-GCM-HKDF streaming format, driven one segment at a time through Tink's own segment encrypter and
 * decrypter: the bytes are exactly those of Tink's streaming channels, but every segment is one AES-GCM call between
 * two arrays (the JDK's fast path; Tink's channels split segments across calls and copy), reading runs one segment
 * ahead to know which segment is the last, and output goes to a {@link WriteBehind} thread.
 *
 * <p>Segment layout (1 MiB ciphertext segments): Tink's header (40 bytes, its "ciphertext offset") shares the first
 * segment, so it holds {@code P - 40} plaintext bytes where {@code P = 1 MiB - 16} is what every later segment holds;
 * the last segment holds the rest (possibly nothing) and is sealed as last, so cutting or extending the stream fails
 * authentication. A test checks that Tink's own streams and these open each other.
 */
final class Segments {
    /** A failed authentication: the caller turns it into VERIFICATION_FAILED naming its file. */
    static final class NotAuthentic extends Exception {
        NotAuthentic() {
            super("segment failed authentication", null, false, false);
        }
    }

    private Segments() {}

    /** Writes Tink's header then the sealed segments of everything {@code plain} gives. */
    static void encrypt(ReadableByteChannel plain, AesGcmHkdfStreaming aead, byte[] ad, WriteBehind out)
            throws IOException, GeneralSecurityException {
        StreamSegmentEncrypter encrypter = aead.newStreamSegmentEncrypter(ad);
        ByteBuffer header = encrypter.getHeader();
        byte[] h = new byte[header.remaining()];
        header.get(h);
        out.submitCopy(h);
        int rest = aead.getPlaintextSegmentSize();
        int tag = aead.getCiphertextSegmentSize() - rest;
        Reader reader = new Reader(plain, rest - aead.getCiphertextOffset(), rest);
        for (ByteBuffer segment; (segment = reader.next()) != null; ) {
            ByteBuffer ct = out.buffer(segment.remaining() + tag);
            encrypter.encryptSegment(segment, reader.last(), ct);
            out.submit(ct.flip());
        }
    }

    /** Writes the plaintext of the Tink stream {@code cipher} (positioned at Tink's header); nothing is checked twice. */
    static void decrypt(ReadableByteChannel cipher, AesGcmHkdfStreaming aead, byte[] ad, WriteBehind out)
            throws IOException, NotAuthentic {
        Decryption d = new Decryption(cipher, aead, ad);
        for (ByteBuffer segment; (segment = d.reader.next()) != null; ) {
            ByteBuffer pt = out.buffer(segment.remaining());
            d.decrypt(segment, pt);
            out.submit(pt.flip());
        }
        d.requireEnd();
    }

    /**
     * Re-encrypts the Tink stream {@code cipher} under {@code to}: segment {@code i} of the input becomes segment
     * {@code i} of the output (both formats cut plaintext at the same places), so the plaintext is never whole.
     */
    static void reencrypt(ReadableByteChannel cipher, AesGcmHkdfStreaming from, byte[] fromAd, AesGcmHkdfStreaming to,
            byte[] toAd, WriteBehind out) throws IOException, NotAuthentic, GeneralSecurityException {
        Decryption d = new Decryption(cipher, from, fromAd);
        StreamSegmentEncrypter encrypter = to.newStreamSegmentEncrypter(toAd);
        ByteBuffer header = encrypter.getHeader();
        byte[] h = new byte[header.remaining()];
        header.get(h);
        out.submitCopy(h);
        ByteBuffer pt = ByteBuffer.allocate(from.getPlaintextSegmentSize());
        for (ByteBuffer segment; (segment = d.reader.next()) != null; ) {
            d.decrypt(segment, pt.clear());
            pt.flip();
            ByteBuffer ct = out.buffer(pt.remaining() + to.getCiphertextSegmentSize() - to.getPlaintextSegmentSize());
            encrypter.encryptSegment(pt, d.reader.last(), ct);
            out.submit(ct.flip());
        }
        d.requireEnd();
    }

    /** The reading side of a Tink stream: header checked, then one segment after the other. */
    private static final class Decryption {
        final Reader reader;
        private final StreamSegmentDecrypter decrypter;
        private int index;

        Decryption(ReadableByteChannel cipher, AesGcmHkdfStreaming aead, byte[] ad) throws IOException, NotAuthentic {
            ByteBuffer header = ByteBuffer.allocate(aead.getHeaderLength());
            while (header.hasRemaining()) {
                if (cipher.read(header) < 0) throw new NotAuthentic();
            }
            try {
                decrypter = aead.newStreamSegmentDecrypter();
                decrypter.init(header.flip(), ad);
            } catch (GeneralSecurityException e) {
                throw new NotAuthentic();
            }
            int rest = aead.getCiphertextSegmentSize();
            reader = new Reader(cipher, rest - aead.getCiphertextOffset(), rest);
        }

        void decrypt(ByteBuffer segment, ByteBuffer plaintext) throws NotAuthentic {
            try {
                decrypter.decryptSegment(segment, index++, reader.last(), plaintext);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new NotAuthentic();
            }
        }

        /** A stream whose segments ran out before one sealed as last, or that had no segment at all, is cut short. */
        void requireEnd() throws NotAuthentic {
            if (index == 0) throw new NotAuthentic();
        }
    }

    /**
     * Reads a stream in segments of {@code first} bytes, then {@code rest} bytes, and knows of each whether it is
     * the last, by reading one segment ahead. Two buffers, used in turn.
     */
    private static final class Reader {
        private static final int INITIAL = 64 << 10;
        private final ReadableByteChannel in;
        private final int first;
        private final int rest;
        private final ByteBuffer[] buffers;
        private ByteBuffer ahead;
        private boolean started;
        private boolean last;
        private boolean done;
        private int turn;

        Reader(ReadableByteChannel in, int first, int rest) {
            this.in = in;
            this.first = first;
            this.rest = rest;
            this.buffers = new ByteBuffer[2]; // made on first use, small, and grown only for inputs that need it
        }

        /** The next segment, flipped for reading, or null after the last. */
        ByteBuffer next() throws IOException {
            if (done) return null;
            ByteBuffer current = started ? ahead : fill(first);
            int expected = started ? rest : first;
            started = true;
            if (current.limit() < expected) {
                // a short segment ends the stream (so does an empty first one: an empty input is one empty segment)
                last = true;
                done = true;
                return current;
            }
            ahead = fill(rest);
            last = ahead.limit() == 0;
            done = last;
            return current;
        }

        /** Whether the segment {@link #next()} returned last is the final one. */
        boolean last() {
            return last;
        }

        /**
         * Reads up to {@code size} bytes into the next buffer. A buffer starts at {@value #INITIAL} bytes and is
         * replaced by one of {@code size} when the input has more: a small input never costs a segment-sized buffer.
         */
        private ByteBuffer fill(int size) throws IOException {
            ByteBuffer b = buffers[turn];
            if (b == null) b = ByteBuffer.allocate(Math.min(size, INITIAL));
            b.clear().limit(Math.min(size, b.capacity()));
            while (true) {
                boolean end = false;
                while (b.hasRemaining()) {
                    if (in.read(b) < 0) {
                        end = true;
                        break;
                    }
                }
                if (end || b.position() == size) break;
                ByteBuffer bigger = ByteBuffer.allocate(size); // full, and the input goes on
                bigger.put(b.flip());
                b = bigger;
            }
            buffers[turn] = b;
            turn ^= 1;
            return b.flip();
        }
    }
}
