package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of an RFC 6962 / RFC 9162 (§2.1) Merkle tree over SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || entry)}, an inner node as {@code SHA-256(0x01 || left || right)}, the empty tree as
 * {@code SHA-256()}.
 *
 * <p>The prefixes keep a leaf from being passed off as an inner node (second-preimage resistance).
 */
public final class MerkleHashes {
    /** Bytes in every hash: 32 (SHA-256). */
    public static final int HASH_BYTES = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashes::newDigest);

    private MerkleHashes() {}

    /** The hash of the leaf holding {@code entry}: {@code SHA-256(0x00 || entry)}. */
    public static byte[] leafHash(byte[] entry) {
        requireNonNull(entry, "entry");
        MessageDigest d = SHA256.get();
        d.update((byte) 0x00);
        return d.digest(entry);
    }

    /** The hash of the inner node over {@code left} and {@code right}: {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireNonNull(left, "left");
        requireNonNull(right, "right");
        MessageDigest d = SHA256.get();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    /** The root of the tree of size 0: {@code SHA-256()} of no bytes. */
    public static byte[] emptyRoot() {
        return SHA256.get().digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
