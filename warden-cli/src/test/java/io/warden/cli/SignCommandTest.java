package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {
    @TempDir
    Path dir;
    Path model;
    PemKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{\"layers\": 2}\n");
        Files.createDirectories(model.resolve("weights"));
        Files.write(model.resolve("weights/shard-0.bin"), new byte[100_000]);
        keys = PemKeys.ec(dir, "p256", "secp256r1");
    }

    @Test
    void sign_directory_writesModelSigInside_thatVerifies() throws Exception {
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed " + model + ": 2 files", "hashed in", "ECDSA P-256 key", "model.sig");
        String bundle = Files.readString(model.resolve("model.sig"));
        assertThat(bundle).startsWith("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"")
                .contains("\"publicKey\":{\"hint\":\"", "\"payloadType\":\"application/vnd.in-toto+json\"");
        String payload = new String(Base64.getDecoder().decode(bundle.replaceAll(".*\"payload\":\"([^\"]+)\".*", "$1")), UTF_8);
        assertThat(payload).contains("\"predicateType\": \"https://model_signing/signature/v1.0\"",
                "\"name\": \"weights/shard-0.bin\"", "\"model.sig\"", "\".git\"");
        CliRun v = CliRun.of("verify", model.toString(), "--key", keys.publicKey().toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out()).contains("verified " + model + ": 2 files");
    }

    @Test
    void sign_singleFile_writesFileDotSigNextToIt() throws Exception {
        Path file = model.resolve("config.json");
        CliRun r = CliRun.of("sign", file.toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Path.of(file + ".sig")).exists();
        assertThat(CliRun.of("verify", file.toString(), "--key", keys.publicKey().toString()).exit()).isZero();
    }

    @Test
    void sign_existingSignature_isNotReplacedWithoutForce() throws Exception {
        Path sig = dir.resolve("model.sig");
        Files.writeString(sig, "keep me");
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--sig", sig.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exists; pass --force");
        assertThat(Files.readString(sig)).isEqualTo("keep me");
        CliRun forced = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--sig",
                sig.toString(), "--force", "--quiet");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).isEmpty();
        assertThat(Files.readString(sig)).startsWith("{\"mediaType\"");
    }

    @Test
    void sign_missingPath_exits2() {
        CliRun r = CliRun.of("sign", dir.resolve("nope").toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope does not exist");
    }

    @Test
    void sign_emptyDirectory_exits2AndWritesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.of("sign", empty.toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to sign");
        try (var s = Files.list(empty)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void sign_missingKeyFile_exits2() {
        CliRun r = CliRun.of("sign", model.toString(), "--key", dir.resolve("absent.pem").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("absent.pem does not exist");
        assertThat(model.resolve("model.sig")).doesNotExist();
    }

    @Test
    void sign_rsaKey_isAnUnknownKeyType_exits2() throws Exception {
        PemKeys rsa = PemKeys.generate(dir, "rsa", "RSA");
        CliRun r = CliRun.of("sign", model.toString(), "--key", rsa.privateKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported key type RSA").contains("P-256");
        assertThat(r.err()).doesNotContain(rsa.privateBase64().substring(0, 40));
        assertThat(model.resolve("model.sig")).doesNotExist();
    }

    @Test
    void sign_publicKeyInsteadOfPrivate_exits2() {
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.publicKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holds a public key; signing needs the private key");
    }

    @Test
    void sign_garbageKeyFile_exits2WithoutEchoingIt() throws Exception {
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END PRIVATE KEY-----\n");
        CliRun r = CliRun.of("sign", model.toString(), "--key", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.pem").doesNotContain("QUJDREVG");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void sign_encryptedKeyWithoutPassphrase_saysSo_exits2() throws Exception {
        Path enc = encrypted("correct horse battery");
        CliRun r = CliRun.of("sign", model.toString(), "--key", enc.toString(), "--key-passphrase-env",
                "WARDEN_TEST_SURELY_UNSET_VARIABLE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is an encrypted private key", "WARDEN_TEST_SURELY_UNSET_VARIABLE");
        assertThat(model.resolve("model.sig")).doesNotExist();
    }

    @Test
    void sign_encryptedKey_withPassphraseFromEnvironment_signs_andWrongPassphraseExits2() throws Exception {
        // Tests cannot set environment variables, so the key is encrypted under the value of one that is set.
        Map.Entry<String, String> env = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Z_]+") && e.getValue().length() >= 4).findFirst().orElseThrow();
        Path right = encrypted(env.getValue());
        CliRun ok = CliRun.of("sign", model.toString(), "--key", right.toString(), "--key-passphrase-env", env.getKey());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain(env.getValue());
        Path wrong = encrypted(env.getValue() + "-not");
        CliRun bad = CliRun.of("sign", model.toString(), "--key", wrong.toString(), "--key-passphrase-env", env.getKey(),
                "--force");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot decrypt").contains("wrong passphrase").doesNotContain(env.getValue());
    }

    @Test
    void sign_symlinkWithoutAllow_exits2_andEscapingSymlinkIsRefusedEvenWhenAllowed() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(model.resolve("link"), outside);
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("link is a symbolic link", "--allow-symlinks");
        CliRun allowed = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--allow-symlinks");
        assertThat(allowed.exit()).isEqualTo(2);
        assertThat(allowed.err()).contains("escapes");
        assertThat(model.resolve("model.sig")).doesNotExist();
    }

    @Test
    void sign_symlinkInsideModel_isSignedAsItsTargetWhenAllowed() throws Exception {
        Files.createSymbolicLink(model.resolve("alias.json"), model.resolve("config.json"));
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--allow-symlinks");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 files");
        assertThat(CliRun.of("verify", model.toString(), "--key", keys.publicKey().toString()).exit()).isZero();
    }

    @Test
    void sign_ignorePathOutsideModel_exits2() {
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--ignore",
                dir.resolve("elsewhere").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not inside");
    }

    @Test
    void sign_certificateOfAnotherKey_exits2() throws Exception {
        PemKeys other = PemKeys.ec(dir, "other", "secp256r1");
        Path cert = SignCerts.selfSignedCodeSigning(dir.resolve("other.crt"), other.pair());
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--cert", cert.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not the key's certificate");
    }

    @Test
    void sign_ed25519_signsAndVerifies_andNotesModelSigningCannotVerifyIt() throws Exception {
        PemKeys ed = PemKeys.generate(dir, "ed", "Ed25519");
        CliRun r = CliRun.of("sign", model.toString(), "--key", ed.privateKey().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Ed25519 signatures verify in Warden but not in model_signing");
        assertThat(CliRun.of("verify", model.toString(), "--key", ed.publicKey().toString()).exit()).isZero();
    }

    private Path encrypted(String passphrase) throws Exception {
        var enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(passphrase.toCharArray()).build();
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(new JcaPKCS8Generator(keys.pair().getPrivate(), enc));
        }
        Path p = Files.createTempFile(dir, "enc", ".pem");
        Files.writeString(p, s.toString());
        return p;
    }
}
