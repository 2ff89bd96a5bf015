package io.warden.crypto.seal;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.DatasetKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The cleartext header of a sealed file (format version 1), which is also the associated data of everything after it.
 *
 * <pre>
 * offset size  field
 *  0      8    magic 89 57 53 45 41 4C 0D 0A ("\x89WSEAL\r\n")
 *  8      1    format version, 0x01
 *  9      2    body length N, big-endian (47 + dataset id length)
 * 11      8    keyring id (the keyring's 16 hex digits as 8 bytes)
 * 19      4    key id: Tink id of the dataset key version that sealed the file, big-endian unsigned
 * 23      4    key version (1, 2, ...), big-endian
 * 27     32    manifest digest: SHA-256 of the manifest bound to the data, or 32 zero bytes for none
 * 59      1    dataset id length L (1 to 128)
 * 60      L    dataset id, ASCII
 * </pre>
 *
 * @param keyringId 16 hex digits
 * @param dataset the dataset id
 * @param keyId Tink key id (not secret)
 * @param keyVersion version number of the dataset key
 * @param manifestDigest 32 bytes, or null when no manifest is bound
 */
public record SealHeader(String keyringId, String dataset, int keyId, int keyVersion, byte[] manifestDigest) {
    /** The first 8 bytes of every sealed file. */
    static final byte[] MAGIC = {(byte) 0x89, 'W', 'S', 'E', 'A', 'L', '\r', '\n'};
    static final int FORMAT_VERSION = 1;
    private static final int FIXED_BODY = 8 + 4 + 4 + 32 + 1;
    private static final int MAX_BODY = FIXED_BODY + 128;

    public SealHeader {
        requireNonNull(keyringId, "keyringId");
        DatasetKey.checkId(dataset);
        if (!keyringId.matches("[0-9a-f]{16}")) throw new IllegalArgumentException("keyring id is not 16 hex digits");
        if (keyVersion < 1) throw new IllegalArgumentException("key versions start at 1");
        if (manifestDigest != null) {
            if (manifestDigest.length != 32) throw new IllegalArgumentException("a manifest digest has 32 bytes");
            manifestDigest = manifestDigest.clone();
        }
    }

    @Override
    public byte[] manifestDigest() {
        return manifestDigest == null ? null : manifestDigest.clone();
    }

    /** The manifest digest in hex, or null. */
    public String manifestDigestHex() {
        return manifestDigest == null ? null : HexFormat.of().formatHex(manifestDigest);
    }

    /** The header's bytes, exactly as written at the start of the file and used as associated data. */
    public byte[] encode() {
        byte[] id = dataset.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 3 + FIXED_BODY + id.length);
        b.put(MAGIC).put((byte) FORMAT_VERSION).putShort((short) (FIXED_BODY + id.length));
        b.put(HexFormat.of().parseHex(keyringId)).putInt(keyId).putInt(keyVersion);
        b.put(manifestDigest == null ? new byte[32] : manifestDigest);
        b.put((byte) id.length).put(id);
        return b.array();
    }

    /**
     * Reads a header from the start of {@code in}, leaving it positioned at the ciphertext.
     *
     * @param name how to call the file in messages
     * @throws WardenException MALFORMED_INPUT when it is not a sealed file (wrong magic, an unknown format version,
     *     a truncated or inconsistent header)
     */
    public static SealHeader read(ReadableByteChannel in, String name) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 3);
        fill(in, start, name);
        byte[] magic = Arrays.copyOf(start.array(), MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw malformed(name, "no sealed-file magic");
        int version = start.get(MAGIC.length) & 0xFF;
        if (version != FORMAT_VERSION) {
            throw malformed(name, "sealed-file format version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        int length = start.getShort(MAGIC.length + 1) & 0xFFFF;
        if (length <= FIXED_BODY || length > MAX_BODY) throw malformed(name, "bad header length");
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(in, body, name);
        body.flip();
        byte[] keyring = new byte[8];
        body.get(keyring);
        int keyId = body.getInt();
        int keyVersion = body.getInt();
        byte[] digest = new byte[32];
        body.get(digest);
        int idLength = body.get() & 0xFF;
        if (idLength != body.remaining()) throw malformed(name, "bad dataset id length");
        byte[] id = new byte[idLength];
        body.get(id);
        String dataset = new String(id, StandardCharsets.US_ASCII);
        if (!DatasetKey.ID.matcher(dataset).matches() || keyVersion < 1) throw malformed(name, "bad header fields");
        boolean none = Arrays.equals(digest, new byte[32]);
        return new SealHeader(HexFormat.of().formatHex(keyring), dataset, keyId, keyVersion, none ? null : digest);
    }

    private static void fill(ReadableByteChannel in, ByteBuffer b, String name) throws IOException {
        while (b.hasRemaining()) {
            if (in.read(b) < 0) throw malformed(name, "truncated header");
        }
    }

    private static WardenException malformed(String name, String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, name + ": not a Warden sealed file (" + why + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealHeader h && Arrays.equals(encode(), h.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "SealHeader[keyring " + keyringId + ", dataset " + dataset + ", key version " + keyVersion + " (id "
                + Integer.toUnsignedString(keyId) + ")" + (manifestDigest == null ? "" : ", manifest "
                + manifestDigestHex()) + "]";
    }
}
