package io.warden.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.Keyring;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    /** Ciphertext segment size of Tink's AES-GCM-HKDF 1 MiB segments, and the plaintext in the first segment. */
    private static final int SEGMENT = 1 << 20;
    private static final int FIRST_PLAIN = SEGMENT - 40 - 16;
    private static final int PLAIN = SEGMENT - 16;

    @TempDir
    Path dir;

    private final Keyring keyring = Keyring.generate().addDataset("customers", NOW);

    @Test
    void sealThenUnseal_givesTheSameBytes_atEverySizeAroundSegmentBoundaries() throws IOException {
        for (int size : new int[] {0, 1, 4095, FIRST_PLAIN - 1, FIRST_PLAIN, FIRST_PLAIN + 1, FIRST_PLAIN + PLAIN,
                FIRST_PLAIN + 2 * PLAIN + 12345}) {
            byte[] data = random(size, size);
            Path in = Files.write(dir.resolve("in" + size), data);
            Path sealed = dir.resolve("s" + size);
            SealHeader h = Sealer.seal(in, sealed, keyring, "customers", null, x -> { });
            assertThat(h.keyVersion()).isEqualTo(1);
            Path out = dir.resolve("out" + size);
            Sealer.unseal(sealed, out, keyring, Sealer.Expect.NOTHING, x -> { });
            assertThat(Files.readAllBytes(out)).as("size %d", size).isEqualTo(data);
            assertThat(Files.size(sealed)).isGreaterThan(size);
        }
    }

    /**
     * Streams that hand over a few bytes per read (an upload over the network), at sizes around the reader's first
     * 64 KiB buffer and the segment boundaries; the output is the same file as sealing from a file gives, opened both
     * into a file and as a stream (a download), and a rewrap keeps the content.
     */
    @Test
    void sealFromATricklingStream_unsealToAFileAndAStream_atSizesAroundBufferAndSegmentBoundaries() throws IOException {
        for (int size : new int[] {0, 1, 1024, (64 << 10) - 1, 64 << 10, (64 << 10) + 1, FIRST_PLAIN - 1, FIRST_PLAIN,
                FIRST_PLAIN + 1, FIRST_PLAIN + PLAIN, FIRST_PLAIN + PLAIN + 70_000}) {
            byte[] data = random(size, 7 + size);
            Random chunks = new Random(size);
            int[] at = {0};
            java.nio.channels.ReadableByteChannel trickle = new java.nio.channels.ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) {
                    if (at[0] == data.length) return -1;
                    int n = Math.min(Math.min(dst.remaining(), 1 + chunks.nextInt(20_000)), data.length - at[0]);
                    dst.put(data, at[0], n);
                    at[0] += n;
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {}
            };
            Path sealed = dir.resolve("t" + size);
            Sealer.seal(trickle, "the stream", sealed, keyring, "customers", null, x -> { });
            Path out = dir.resolve("t-out" + size);
            Sealer.unseal(sealed, out, keyring, Sealer.Expect.NOTHING, x -> { });
            assertThat(Files.readAllBytes(out)).as("size %d", size).isEqualTo(data);
            java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
            Sealer.unseal(sealed, java.nio.channels.Channels.newChannel(streamed), "the download", keyring,
                    Sealer.Expect.NOTHING);
            assertThat(streamed.toByteArray()).as("streamed, size %d", size).isEqualTo(data);
        }
        Path sealed = dir.resolve("t" + (FIRST_PLAIN + PLAIN + 70_000));
        Keyring rotated = keyring.rotateDataset("customers", NOW);
        Sealer.rewrap(sealed, rotated, x -> { });
        Path out = dir.resolve("rewrapped");
        assertThat(Sealer.unseal(sealed, out, rotated, Sealer.Expect.NOTHING, x -> { }).keyVersion()).isEqualTo(2);
        assertThat(Files.readAllBytes(out)).isEqualTo(random(FIRST_PLAIN + PLAIN + 70_000, 7 + FIRST_PLAIN + PLAIN
                + 70_000));
    }

    @Test
    void theCiphertext_isTinksStreamingFormat_bothWays() throws Exception {
        var key = keyring.dataset("customers");
        var aead = key.streamingAead(key.primary());
        for (int size : new int[] {0, 5, FIRST_PLAIN, FIRST_PLAIN + PLAIN, FIRST_PLAIN + PLAIN + 3}) {
            byte[] data = random(size, 100 + size);
            Path sealed = seal(data, null);
            byte[] file = Files.readAllBytes(sealed);
            byte[] ad = Arrays.copyOf(file, 69);
            // Warden's segments opened by Tink's own decrypting stream
            try (var in = aead.newDecryptingStream(new java.io.ByteArrayInputStream(file, 69, file.length - 69), ad)) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(data);
            } catch (java.io.IOException e) {
                throw new AssertionError("Tink cannot open Warden's " + size + " bytes", e);
            }
            // Tink's own encrypting stream opened by Warden
            var bytes = new java.io.ByteArrayOutputStream();
            bytes.write(ad);
            try (var out = aead.newEncryptingStream(bytes, ad)) {
                out.write(data);
            }
            Path tinkMade = Files.write(dir.resolve("tink" + size), bytes.toByteArray());
            Path out = dir.resolve("tink-out" + size);
            Sealer.unseal(tinkMade, out, keyring, Sealer.Expect.NOTHING, h -> { });
            assertThat(Files.readAllBytes(out)).isEqualTo(data);
        }
    }

    @Test
    void header_isLaidOutAsDocumented_andIsTheFilesPrefix() throws IOException {
        byte[] digest = sha256("manifest");
        Path sealed = seal(random(10, 1), digest);
        byte[] bytes = Files.readAllBytes(sealed);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[8];
        b.get(magic);
        assertThat(magic).containsExactly(0x89, 'W', 'S', 'E', 'A', 'L', '\r', '\n');
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.getShort()).isEqualTo((short) (8 + 4 + 4 + 32 + 1 + "customers".length()));
        byte[] id = new byte[8];
        b.get(id);
        assertThat(HexFormat.of().formatHex(id)).isEqualTo(keyring.id());
        assertThat(b.getInt()).isEqualTo(keyring.dataset("customers").primary().keyId());
        assertThat(b.getInt()).isEqualTo(1);
        byte[] d = new byte[32];
        b.get(d);
        assertThat(d).isEqualTo(digest);
        assertThat(b.get()).isEqualTo((byte) 9);
        byte[] name = new byte[9];
        b.get(name);
        assertThat(new String(name, StandardCharsets.US_ASCII)).isEqualTo("customers");
        // then Tink's streaming header: its length byte (40), a 32-byte salt and a 7-byte nonce prefix
        assertThat(b.get()).isEqualTo((byte) 40);
        assertThat(Sealer.inspect(sealed).manifestDigest()).isEqualTo(digest);
        assertThat(bytes.length).isEqualTo(b.position() - 1 + 40 + 10 + 16);
    }

    @Test
    void everySingleBitFlip_releasesNothing() throws IOException {
        byte[] data = random(FIRST_PLAIN + PLAIN + 100, 2);
        Path sealed = seal(data, null);
        byte[] original = Files.readAllBytes(sealed);
        int headerEnd = 11 + 49 + 9;
        // every byte of the header, and a sample across the ciphertext including the tags at segment ends
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < headerEnd + 40; i++) positions.add(i);
        for (int i : new int[] {SEGMENT + headerEnd - 1, SEGMENT + headerEnd, original.length - 1, original.length - 16,
                original.length / 2}) {
            positions.add(i);
        }
        Random random = new Random(3);
        for (int k = 0; k < 40; k++) positions.add(headerEnd + random.nextInt(original.length - headerEnd));
        for (int at : positions) {
            byte[] bent = original.clone();
            bent[at] ^= (byte) (1 << random.nextInt(8));
            Path file = Files.write(dir.resolve("bent"), bent);
            Path out = dir.resolve("out.bin");
            assertThatThrownBy(() -> Sealer.unseal(file, out, keyring, Sealer.Expect.NOTHING, x -> { }))
                    .as("flip at %d", at).isInstanceOf(WardenException.class)
                    .satisfies(e -> assertThat(((WardenException) e).code()).isIn(ErrorCode.VERIFICATION_FAILED,
                            ErrorCode.MALFORMED_INPUT, ErrorCode.BAD_KEY));
            assertNothingWritten(out);
        }
    }

    @Test
    void truncation_atAnyPoint_isDetected() throws IOException {
        byte[] data = random(FIRST_PLAIN + 2 * PLAIN + 5000, 4);
        Path sealed = seal(data, null);
        byte[] original = Files.readAllBytes(sealed);
        int headerEnd = 69;
        for (int cut : new int[] {headerEnd + 1, headerEnd + 40, headerEnd + SEGMENT, headerEnd + SEGMENT - 1,
                headerEnd + 2 * SEGMENT, original.length - 1, original.length - 17}) {
            Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(original, cut));
            Path out = dir.resolve("out.bin");
            WardenException e = unsealError(file, out);
            assertThat(e.code()).as("cut at %d", cut).isEqualTo(ErrorCode.VERIFICATION_FAILED);
            assertThat(e.getMessage()).contains("fails authentication").contains("nothing was written");
            assertNothingWritten(out);
        }
        Path inHeader = Files.write(dir.resolve("short"), Arrays.copyOf(original, 30));
        assertThat(unsealError(inHeader, dir.resolve("o")).code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
        Path longer = Files.write(dir.resolve("longer"), concat(original, new byte[] {0}));
        assertThat(unsealError(longer, dir.resolve("o")).code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
    }

    @Test
    void reorderedSegments_areDetected() throws IOException {
        Path sealed = seal(random(FIRST_PLAIN + 2 * PLAIN + 10, 5), null);
        byte[] b = Files.readAllBytes(sealed);
        int start = 69 + SEGMENT; // the second ciphertext segment starts one full segment after Tink's header begins
        byte[] swapped = b.clone();
        System.arraycopy(b, start, swapped, start + SEGMENT, SEGMENT);
        System.arraycopy(b, start + SEGMENT, swapped, start, SEGMENT);
        Path file = Files.write(dir.resolve("swapped"), swapped);
        WardenException e = unsealError(file, dir.resolve("out"));
        assertThat(e.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
        assertThat(e.getMessage()).contains("fails authentication");
    }

    @Test
    void headerSwaps_betweenFiles_areDetected() throws IOException {
        Keyring two = keyring.addDataset("vendors", NOW);
        Path a = dir.resolve("a.sealed");
        Path b = dir.resolve("b.sealed");
        Sealer.seal(Files.write(dir.resolve("a"), random(5000, 6)), a, two, "customers", sha256("m1"), x -> { });
        Sealer.seal(Files.write(dir.resolve("b"), random(5000, 7)), b, two, "customers", sha256("m2"), x -> { });
        Sealer.seal(Files.write(dir.resolve("c"), random(5000, 8)), dir.resolve("c.sealed"), two, "vendors", null,
                x -> { });
        byte[] ha = Files.readAllBytes(a);
        byte[] hb = Files.readAllBytes(b);
        // a's header (bound to manifest m1) on b's body: the body's associated data was b's header
        byte[] mixed = concat(Arrays.copyOf(ha, 69), Arrays.copyOfRange(hb, 69, hb.length));
        WardenException e = unsealError(Files.write(dir.resolve("mixed"), mixed), dir.resolve("out"), two);
        assertThat(e.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
        // a well-formed header naming another dataset, on a's body: opened with the wrong key, it fails to authenticate
        byte[] header = new SealHeader(two.id(), "vendors", two.dataset("vendors").primary().keyId(), 1, sha256("m1"))
                .encode();
        byte[] forged = concat(header, Arrays.copyOfRange(ha, 69, ha.length));
        assertThat(unsealError(Files.write(dir.resolve("forged"), forged), dir.resolve("out"), two).code())
                .isEqualTo(ErrorCode.VERIFICATION_FAILED);
    }

    @Test
    void fileFromAnotherKeyring_isNamedAsSuch() throws IOException {
        Path sealed = seal(random(100, 9), null);
        Keyring other = Keyring.generate().addDataset("customers", NOW);
        WardenException e = unsealError(sealed, dir.resolve("out"), other);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).contains("was sealed under keyring " + keyring.id() + ", not this one (" + other.id());
    }

    @Test
    void rotation_oldFilesStillOpen_newFilesUseTheNewVersion_rewrapMovesThem() throws IOException {
        byte[] data = random(FIRST_PLAIN + 77, 10);
        Path old = seal(data, sha256("m"));
        Keyring rotated = keyring.rotateDataset("customers", NOW);
        Path out = dir.resolve("out");
        assertThat(Sealer.unseal(old, out, rotated, Sealer.Expect.NOTHING, x -> { }).keyVersion()).isEqualTo(1);
        assertThat(Files.readAllBytes(out)).isEqualTo(data);

        SealHeader fresh = Sealer.seal(Files.write(dir.resolve("n"), data), dir.resolve("n.sealed"), rotated,
                "customers", null, x -> { });
        assertThat(fresh.keyVersion()).isEqualTo(2);

        SealHeader moved = Sealer.rewrap(old, rotated, x -> { });
        assertThat(moved.keyVersion()).isEqualTo(2);
        assertThat(moved.manifestDigest()).isEqualTo(sha256("m"));
        assertThat(Sealer.rewrap(old, rotated, x -> { })).isEqualTo(moved);
        Keyring strict = rotated.withMinDecryptionVersion("customers", 2);
        Files.delete(out);
        Sealer.unseal(old, out, strict, Sealer.Expect.NOTHING, x -> { });
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
        assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void minimumDecryptionVersion_refusesOlderFiles_untilLowered() throws IOException {
        Path old = seal(random(100, 11), null);
        Keyring strict = keyring.rotateDataset("customers", NOW).withMinDecryptionVersion("customers", 2);
        WardenException e = unsealError(old, dir.resolve("out"), strict);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).contains("version 1 of its key is below the minimum decryption version 2");
        assertThatThrownBy(() -> Sealer.rewrap(old, strict, x -> { })).hasMessageContaining("below the minimum");
        Keyring lowered = strict.withMinDecryptionVersion("customers", 1);
        Sealer.unseal(old, dir.resolve("out"), lowered, Sealer.Expect.NOTHING, x -> { });
        assertThat(dir.resolve("out")).exists();
    }

    @Test
    void destroyedKey_saysSoPlainly_andReleasesNothing() throws IOException {
        Path sealed = seal(random(100, 12), null);
        Keyring shredded = keyring.destroyDataset("customers", NOW);
        WardenException e = unsealError(sealed, dir.resolve("out"), shredded);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).isEqualTo("the key of dataset customers was destroyed on 2026-11-22T10:00:00Z: data "
                + "sealed under it cannot be opened by anyone");
        assertNothingWritten(dir.resolve("out"));
        assertThatThrownBy(() -> shredded.addDataset("customers", NOW)).hasMessageContaining("ids are never reused");
    }

    @Test
    void expectations_onDatasetAndManifest_areChecked() throws IOException {
        Path sealed = seal(random(100, 13), sha256("the manifest"));
        WardenException e = expectError(sealed, new Sealer.Expect("vendors", null));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).contains("holds dataset customers, not vendors");
        e = expectError(sealed, new Sealer.Expect(null, sha256("another manifest")));
        assertThat(e.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
        assertThat(e.getMessage()).contains("is bound to another manifest");
        Path unbound = seal(random(100, 14), null);
        assertThat(expectError(unbound, new Sealer.Expect(null, sha256("x"))).getMessage()).contains("bound to no manifest");
        Sealer.unseal(sealed, dir.resolve("ok"), keyring, new Sealer.Expect("customers", sha256("the manifest")), x -> { });
        assertThat(dir.resolve("ok")).exists();
    }

    @Test
    void notSealedFiles_hostileHeaders_andBadPaths_areOneLineErrors() throws IOException {
        byte[] junk = random(5000, 15);
        assertThat(unsealError(Files.write(dir.resolve("junk"), junk), dir.resolve("o")).getMessage())
                .contains("not a Warden sealed file (no sealed-file magic)");
        assertThat(unsealError(Files.write(dir.resolve("empty"), new byte[0]), dir.resolve("o")).getMessage())
                .contains("(truncated header)");
        byte[] header = Files.readAllBytes(seal(random(10, 16), null));
        byte[] v2 = header.clone();
        v2[8] = 2;
        assertThat(unsealError(Files.write(dir.resolve("v2"), v2), dir.resolve("o")).getMessage())
                .contains("sealed-file format version 2 (this build reads 1)");
        byte[] hugeLength = header.clone();
        hugeLength[9] = (byte) 0xFF;
        hugeLength[10] = (byte) 0xFF;
        assertThat(unsealError(Files.write(dir.resolve("len"), hugeLength), dir.resolve("o")).getMessage())
                .contains("bad header length");
        byte[] badId = header.clone();
        badId[60] = '/';
        assertThat(unsealError(Files.write(dir.resolve("id"), badId), dir.resolve("o")).getMessage())
                .contains("bad header fields");
        WardenException missing = unsealError(dir.resolve("nope"), dir.resolve("o"));
        assertThat(missing.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND);
        assertThat(unsealError(dir, dir.resolve("o")).getMessage()).contains("is a directory");
        Path sealed = seal(random(10, 17), null);
        assertThat(unsealError(sealed, sealed).code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(unsealError(sealed, dir.resolve("no/such/dir/out")).code()).isEqualTo(ErrorCode.OUTPUT_FAILED);
        assertThatThrownBy(() -> Sealer.seal(dir.resolve("nope"), dir.resolve("x"), keyring, "customers", null, h -> { }))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> Sealer.seal(sealed, dir.resolve("x"), keyring, "vendors", null, h -> { }))
                .hasMessageContaining("has no key for dataset vendors");
    }

    @Test
    void aFailingBeforeCommit_leavesNoOutput() throws IOException {
        Path in = Files.write(dir.resolve("in"), random(1000, 18));
        Path sealed = dir.resolve("s");
        assertThatThrownBy(() -> Sealer.seal(in, sealed, keyring, "customers", null, h -> {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "log unavailable");
        })).hasMessage("log unavailable");
        assertNothingWritten(sealed);
        Sealer.seal(in, sealed, keyring, "customers", null, h -> { });
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> Sealer.unseal(sealed, out, keyring, Sealer.Expect.NOTHING, h -> {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "log unavailable");
        })).hasMessage("log unavailable");
        assertNothingWritten(out);
    }

    private Path seal(byte[] data, byte[] manifestDigest) throws IOException {
        Path in = Files.write(Files.createTempFile(dir, "plain", ".bin"), data);
        Path sealed = dir.resolve(in.getFileName() + ".sealed");
        Sealer.seal(in, sealed, keyring, "customers", manifestDigest, h -> { });
        return sealed;
    }

    private WardenException unsealError(Path file, Path out) {
        return unsealError(file, out, keyring);
    }

    private WardenException unsealError(Path file, Path out, Keyring k) {
        try {
            Sealer.unseal(file, out, k, Sealer.Expect.NOTHING, h -> { });
        } catch (WardenException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("unseal did not fail: " + file.getFileName());
    }

    private WardenException expectError(Path file, Sealer.Expect expect) {
        try {
            Sealer.unseal(file, dir.resolve("exp.out"), keyring, expect, h -> { });
        } catch (WardenException e) {
            assertNothingWritten(dir.resolve("exp.out"));
            return e;
        }
        throw new AssertionError("unseal did not fail");
    }

    private void assertNothingWritten(Path out) {
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
