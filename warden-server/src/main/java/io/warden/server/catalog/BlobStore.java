package io.warden.server.catalog;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import io.warden.crypto.seal.SealHeader;
import io.warden.crypto.seal.Sealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Sealed blobs in the data directory ({@code blobs/DATASET/ID.sealed}): uploads are sealed as they arrive, under the
 * dataset's newest key version, with their SHA-256 and size counted on the way; nothing is visible before the last
 * byte was sealed and forced to disk.
 */
public final class BlobStore {
    /** What an upload became. */
    public record Stored(String blob, long size, String sha256, int keyVersion) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path root;

    public BlobStore(Path root) {
        this.root = root;
    }

    /**
     * Seals everything {@code in} gives, up to {@code maxBytes}, as a new blob of {@code dataset}.
     *
     * @throws WardenException TOO_LARGE past {@code maxBytes}; INPUT_NOT_FOUND when the upload broke off
     */
    public Stored put(Keyring keyring, String dataset, InputStream in, long maxBytes) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String blob = HexFormat.of().formatHex(id);
        Path file = path(dataset, blob);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot create the blob directory of " + dataset);
        }
        Counting counting = new Counting(Channels.newChannel(in), maxBytes);
        SealHeader header = Sealer.seal(counting, "the upload", file, keyring, dataset, null, h -> {});
        return new Stored(blob, counting.size, HexFormat.of().formatHex(counting.digest.digest()), header.keyVersion());
    }

    /** Writes the plaintext of a blob to {@code out}, segment by authenticated segment. */
    public void get(Keyring keyring, String dataset, String blob, OutputStream out) {
        Sealer.unseal(path(dataset, blob), Channels.newChannel(out), "the download", keyring,
                new Sealer.Expect(dataset, null));
    }

    /**
     * Deletes what unfinished writes left behind: the hidden temporary files ({@code .NAME.RANDOM.tmp}) that an upload
     * or key rotation in progress writes before renaming into place, left when the process was killed. Nothing refers
     * to them and nothing serves them; call only while no write can be in progress (at start, holding the data
     * directory). Returns how many were deleted.
     */
    public int removeUnfinished() {
        if (!Files.isDirectory(root)) return 0;
        int removed = 0;
        try (var datasets = Files.list(root)) {
            for (Path dir : (Iterable<Path>) datasets::iterator) {
                if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(f,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            Files.delete(f);
                            removed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot clean up the blob directory " + root + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return removed;
    }

    /** Deletes one blob (an upload refused or not recorded, an expired version); a failure leaves an unused file. */
    public void delete(String dataset, String blob) {
        try {
            Files.deleteIfExists(path(dataset, blob));
        } catch (IOException e) {
            // nothing refers to it: an unused sealed file, harmless
        }
    }

    /** Deletes every blob of a dataset (after its key was destroyed: the files are unreadable anyway). */
    public void deleteAll(String dataset) {
        Path dir = root.resolve(dataset);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new WardenException(ErrorCode.UNAVAILABLE, "cannot delete the blobs of " + dataset);
        }
    }

    Path path(String dataset, String blob) {
        // both are validated names (Names.dataset, 32 hex digits): no separators, no "..", so never outside root
        return root.resolve(dataset).resolve(blob + ".sealed");
    }

    /** A channel that counts and hashes what passes and refuses to pass more than a limit. */
    private static final class Counting implements ReadableByteChannel {
        private final ReadableByteChannel in;
        private final long max;
        private final MessageDigest digest;
        private long size;

        Counting(ReadableByteChannel in, long max) {
            this.in = in;
            this.max = max;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int start = dst.position();
            int n = in.read(dst);
            if (n > 0) {
                size += n;
                if (size > max) {
                    throw new WardenException(ErrorCode.TOO_LARGE, "the upload is larger than the limit of " + max
                            + " bytes");
                }
                digest.update(dst.duplicate().position(start).limit(start + n));
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
