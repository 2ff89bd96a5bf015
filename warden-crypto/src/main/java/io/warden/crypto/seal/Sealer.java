package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.DatasetKey;
import io.warden.crypto.Keyring;
import java.io.IOException;
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
    /** Tink's ciphertext segment: no segment, plaintext or ciphertext, is larger. */
    private static final int SEGMENT = 1 << 20;
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
        try (FileChannel in = openInput(input)) {
            return seal(in, input.toString(), output, keyring, dataset, manifestDigest, beforeCommit);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + " (" + kind(e) + ")");
        }
    }

    /**
     * Seals everything {@code input} gives (a file, an upload) into {@code output}, as {@link #seal(Path, Path,
     * Keyring, String, byte[], Consumer)} does; {@code inputName} names the input in messages. The output appears only
     * when the input ended normally; a read failure leaves nothing behind.
     */
    public static SealHeader seal(ReadableByteChannel input, String inputName, Path output, Keyring keyring,
            String dataset, byte[] manifestDigest, Consumer<SealHeader> beforeCommit) {
        DatasetKey key = keyring.dataset(dataset);
        DatasetKey.Version version = key.primary();
        AesGcmHkdfStreaming aead = key.streamingAead(version);
        SealHeader header = new SealHeader(keyring.id(), dataset, version.keyId(), version.number(), manifestDigest);
        try (AtomicFile.Pending out = AtomicFile.open(output)) {
            WriteBehind behind = new WriteBehind(out.channel(), output, WRITE_BEHIND_BUFFERS, SEGMENT);
            run(behind, () -> {
                byte[] ad = header.encode();
                behind.submitCopy(ad);
                Segments.encrypt(input, aead, ad, behind);
            }, inputName);
            beforeCommit.accept(header);
            out.commit();
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + inputName + " (" + kind(e) + ")");
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
            AesGcmHkdfStreaming aead = streamingAead(keyring, header, input);
            try (AtomicFile.Pending out = AtomicFile.open(output)) {
                WriteBehind behind = new WriteBehind(out.channel(), output, WRITE_BEHIND_BUFFERS, SEGMENT);
                run(behind, () -> Segments.decrypt(in, aead, header.encode(), behind), input.toString());
                beforeCommit.accept(header);
                out.commit();
            }
            return header;
        } catch (IOException e) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + " (" + kind(e) + ")");
        }
    }

    /**
     * Streams the plaintext of {@code input} into {@code output} (a download): each 1 MiB segment is written only
     * after it authenticated, so nothing unauthenticated is released, but a file cut or altered further on fails after
     * the segments before it were written — the caller must then abort the transfer (the receiver also checks the
     * SHA-256 it was given). Checks and failures as {@link #unseal(Path, Path, Keyring, Expect, Consumer)}.
     */
    public static SealHeader unseal(Path input, WritableByteChannel output, String outputName, Keyring keyring,
            Expect expect) {
        try (FileChannel in = openInput(input)) {
            SealHeader header = SealHeader.read(in, input.toString());
            check(header, keyring, expect, input);
            AesGcmHkdfStreaming aead = streamingAead(keyring, header, input);
            WriteBehind behind = new WriteBehind(output, Path.of(outputName), WRITE_BEHIND_BUFFERS, SEGMENT);
            run(behind, () -> Segments.decrypt(in, aead, header.encode(), behind), input.toString());
            return header;
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
            AesGcmHkdfStreaming from = streamingAead(keyring, old, file);
            AesGcmHkdfStreaming to = key.streamingAead(newest);
            SealHeader header = new SealHeader(old.keyringId(), old.dataset(), newest.keyId(), newest.number(),
                    old.manifestDigest());
            try (AtomicFile.Pending out = AtomicFile.open(file)) {
                WriteBehind behind = new WriteBehind(out.channel(), file, WRITE_BEHIND_BUFFERS, SEGMENT);
                run(behind, () -> {
                    byte[] ad = header.encode();
                    behind.submitCopy(ad);
                    Segments.reencrypt(in, from, old.encode(), to, ad, behind);
                }, file.toString());
                beforeCommit.accept(header);
                out.commit();
            }
            return header;
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

    private static AesGcmHkdfStreaming streamingAead(Keyring keyring, SealHeader header, Path file) {
        DatasetKey key = keyring.dataset(header.dataset());
        DatasetKey.Version version = key.version(header.keyId());
        if (version == null || version.number() != header.keyVersion()) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " was sealed with version " + header.keyVersion()
                    + " of dataset " + header.dataset() + "'s key, which this keyring does not have");
        }
        return key.streamingAead(version);
    }

    private interface Work {
        void run() throws IOException, GeneralSecurityException, Segments.NotAuthentic;
    }

    /** Runs {@code work} feeding {@code behind}, then waits for the writes; on any failure stops the writer. */
    private static void run(WriteBehind behind, Work work, String input) throws IOException {
        boolean done = false;
        try {
            work.run();
            behind.finish();
            done = true;
        } catch (Segments.NotAuthentic e) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, input + ": fails authentication — the file was "
                    + "altered, truncated, reordered or given another header; nothing was written");
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot seal with this key (" + kind(e) + ")");
        } finally {
            if (!done) behind.abandon();
        }
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
}
