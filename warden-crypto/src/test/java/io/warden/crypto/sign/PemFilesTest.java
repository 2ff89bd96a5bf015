package io.warden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemFilesTest {
    @TempDir
    Path dir;

    private static void assertBadKey(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(WardenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY)).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"secp256r1, ECDSA_P256", "secp384r1, ECDSA_P384", "secp521r1, ECDSA_P521"})
    void ecdsaKeys_signWhatTheirPublicKeyFileVerifies(String curve, KeyType type) throws Exception {
        KeyPair kp = TestKeys.ec(curve);
        SigningKey key = PemFiles.readPrivateKey(TestKeys.pem(dir.resolve("k.pem"), kp.getPrivate()), PemFiles.noPassphrase());
        VerificationKey pub = PemFiles.readPublicKey(TestKeys.pem(dir.resolve("k.pub"), kp.getPublic()));
        byte[] msg = "message".getBytes(StandardCharsets.UTF_8);
        assertThat(key.type()).isEqualTo(type);
        assertThat(pub.verifies(key.sign(msg), msg)).isTrue();
        assertThat(pub.verifies(key.sign(msg), "other".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(pub.hint()).isEqualTo(key.publicKey().hint());
    }

    @Test
    void ed25519Key_signsWhatItsPublicKeyVerifies() throws Exception {
        KeyPair kp = TestKeys.generate("Ed25519");
        SigningKey key = PemFiles.readPrivateKey(TestKeys.pem(dir.resolve("k.pem"), kp.getPrivate()), PemFiles.noPassphrase());
        VerificationKey pub = PemFiles.readPublicKey(TestKeys.pem(dir.resolve("k.pub"), kp.getPublic()));
        byte[] msg = {1, 2, 3};
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(key.type().verifiableByModelSigning()).isFalse();
        assertThat(pub.verifies(key.sign(msg), msg)).isTrue();
    }

    @Test
    void referenceSec1KeyWithCerttoolPreamble_isRead_andItsHintIsTheReferences() {
        SigningKey key = PemFiles.readPrivateKey(OmsFixtures.key("signing-key.pem"), PemFiles.noPassphrase());
        assertThat(key.type()).isEqualTo(KeyType.ECDSA_P384);
        assertThat(key.publicKey().hint()).isEqualTo("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e");
        assertThat(PemFiles.readPublicKey(OmsFixtures.key("signing-key-pub.pem")).hint()).isEqualTo(key.publicKey().hint());
        assertThat(key.toString()).contains("ECDSA P-384").doesNotContainIgnoringCase("BEGIN");
    }

    @Test
    void encryptedKey_opensWithItsPassphrase_andSaysSoWithout() throws Exception {
        KeyPair kp = TestKeys.ec("secp256r1");
        Path enc = TestKeys.encryptedPem(dir.resolve("enc.pem"), kp.getPrivate(), "a long passphrase");
        SigningKey key = PemFiles.readPrivateKey(enc, f -> "a long passphrase".toCharArray());
        assertThat(key.publicKey().sameKey(kp.getPublic())).isTrue();
        assertBadKey(() -> PemFiles.readPrivateKey(enc, PemFiles.noPassphrase()), "is an encrypted private key");
        assertBadKey(() -> PemFiles.readPrivateKey(enc, f -> "wrong".toCharArray()), "wrong passphrase");
    }

    @Test
    void passphraseArray_isWipedAfterUse() throws Exception {
        Path enc = TestKeys.encryptedPem(dir.resolve("enc.pem"), TestKeys.ec("secp256r1").getPrivate(), "pass phrase");
        char[] given = "pass phrase".toCharArray();
        PemFiles.readPrivateKey(enc, f -> given);
        assertThat(new String(given)).isEqualTo("\0".repeat(given.length));
    }

    @Test
    void unsupportedKeys_areRefusedByName() throws Exception {
        KeyPair rsa = TestKeys.generate("RSA");
        Path rsaPem = pem("rsa.pem", rsa.getPrivate());
        Path rsaPub = pem("rsa.pub", rsa.getPublic());
        Path ed448 = pem("ed448.pem", TestKeys.generate("Ed448").getPrivate());
        assertBadKey(() -> PemFiles.readPrivateKey(rsaPem, PemFiles.noPassphrase()), "unsupported key type RSA");
        assertBadKey(() -> PemFiles.readPublicKey(rsaPub), "unsupported key type RSA");
        assertBadKey(() -> PemFiles.readPrivateKey(ed448, PemFiles.noPassphrase()), "unsupported key type");
    }

    @Test
    void wrongKindOfPemFile_saysWhatItHolds() throws Exception {
        KeyPair kp = TestKeys.ec("secp256r1");
        Path pub = pem("pub.pem", kp.getPublic());
        Path priv = pem("priv.pem", kp.getPrivate());
        assertBadKey(() -> PemFiles.readPrivateKey(pub, PemFiles.noPassphrase()), "holds a public key");
        assertBadKey(() -> PemFiles.readPublicKey(priv), "holds a private key");
        assertBadKey(() -> PemFiles.readPublicKey(OmsFixtures.key("ca-cert.pem")), "holds a certificate");
        assertBadKey(() -> PemFiles.readCertificates(pub), "holds no certificate");
    }

    @Test
    void missingEmptyBinaryOpensshAndDirectory_areOneLineBadKeyErrors() throws Exception {
        assertBadKey(() -> PemFiles.readPublicKey(dir.resolve("none.pem")), "none.pem does not exist");
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        Path bin = Files.write(dir.resolve("bin.pem"), new byte[] {0, (byte) 0xff, 3});
        assertBadKey(() -> PemFiles.readPublicKey(empty), "not a PEM file");
        assertBadKey(() -> PemFiles.readPublicKey(bin), "not a PEM file");
        Path ssh = Files.writeString(dir.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----\n");
        assertBadKey(() -> PemFiles.readPrivateKey(ssh, PemFiles.noPassphrase()), "OpenSSH format");
        assertBadKey(() -> PemFiles.readPublicKey(dir), "is a directory");
        Path big = dir.resolve("big.pem");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(PemFiles.MAX_PEM_BYTES + 1L);
        }
        assertBadKey(() -> PemFiles.readPublicKey(big), "larger than 1 MiB");
    }

    @Test
    void corruptKeyBody_isMalformed_withoutEchoingIt() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pem"),
                "-----BEGIN EC PRIVATE KEY-----\nU0VDUkVUU0VDUkVUU0VDUkVU\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(bad, PemFiles.noPassphrase()))
                .isInstanceOf(WardenException.class).hasMessageContaining("bad.pem")
                .hasMessageNotContaining("U0VDUkVU").hasMessageNotContaining("\n");
    }

    private Path pem(String name, Object o) throws Exception {
        return TestKeys.pem(dir.resolve(name), o);
    }
}
