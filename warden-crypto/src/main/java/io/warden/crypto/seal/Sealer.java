package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.StreamingAead;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.DatasetKey;
import io.warden.crypto.Keyring;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Seals files under a dataset's key and opens them again: a {@link SealHeader} followed by Tink's AES-256-GCM-HKDF
 * streaming ciphertext (1 MiB segments) whose associated data is the header, so the header cannot be changed or
 * swapped without the first segment failing. Memory stays at a few MiB whatever the file size.
 *
 * <p>Output is all-or-nothing: it goes to a temporary file that is renamed over the target only after the last
 * segment was written (sealing) or authenticated (opening), and after {@code beforeCommit} — where callers append
 * to the operations log, so an operation that cannot be recorded releases nothing.
 */
public final class Sealer {
    private static final int BUFFER = 1 << 20;
    private static final int WRITE_BEHIND_BUFFERS = 4;

    /** What an opened file must match, beyond authenticating: a dataset id and a manifest digest, each optional. */
    public record Expect(String dataset, byte[] manifestDigest) {
        public static final Expect NOTHING = new Expect(null, null);
    }

    private Sealer() {}

    /**
     * Seals {@code input} into {@code output} with the newest version of {@code dataset}'s key, binding the SHA-256
     * {@code manifestDigest} (or none when null). Returns the header written.
     *
     * @throws WardenException BAD_KEY when the keyring has no usable key for the dataset; INPUT_NOT_FOUND or
     *     OUTPUT_FAILED for files that cannot be read or written
     */
    public static SealHeader seal(Path input, Path output, Keyring keyring, String dataset, byte[] manifestDigest,
            Consumer<SealHeader> beforeCommit) {
        DatasetKey key = keyring.dataset(dataset);
        DatasetKey.Version version = key.primary();
        StreamingAead aead = streamingAead(keyring, key, version);
        SealHeader header = new SealHeader(keyring.id(), dataset, version.keyId(), version.number(), manifestDigest);
        try (FileChannel in = openInput(input); AtomicFile.Pending out = AtomicFile.open(output)) {
            encrypt(new Source(in, input), aead, header, out.channel(), output);
            beforeCommit.accept(header);
            out.commit();
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + " (" + kind(e) + ")");
        }
        return header;
    }

    /**
     * Opens {@code input}, sealed under {@code keyring}, into {@code output}; returns its header.
     *
     * @throws WardenException MALFORMED_INPUT when it is not a sealed file; BAD_KEY when it was sealed under another
     *     keyring, for another dataset than expected, or with a key that is destroyed, missing or below the minimum
     *     decryption version; VERIFICATION_FAILED when any byte after the header fails authentication (altered,
     *     truncated, reordered) or the bound manifest is not the expected one. Nothing is written in any of these cases.
     */
    public static SealHeader unseal(Path input, Path output, Keyring keyring, Expect expect,
            Consumer<SealHeader> beforeCommit) {
        if (sameFile(input, output)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "unseal would overwrite its input " + input
                    + "; give another output file");
        }
        try (FileChannel in = openInput(input)) {
            SealHeader header = SealHeader.read(in, input.toString());
            check(header, keyring, expect, input);
            StreamingAead aead = streamingAead(keyring, header, input);
            try (AtomicFile.Pending out = AtomicFile.open(output)) {
                Source source = new Source(in, input);
                try (ReadableByteChannel plain = aead.newDecryptingChannel(source, header.encode())) {
                    copy(plain, out.channel(), source, input, output);
                }
                beforeCommit.accept(header);
                out.commit();
            }
            return header;
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, input + ": its key cannot be used (" + kind(e) + ")");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + " (" + kind(e) + ")");
        }
    }

    /**
     * Moves {@code file} to the newest version of its dataset's key in place: decrypts and re-encrypts in one stream,
     * so the plaintext never leaves this process, and replaces the file only after all of it authenticated. Returns
     * the new header, or the old one unchanged when the file already uses the newest version.
     */
    public static SealHeader rewrap(Path file, Keyring keyring, Consumer<SealHeader> beforeCommit) {
        try (FileChannel in = openInput(file)) {
            SealHeader old = SealHeader.read(in, file.toString());
            check(old, keyring, Expect.NOTHING, file);
            DatasetKey key = keyring.dataset(old.dataset());
            DatasetKey.Version newest = key.primary();
            if (newest.keyId() == old.keyId()) return old;
            StreamingAead from = streamingAead(keyring, old, file);
            StreamingAead to = streamingAead(keyring, key, newest);
            SealHeader header = new SealHeader(old.keyringId(), old.dataset(), newest.keyId(), newest.number(),
                    old.manifestDigest());
            try (AtomicFile.Pending out = AtomicFile.open(file)) {
                Source source = new Source(in, file);
                try (ReadableByteChannel plain = from.newDecryptingChannel(source, old.encode())) {
                    encrypt(new Decrypted(plain, source, file), to, header, out.channel(), file);
                }
                beforeCommit.accept(header);
                out.commit();
            }
            return header;
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, file + ": its key cannot be used (" + kind(e) + ")");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + " (" + kind(e) + ")");
        }
    }

    /** The header of a sealed file, read without any key. */
    public static SealHeader inspect(Path file) {
        try (FileChannel in = openInput(file)) {
            return SealHeader.read(in, file.toString());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + file + " (" + kind(e) + ")");
        }
    }

    private static void check(SealHeader header, Keyring keyring, Expect expect, Path file) {
        if (!header.keyringId().equals(keyring.id())) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " was sealed under keyring " + header.keyringId()
                    + ", not this one (" + keyring.id() + ")");
        }
        if (expect.dataset() != null && !expect.dataset().equals(header.dataset())) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " holds dataset " + header.dataset() + ", not "
                    + expect.dataset());
        }
        if (expect.manifestDigest() != null && !Arrays.equals(expect.manifestDigest(), header.manifestDigest())) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, file + " is bound to "
                    + (header.manifestDigest() == null ? "no manifest" : "another manifest (sha256 "
                    + header.manifestDigestHex() + ")") + ", not the one given");
        }
    }

    private static StreamingAead streamingAead(Keyring keyring, SealHeader header, Path file) {
        DatasetKey key = keyring.dataset(header.dataset());
        DatasetKey.Version version = key.version(header.keyId());
        if (version == null || version.number() != header.keyVersion()) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " was sealed with version " + header.keyVersion()
                    + " of dataset " + header.dataset() + "'s key, which this keyring does not have");
        }
        return streamingAead(keyring, key, version);
    }

    private static StreamingAead streamingAead(Keyring keyring, DatasetKey key, DatasetKey.Version version) {
        return key.streamingAead(version);
    }

    /** Writes the header, then the ciphertext of everything {@code plain} gives, through a write-behind thread. */
    private static void encrypt(ReadableByteChannel plain, StreamingAead aead, SealHeader header,
            WritableByteChannel sink, Path output) throws IOException {
        byte[] ad = header.encode();
        WriteBehindChannel behind = new WriteBehindChannel(sink, output, WRITE_BEHIND_BUFFERS, BUFFER);
        boolean done = false;
        try {
            behind.write(ByteBuffer.wrap(ad));
            try (WritableByteChannel cipher = aead.newEncryptingChannel(behind, ad)) {
                // A heap buffer on purpose: Tink encrypts whole segments straight from it, and the JDK's AES-GCM
                // takes its fast (intrinsic) path only when both buffers are arrays — 3x the speed of a direct one.
                ByteBuffer buf = ByteBuffer.allocate(BUFFER);
                while (plain.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) cipher.write(buf);
                    buf.clear();
                }
            }
            done = true;
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot seal into " + output + " (" + kind(e) + ")");
        } finally {
            if (!done) behind.abandon();
        }
    }

    /** Copies the authenticated plaintext to {@code sink}; authentication failures become VERIFICATION_FAILED. */
    private static void copy(ReadableByteChannel plain, WritableByteChannel sink, Source source, Path input,
            Path output) throws IOException {
        WriteBehindChannel behind = new WriteBehindChannel(sink, output, WRITE_BEHIND_BUFFERS, BUFFER);
        boolean done = false;
        try {
            ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
            while (true) {
                int n;
                try {
                    n = plain.read(buf);
                } catch (IOException e) {
                    if (source.failure != null) throw source.failure;
                    throw notAuthentic(input);
                }
                if (n < 0) break;
                buf.flip();
                behind.write(buf);
                buf.clear();
            }
            behind.close();
            done = true;
        } finally {
            if (!done) behind.abandon();
        }
    }

    /** Tink reads a segment ahead (to know which is last), so the failing segment is not named: it could mislead. */
    static WardenException notAuthentic(Path input) {
        return new WardenException(ErrorCode.VERIFICATION_FAILED, input + ": fails authentication — the file was "
                + "altered, truncated, reordered or given another header; nothing was written");
    }

    private static FileChannel openInput(Path input) {
        requireNonNull(input, "input");
        try {
            if (Files.isDirectory(input)) {
                throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + ": it is a directory");
            }
            return FileChannel.open(input);
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + ": no such file");
        } catch (AccessDeniedException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + ": permission denied");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + " (" + kind(e) + ")");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String kind(Exception e) {
        return e.getClass().getSimpleName();
    }

    /** The ciphertext file; remembers its own read failures so they are not mistaken for failed authentication. */
    private static final class Source implements ReadableByteChannel {
        private final FileChannel in;
        private final Path path;
        IOException failure;

        Source(FileChannel in, Path path) {
            this.in = in;
            this.path = path;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                return in.read(dst);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() {
            // the caller closes the file
        }

        @Override
        public String toString() {
            return "Source[" + path + "]";
        }
    }

    /** Plaintext coming out of a decrypting channel, with authentication failures reported as such (rewrap). */
    private static final class Decrypted implements ReadableByteChannel {
        private final ReadableByteChannel plain;
        private final Source source;
        private final Path file;

        Decrypted(ReadableByteChannel plain, Source source, Path file) {
            this.plain = plain;
            this.source = source;
            this.file = file;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                return plain.read(dst);
            } catch (IOException e) {
                if (source.failure != null) throw e;
                throw notAuthentic(file);
            }
        }

        @Override
        public boolean isOpen() {
            return plain.isOpen();
        }

        @Override
        public void close() {
            // closed with the decrypting channel
        }
    }
}
