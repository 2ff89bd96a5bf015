package io.warden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseKeyringTest {
    private static final Passphrase GOOD = Passphrase.of("correct horse battery staple".toCharArray());

    @TempDir
    Path dir;

    private static ErrorCode code(Throwable e) {
        return ((WardenException) e).code();
    }

    @Test
    void argon2id_matchesRfc9106TestVector() {
        // RFC 9106 section 5.3: Argon2id, m = 32 KiB, t = 3, p = 4, P = 32 x 0x01, S = 16 x 0x02, K = 8 x 0x03,
        // X = 12 x 0x04, tag length 32.
        byte[] p = new byte[32];
        Arrays.fill(p, (byte) 1);
        byte[] s = new byte[16];
        Arrays.fill(s, (byte) 2);
        byte[] k = new byte[8];
        Arrays.fill(k, (byte) 3);
        byte[] x = new byte[12];
        Arrays.fill(x, (byte) 4);
        byte[] tag = PassphraseKek.argon2id(p, s, k, x, 32, 3, 4, 32);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void passphraseKeyring_roundTripsAndStoresNoCleartextKeys() throws Exception {
        Keyring k = Keyring.generate();
        Path f = dir.resolve("k.json");
        k.writeWithPassphrase(f, GOOD);
        String text = Files.readString(f);
        assertThat(text).contains("\"provider\" : \"passphrase-argon2id\"").contains("\"memory_kib\" : 19456")
                .contains("encryptedKeyset").doesNotContain("\"value\"");
        Keyring back = Keyring.read(f, () -> Passphrase.of("correct horse battery staple".toCharArray()));
        byte[] a = k.prf().compute("x".getBytes(StandardCharsets.UTF_8), 32);
        byte[] b = back.prf().compute("x".getBytes(StandardCharsets.UTF_8), 32);
        assertThat(b).isEqualTo(a);
        byte[] ct = k.deterministicAead().encryptDeterministically(new byte[] {1, 2}, new byte[0]);
        assertThat(back.deterministicAead().decryptDeterministically(ct, new byte[0])).containsExactly(1, 2);
    }

    @Test
    void wrongOrMissingPassphrase_isBadKeyWithoutKeyMaterial() throws Exception {
        Path f = dir.resolve("k.json");
        Keyring.generate().writeWithPassphrase(f, GOOD);
        assertThatThrownBy(() -> Keyring.read(f, () -> Passphrase.of("wrong passphrase!!".toCharArray())))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_KEY))
                .hasMessageContaining("wrong passphrase, or the keyring was altered");
        assertThatThrownBy(() -> Keyring.read(f, () -> null)).hasMessageContaining("none was given");
        assertThatThrownBy(() -> Keyring.readInsecurePlaintext(f))
                .hasMessageContaining("master key provider \"passphrase-argon2id\" is not available here");
    }

    @Test
    void alteredFile_swappedKeysetsOrWeakParameters_areRefused() throws Exception {
        Path f = dir.resolve("k.json");
        Keyring.generate().writeWithPassphrase(f, GOOD);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(f.toFile());

        ObjectNode swapped = root.deepCopy();
        swapped.set("prf", root.get("daead"));
        swapped.set("daead", root.get("prf"));
        Path g = dir.resolve("swapped.json");
        json.writeValue(g.toFile(), swapped);
        assertThatThrownBy(() -> Keyring.read(g, () -> GOOD)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_KEY));

        ObjectNode weak = root.deepCopy();
        ((ObjectNode) weak.get("master")).put("memory_kib", 64).put("iterations", 1);
        Path w = dir.resolve("weak.json");
        json.writeValue(w.toFile(), weak);
        assertThatThrownBy(() -> Keyring.read(w, () -> GOOD)).hasMessageContaining("weaker than OWASP");

        ObjectNode huge = root.deepCopy();
        ((ObjectNode) huge.get("master")).put("memory_kib", Integer.MAX_VALUE);
        Path h = dir.resolve("huge.json");
        json.writeValue(h.toFile(), huge);
        assertThatThrownBy(() -> Keyring.read(h, () -> GOOD)).hasMessageContaining("beyond this build's limits");

        ObjectNode otherSalt = root.deepCopy();
        ((ObjectNode) otherSalt.get("master")).put("salt", "AAAAAAAAAAAAAAAAAAAAAA==");
        Path o = dir.resolve("salt.json");
        json.writeValue(o.toFile(), otherSalt);
        assertThatThrownBy(() -> Keyring.read(o, () -> GOOD)).hasMessageContaining("wrong passphrase, or the keyring was altered");

        ObjectNode noKdf = root.deepCopy();
        ((ObjectNode) noKdf.get("master")).remove("kdf");
        Path n = dir.resolve("nokdf.json");
        json.writeValue(n.toFile(), noKdf);
        assertThatThrownBy(() -> Keyring.read(n, () -> GOOD)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void shortPassphrase_isRefused_andPassphraseNeverPrints() {
        assertThatThrownBy(() -> Keyring.generate().writeWithPassphrase(dir.resolve("k.json"),
                Passphrase.of("short".toCharArray()))).hasMessageContaining("at least 12 characters");
        assertThat(GOOD.toString()).doesNotContain("horse");
        assertThat(Files.exists(dir.resolve("k.json"))).isFalse();
    }
}
