package io.warden.crypto.tlog;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code tlog-checkpoint}: the text a log signs to commit to its tree head.
 *
 * <pre>
 * audit.example.com/warden                       origin: the log's identity, and the name of its signing key
 * 20852163                                       tree size, decimal, no leading zeros
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=   root hash, standard base64
 * </pre>
 *
 * followed by optional non-empty extension lines, each line ending in a newline. {@link #sign} and {@link #open} wrap
 * it in a {@link SignedNote}; {@link #open} also requires the origin to be the verifying key's name, so that one log's
 * key cannot vouch for another log's checkpoint.
 *
 * @param origin non-empty, without control characters
 * @param size the tree size
 * @param root the 32-byte root hash
 * @param extensions extension lines (not recommended by the specification), each non-empty
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
    public Checkpoint {
        requireNonNull(origin, "origin");
        requireNonNull(root, "root");
        if (!isLine(origin)) throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        if (size < 0) throw new IllegalArgumentException("a tree size is never negative");
        if (root.length != MerkleHashes.HASH_BYTES) throw new IllegalArgumentException("a root hash has 32 bytes");
        root = root.clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (!isLine(e)) throw new IllegalArgumentException("an extension is one non-empty line");
        }
    }

    /** The checkpoint of {@code head} for the log named {@code origin}, without extensions. */
    public static Checkpoint of(String origin, TreeHead head) {
        return new Checkpoint(origin, head.size(), head.root(), List.of());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The tree size and root. */
    public TreeHead treeHead() {
        return new TreeHead(size, root);
    }

    /** The note text: origin, size, root, extensions, each line ending in a newline. */
    public String text() {
        StringBuilder b = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        for (String e : extensions) b.append(e).append('\n');
        return b.toString();
    }

    /**
     * Reads a checkpoint's note text, strictly.
     *
     * @throws WardenException MALFORMED_INPUT naming what is wrong
     */
    public static Checkpoint parse(String text) {
        requireNonNull(text, "text");
        if (!text.endsWith("\n")) throw malformed("its text does not end in a newline");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) throw malformed("it has fewer than 3 lines");
        for (int i = 0; i < lines.length; i++) {
            if (!isLine(lines[i])) throw malformed("line " + (i + 1) + " is empty or has a control character");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) throw malformed("its size is not a decimal number");
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw malformed("its size is too large");
        }
        byte[] root = NoteFormat.base64(lines[2]);
        if (root == null || root.length != MerkleHashes.HASH_BYTES) throw malformed("its root is not a base64 SHA-256 hash");
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    }

    /** The signed note of this checkpoint; {@code signer}'s name must be the origin. */
    public byte[] sign(NoteSigner signer) {
        if (!signer.name().equals(origin)) {
            throw new IllegalArgumentException("the key " + signer.name() + " does not belong to the log " + origin);
        }
        return SignedNote.sign(text(), List.of(signer));
    }

    /**
     * Verifies {@code signedNote} with {@code key} and reads the checkpoint in it.
     *
     * @throws WardenException MALFORMED_INPUT for a malformed note or checkpoint; VERIFICATION_FAILED when the
     *     signature does not verify, {@code key} did not sign, or the origin is not {@code key}'s name
     */
    public static Checkpoint open(byte[] signedNote, NoteVerifier key) {
        Checkpoint c = parse(SignedNote.open(signedNote, List.of(key)));
        if (!c.origin.equals(key.name())) {
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, "checkpoint of the log " + c.origin
                    + " is signed by the key of " + key.name());
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size && Arrays.equals(c.root, root)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + Base64.getEncoder().encodeToString(root) + "]";
    }

    private static boolean isLine(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20) return false;
        return true;
    }

    private static WardenException malformed(String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "malformed checkpoint: " + why);
    }
}
