package io.warden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.daead.AesSivKey;
import com.google.crypto.tink.prf.HmacPrfKey;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
    private static final byte[] AD = "email".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "jane@example.com".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void writeThenRead_givesTheSameKeys_andAnOwnerOnlyFile() throws Exception {
        Keyring keyring = Keyring.generate();
        Path file = dir.resolve("keyring.json");
        keyring.writeInsecurePlaintext(file);

        Keyring read = Keyring.readInsecurePlaintext(file);
        assertThat(read.prf().compute(VALUE, 32)).isEqualTo(keyring.prf().compute(VALUE, 32));
        byte[] token = keyring.deterministicAead().encryptDeterministically(VALUE, AD);
        assertThat(read.deterministicAead().encryptDeterministically(VALUE, AD)).isEqualTo(token);
        assertThat(read.deterministicAead().decryptDeterministically(token, AD)).isEqualTo(VALUE);
        assertThat(read.prfKeyIds()).isEqualTo(keyring.prfKeyIds());
        assertThat(read.deriveKey("warden/test", 32).equalsSecretBytes(keyring.deriveKey("warden/test", 32))).isTrue();

        String json = Files.readString(file);
        assertThat(json).contains("\"format\" : \"warden-keyring\"", "\"version\" : 2",
                "\"provider\" : \"insecure-plaintext\"", "\"kek\"", "\"prf\"", "\"daead\"", "\"id\" : \"" + keyring.id());
        assertThat(read.id()).isEqualTo(keyring.id());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(dir.toFile().list()).containsExactly("keyring.json");
    }

    @Test
    void generate_twice_givesDifferentKeys() throws Exception {
        Keyring a = Keyring.generate();
        Keyring b = Keyring.generate();
        assertThat(a.prf().compute(VALUE, 32)).isNotEqualTo(b.prf().compute(VALUE, 32));
        assertThatThrownBy(() -> b.deterministicAead().decryptDeterministically(
                a.deterministicAead().encryptDeterministically(VALUE, AD), AD))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rotate_addsNewPrimaries_andOldTokensStillDecrypt() throws Exception {
        Keyring old = Keyring.generate();
        Keyring rotated = old.rotate();
        byte[] oldToken = old.deterministicAead().encryptDeterministically(VALUE, AD);

        assertThat(rotated.deterministicAead().decryptDeterministically(oldToken, AD)).isEqualTo(VALUE);
        assertThat(rotated.deterministicAead().encryptDeterministically(VALUE, AD)).isNotEqualTo(oldToken);
        assertThat(rotated.prf().compute(VALUE, 32)).isNotEqualTo(old.prf().compute(VALUE, 32));
        assertThat(rotated.prfKeyIds()).hasSize(2).startsWith(old.prfPrimaryKeyId())
                .contains(rotated.prfPrimaryKeyId());
        assertThat(rotated.prfPrimaryKeyId()).isNotEqualTo(old.prfPrimaryKeyId());
        // the old PRF key stays reachable by id, e.g. for values protected with FPE before the rotation
        assertThat(rotated.deriveKey("warden/test", 32, old.prfPrimaryKeyId())
                .equalsSecretBytes(old.deriveKey("warden/test", 32))).isTrue();
        assertThat(old.deterministicAead().encryptDeterministically(VALUE, AD)).isEqualTo(oldToken);
    }

    @Test
    void rotate_survivesTheFileRoundTrip() throws Exception {
        Keyring old = Keyring.generate();
        byte[] oldToken = old.deterministicAead().encryptDeterministically(VALUE, AD);
        Path file = dir.resolve("k.json");
        old.rotate().writeInsecurePlaintext(file);
        Keyring read = Keyring.readInsecurePlaintext(file);
        assertThat(read.deterministicAead().decryptDeterministically(oldToken, AD)).isEqualTo(VALUE);
        assertThat(read.prfKeyIds()).hasSize(2);
    }

    @Test
    void deriveKey_isTheDocumentedSp800108CounterModeKdf() throws Exception {
        Keyring keyring = Keyring.generate();
        byte[] prfKey = ((HmacPrfKey) keyring.prfKeyset().getPrimary().getKey()).getKeyBytes()
                .toByteArray(InsecureSecretKeyAccess.get());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prfKey, "HmacSHA256"));
        byte[] label = "warden/fpe/ff1".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[48];
        for (int i = 1; i <= 2; i++) {
            byte[] input = ByteBuffer.allocate(4 + label.length + 1 + 4)
                    .putInt(i).put(label).put((byte) 0).putInt(48 * 8).array();
            byte[] block = mac.doFinal(input);
            System.arraycopy(block, 0, expected, (i - 1) * 32, Math.min(32, 48 - (i - 1) * 32));
        }
        assertThat(keyring.deriveKey("warden/fpe/ff1", 48).toByteArray(InsecureSecretKeyAccess.get()))
                .isEqualTo(expected);
    }

    @Test
    void deriveKey_separatesPurposesLengthsAndKeyrings() {
        Keyring keyring = Keyring.generate();
        byte[] a32 = raw(keyring.deriveKey("a", 32));
        assertThat(raw(keyring.deriveKey("a", 32))).isEqualTo(a32);
        assertThat(raw(keyring.deriveKey("b", 32))).isNotEqualTo(a32);
        assertThat(raw(keyring.deriveKey("a", 16))).isNotEqualTo(Arrays.copyOf(a32, 16));
        assertThat(raw(Keyring.generate().deriveKey("a", 32))).isNotEqualTo(a32);
        assertThat(keyring.deriveKey("a", 64).size()).isEqualTo(64);
    }

    @Test
    void deriveKey_badArguments_areRejected() {
        Keyring keyring = Keyring.generate();
        assertThatThrownBy(() -> keyring.deriveKey("", 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> keyring.deriveKey("a\0b", 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keyring.deriveKey("a", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> keyring.deriveKey("a", 65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keyring.deriveKey("a", 32, keyring.prfPrimaryKeyId() + 1))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY))
                .hasMessageStartingWith("keyring: no PRF key with id");
    }

    @Test
    void read_missingFile_orDirectory_isBadKey() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertError(missing, ErrorCode.BAD_KEY, "keyring " + missing + ": no such file");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertError(sub, ErrorCode.BAD_KEY, "keyring " + sub + ": not a regular file");
    }

    @Test
    void read_notAKeyring_isMalformedInput() throws IOException {
        assertError(write("empty", new byte[0]), ErrorCode.MALFORMED_INPUT, "(not a JSON object)");
        assertError(write("text", "hello world".getBytes(StandardCharsets.UTF_8)), ErrorCode.MALFORMED_INPUT,
                "(not valid JSON)");
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        assertError(write("binary", binary), ErrorCode.MALFORMED_INPUT, "(not valid JSON)");
        assertError(write("array", "[1,2]".getBytes(StandardCharsets.UTF_8)), ErrorCode.MALFORMED_INPUT,
                "(not a JSON object)");
        assertError(writeJson("other", "{\"format\":\"jwk\",\"version\":1}"), ErrorCode.MALFORMED_INPUT,
                "(\"format\" is not \"warden-keyring\")");
        assertError(writeJson("noversion", "{\"format\":\"warden-keyring\"}"), ErrorCode.MALFORMED_INPUT,
                "(\"version\" is missing or not a whole number)");
        assertError(writeJson("dup", "{\"format\":\"warden-keyring\",\"format\":\"warden-keyring\"}"),
                ErrorCode.MALFORMED_INPUT, "(not valid JSON)");
    }

    @Test
    void read_truncatedFile_isMalformed_andQuotesNoKeyMaterial() throws IOException {
        Path good = dir.resolve("good.json");
        Keyring.generate().writeInsecurePlaintext(good);
        byte[] bytes = Files.readAllBytes(good);
        for (int cut : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 5}) {
            Path truncated = write("cut" + cut, Arrays.copyOf(bytes, cut));
            WardenException e = readError(truncated);
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
            assertThat(e.getMessage()).endsWith("(truncated JSON)");
            assertNoKeyMaterial(e.getMessage(), good);
        }
    }

    @Test
    void read_unsupportedVersionOrProvider_isBadKey() throws IOException {
        Path good = dir.resolve("good.json");
        Keyring.generate().writeInsecurePlaintext(good);
        String json = Files.readString(good);
        assertError(writeJson("v3", json.replace("\"version\" : 2", "\"version\" : 3")), ErrorCode.BAD_KEY,
                "keyring version 3 is not supported (this build reads 2)");
        assertError(writeJson("hsm", json.replace("insecure-plaintext", "hsm-x")), ErrorCode.BAD_KEY,
                "its master key provider \"hsm-x\" is not available here (known: insecure-plaintext)");
        assertError(writeJson("weird", json.replace("insecure-plaintext", "x y\\nz")), ErrorCode.BAD_KEY,
                "its master key provider (unknown) is not available here");
        Path pass = writeJson("pass", json.replace("insecure-plaintext", "passphrase-argon2id"));
        assertThatThrownBy(() -> Keyring.read(pass, () -> null)).isInstanceOf(WardenException.class)
                .hasMessageContaining("master.kdf is not argon2id");
    }

    @Test
    void read_keysetsOfTheWrongKind_orBroken_isBadKey() throws IOException {
        Path good = dir.resolve("good.json");
        Keyring.generate().writeInsecurePlaintext(good);
        String json = Files.readString(good);
        // prf and daead are wrapped with their role as associated data: swapping them is detected as an alteration
        String swapped = json.replace("\"prf\" :", "\"tmp\" :").replace("\"daead\" :", "\"prf\" :")
                .replace("\"tmp\" :", "\"daead\" :");
        WardenException e = readError(writeJson("swapped", swapped));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).contains("keyset \"prf\" was altered");
        assertNoKeyMaterial(e.getMessage(), good);

        String value = keyValues(good).get(0);
        e = readError(writeJson("broken", json.replace(value, "AAAA" + value.substring(4, value.length() / 2))));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY);
        assertThat(e.getMessage()).endsWith("keyset \"kek\" holds a damaged key");
        assertNoKeyMaterial(e.getMessage(), good);

        assertError(writeJson("empty", "{\"format\":\"warden-keyring\",\"version\":2,\"id\":\"0123456789abcdef\","
                + "\"master\":{\"provider\":\"insecure-plaintext\"},\"kek\":{\"primaryKeyId\":1,\"key\":[]}}"),
                ErrorCode.BAD_KEY, "keyset \"kek\" is not a valid Tink keyset");
        assertError(writeJson("nodaead", json.replace("\"daead\" :", "\"other\" :")), ErrorCode.MALFORMED_INPUT,
                "(keyset \"daead\" is missing)");
        assertError(writeJson("badid", json.replaceFirst("\"id\" : \"[0-9a-f]+\"", "\"id\" : \"xyz\"")),
                ErrorCode.MALFORMED_INPUT, "(\"id\" is not 16 hex digits)");
        // another id changes the associated data of every wrapped keyset
        assertError(writeJson("otherid", json.replaceFirst("\"id\" : \"[0-9a-f]+\"", "\"id\" : \"0123456789abcdef\"")),
                ErrorCode.BAD_KEY, "keyset \"prf\" was altered");
    }

    @Test
    void read_noValidPrimary_isBadKey() throws IOException {
        // found by a Jazzer run: a primaryKeyId naming no key made Tink throw IllegalStateException
        Path good = dir.resolve("good.json");
        Keyring.generate().writeInsecurePlaintext(good);
        String json = Files.readString(good);
        String noPrimary = json.replaceFirst("\"primaryKeyId\" : \\d+", "\"primaryKeyId\" : 7");
        assertError(writeJson("noprimary", noPrimary), ErrorCode.BAD_KEY, "the kek keyset has no valid primary key");
    }

    @Test
    void read_mutatedKeyrings_giveAKeyringOrAOneLineUserError() throws IOException {
        // property-style: seeded byte flips, cuts and insertions of a real keyring file; never another exception
        Path good = dir.resolve("good.json");
        Keyring.generate().rotate().writeInsecurePlaintext(good);
        byte[] original = Files.readAllBytes(good);
        Random random = new Random(1234);
        byte[] alphabet = "{}[]\",:0123456789 \nabcdefAEIQTRUxyz-_+/=\\".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("mutated.json");
        for (int trial = 0; trial < 1500; trial++) {
            byte[] bytes = original.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> bytes[at] = (byte) random.nextInt(256);
                    case 2 -> bytes = Arrays.copyOf(bytes, at);
                    default -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at);
                        longer[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        bytes = longer;
                    }
                }
                if (bytes.length == 0) break;
            }
            Files.write(file, bytes);
            try {
                assertThat(Keyring.readInsecurePlaintext(file).prfKeyIds()).isNotEmpty();
            } catch (WardenException e) {
                assertThat(e.code().category()).as(e.getMessage()).isEqualTo(ErrorCode.Category.USER);
                assertThat(e.getMessage()).doesNotContain("\n");
                assertNoKeyMaterial(e.getMessage(), good);
            }
        }
    }

    @Test
    void read_hugeFile_isRefusedBeforeParsing() throws IOException {
        Path huge = write("huge", new byte[(16 << 20) + 1]);
        assertError(huge, ErrorCode.MALFORMED_INPUT, "not a Warden keyring (larger than 16 MiB)");
    }

    @Test
    void toString_andErrors_neverShowKeyBytes() throws Exception {
        Keyring keyring = Keyring.generate().rotate();
        Path file = dir.resolve("k.json");
        keyring.writeInsecurePlaintext(file);
        String s = keyring.toString();
        assertThat(s).startsWith("Keyring[" + keyring.id() + "; prf: 2 key(s), primary ").contains("daead: 2 key(s)");
        assertNoKeyMaterial(s, file);
        for (var entry : List.of(keyring.prfKeyset().getPrimary(), keyring.deterministicAeadKeyset().getPrimary())) {
            byte[] raw = entry.getKey() instanceof HmacPrfKey k
                    ? k.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get())
                    : ((AesSivKey) entry.getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
            assertThat(s).doesNotContainIgnoringCase(HexFormat.of().formatHex(raw).substring(0, 16));
            assertThat(s).doesNotContain(Base64.getEncoder().encodeToString(raw).substring(0, 12));
        }
        assertThat(keyring.deriveKey("x", 32).toString()).doesNotContain(
                HexFormat.of().formatHex(raw(keyring.deriveKey("x", 32))).substring(0, 8));
    }

    private void assertError(Path file, ErrorCode code, String messagePart) {
        WardenException e = readError(file);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).startsWith("keyring " + file + ": ").contains(messagePart).doesNotContain("\n");
    }

    private static WardenException readError(Path file) {
        try {
            Keyring.readInsecurePlaintext(file);
        } catch (WardenException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("read did not fail: " + file.getFileName());
    }

    /** The message holds none of the base64 key values of {@code keyringFile}, nor any 12-char piece of them. */
    private static void assertNoKeyMaterial(String message, Path keyringFile) {
        try {
            for (String value : keyValues(keyringFile)) {
                for (int i = 0; i + 12 <= value.length(); i += 6) {
                    assertThat(message).doesNotContain(value.substring(i, i + 12));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> keyValues(Path keyringFile) throws IOException {
        return java.util.regex.Pattern.compile("\"value\" : \"([^\"]+)\"").matcher(Files.readString(keyringFile))
                .results().map(m -> m.group(1)).toList();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name + ".json"), bytes);
    }

    private Path writeJson(String name, String json) throws IOException {
        return write(name, json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] raw(com.google.crypto.tink.util.SecretBytes s) {
        return s.toByteArray(InsecureSecretKeyAccess.get());
    }

    @Test
    void read_unreadableFile_isBadKey() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root ignores permissions").isNotEqualTo("root");
        Path file = dir.resolve("locked.json");
        Keyring.generate().writeInsecurePlaintext(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertError(file, ErrorCode.BAD_KEY, "permission denied");
    }
}
