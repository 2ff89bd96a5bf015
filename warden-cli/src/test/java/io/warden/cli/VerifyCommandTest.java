package io.warden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;
    Path model;
    Path sig;
    PemKeys keys;

    @BeforeEach
    void signModel() throws Exception {
        model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("a.txt"), "alpha\n");
        Files.writeString(model.resolve("b.txt"), "beta\n");
        Files.createDirectories(model.resolve("sub"));
        Files.writeString(model.resolve("sub/c.txt"), "gamma\n");
        keys = PemKeys.ec(dir, "p384", "secp384r1");
        sig = dir.resolve("model.sig");
        CliRun r = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--sig", sig.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private CliRun verify(String... extra) {
        String[] base = {"verify", model.toString(), "--sig", sig.toString(), "--key", keys.publicKey().toString()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void verify_untouchedModel_exits0() {
        CliRun r = verify();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("verified", "3 files", "ECDSA P-384 key");
    }

    @Test
    void verify_changedFile_failsWithExitCode1AndNamesIt() throws Exception {
        Files.writeString(model.resolve("sub/c.txt"), "GAMMA\n");
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("changed  sub/c.txt\n");
        assertThat(r.err()).contains("does not match its signature (0 missing, 0 extra, 1 changed)");
    }

    @Test
    void verify_missingAndExtraFiles_areNamed_exit1() throws Exception {
        Files.delete(model.resolve("a.txt"));
        Files.writeString(model.resolve("z.txt"), "new\n");
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("missing  a.txt", "extra    z.txt");
        CliRun tolerant = verify("--ignore-unsigned");
        assertThat(tolerant.exit()).isEqualTo(1);
        assertThat(tolerant.out().lines()).containsExactly("missing  a.txt");
    }

    @Test
    void verify_ignoredPath_isNotChecked() throws Exception {
        Files.writeString(model.resolve("notes.md"), "draft");
        assertThat(verify().exit()).isEqualTo(1);
        assertThat(verify("--ignore", model.resolve("notes.md").toString()).exit()).isZero();
    }

    @Test
    void verify_signatureOverAnotherDirectory_exits1AndNamesTheFiles() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("a.txt"), "alpha\n");
        Files.writeString(other.resolve("x.bin"), "x");
        CliRun r = CliRun.of("verify", other.toString(), "--sig", sig.toString(), "--key", keys.publicKey().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("missing  b.txt", "missing  sub/c.txt", "extra    x.bin");
    }

    @Test
    void verify_wrongKey_exits1() throws Exception {
        PemKeys other = PemKeys.ec(dir, "other", "secp384r1");
        CliRun r = CliRun.of("verify", model.toString(), "--sig", sig.toString(), "--key", other.publicKey().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("verification failed: the bundle was signed with another key");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void verify_tamperedPayload_exits1() throws Exception {
        String bundle = Files.readString(sig);
        String payload = bundle.replaceAll(".*\"payload\":\"([^\"]+)\".*", "$1");
        String statement = new String(Base64.getDecoder().decode(payload), UTF_8);
        String forged = Base64.getEncoder().encodeToString(statement.replace("\"a.txt\"", "\"A.txt\"").getBytes(UTF_8));
        Files.writeString(sig, bundle.replace(payload, forged));
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("signature does not verify");
    }

    @Test
    void verify_unknownKeyType_exits2() throws Exception {
        PemKeys rsa = PemKeys.generate(dir, "rsa", "RSA");
        CliRun r = CliRun.of("verify", model.toString(), "--sig", sig.toString(), "--key", rsa.publicKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported key type RSA");
    }

    @Test
    void verify_privateKeyGivenAsPublic_exits2() {
        CliRun r = CliRun.of("verify", model.toString(), "--sig", sig.toString(), "--key", keys.privateKey().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holds a private key").doesNotContain(keys.privateBase64().substring(0, 40));
    }

    @Test
    void verify_truncatedBundle_exits2() throws Exception {
        String bundle = Files.readString(sig);
        Files.writeString(sig, bundle.substring(0, bundle.length() / 2));
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not valid JSON at line 1");
    }

    @Test
    void verify_binaryBundle_exits2() throws Exception {
        Files.write(sig, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x7f});
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("warden: signature ").contains("not valid JSON");
    }

    @Test
    void verify_jsonThatIsNoBundle_exits2() throws Exception {
        Files.writeString(sig, "{\"mediaType\": \"application/json\"}");
        assertThat(verify().err()).contains("not a Sigstore v0.3 bundle");
        Files.writeString(sig, "[1, 2]");
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a JSON object");
    }

    @Test
    void verify_hugeBundle_exits2WithoutReadingIt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(sig.toFile(), "rw")) {
            f.setLength((256L << 20) + 1); // sparse: costs no disk
        }
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("larger than 256 MiB");
    }

    @Test
    void verify_missingSignatureOrPath_exits2() {
        CliRun noSig = CliRun.of("verify", model.toString(), "--key", keys.publicKey().toString());
        assertThat(noSig.exit()).isEqualTo(2);
        assertThat(noSig.err()).contains("model.sig does not exist");
        CliRun noPath = CliRun.of("verify", dir.resolve("gone").toString(), "--sig", sig.toString(), "--key",
                keys.publicKey().toString());
        assertThat(noPath.exit()).isEqualTo(2);
        assertThat(noPath.err()).contains("gone does not exist");
    }

    @Test
    void verify_needsExactlyOneTrustOption_exits2() {
        CliRun none = CliRun.of("verify", model.toString(), "--sig", sig.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("say whom to trust");
    }

    @Test
    void verify_emptyDirectory_reportsEverySignedFileMissing_exit1() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.of("verify", empty.toString(), "--sig", sig.toString(), "--key", keys.publicKey().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("missing  a.txt", "missing  b.txt", "missing  sub/c.txt");
    }

    @Test
    void verify_hostileFileName_isPrintedEscapedOnOneLine() throws Exception {
        Files.writeString(model.resolve("evil\nverified ok"), "x");
        CliRun r = verify();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("extra    evil\\nverified ok\n");
    }

    @Test
    void verify_symlinkEscapingTheDirectory_exits2() throws Exception {
        Files.createSymbolicLink(model.resolve("escape"), dir.resolve("model.sig"));
        CliRun r = verify("--allow-symlinks");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("escape is a symbolic link that escapes");
    }

    @Test
    void verify_certificateChain_trustsTheRoot_andNotAnotherOne() throws Exception {
        var rootKeys = PemKeys.ec(dir, "root", "secp256r1");
        var root = SignCerts.issue("Test Root", rootKeys.pair(), "Test Root", rootKeys.pair(), true);
        var leaf = SignCerts.issue("Model Signer", keys.pair(), "Test Root", rootKeys.pair(), false);
        Path leafPem = SignCerts.write(dir.resolve("leaf.crt"), leaf);
        Path rootPem = SignCerts.write(dir.resolve("root.crt"), root);
        Path certSig = dir.resolve("cert.sig");
        CliRun s = CliRun.of("sign", model.toString(), "--key", keys.privateKey().toString(), "--cert",
                leafPem.toString(), "--sig", certSig.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        CliRun ok = CliRun.of("verify", model.toString(), "--sig", certSig.toString(), "--cert-chain", rootPem.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("certificate CN=Model Signer");
        var otherKeys = PemKeys.ec(dir, "other-root", "secp256r1");
        Path otherRoot = SignCerts.write(dir.resolve("other.crt"),
                SignCerts.issue("Other", otherKeys.pair(), "Other", otherKeys.pair(), true));
        CliRun bad = CliRun.of("verify", model.toString(), "--sig", certSig.toString(), "--cert-chain", otherRoot.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("does not chain to a trusted certificate");
        CliRun keyBundle = CliRun.of("verify", model.toString(), "--sig", sig.toString(), "--cert-chain", rootPem.toString());
        assertThat(keyBundle.exit()).isEqualTo(1);
        assertThat(keyBundle.err()).contains("signed with a bare key");
    }

    @Test
    void verify_referenceModelSigningBundles_passThroughTheCli() {
        Path fixtures = Path.of(System.getProperty("warden.root", "."))
                .resolve("warden-crypto/src/test/resources/oms/model-transparency");
        Path certModel = fixtures.resolve("v1.1.0-certificate");
        CliRun cert = CliRun.of("verify", certModel.toString(), "--sig", certModel.resolve("model.sig").toString(),
                "--cert-chain", fixtures.resolve("keys/ca-cert.pem").toString(), "--ignore",
                certModel.resolve("ignore-me").toString());
        assertThat(cert.exit()).as(cert.err()).isZero();
        Path keyModel = fixtures.resolve("v1.1.0-elliptic-key");
        CliRun key = CliRun.of("verify", keyModel.toString(), "--key", fixtures.resolve("keys/signing-key-pub.pem").toString());
        assertThat(key.exit()).as(key.err()).isZero();
        assertThat(key.out()).contains("2 files");
    }

    @Test
    void signAndVerify_protectManifest_detectsAnEditedManifest() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "id,email\n1,maria.jones@example.com\n");
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                protect:
                  columns:
                    - fields: [email]
                      operator: redact
                """);
        Path out = dir.resolve("out.csv");
        CliRun p = CliRun.of("protect", csv.toString(), "--policy", policy.toString(), "--out", out.toString(), "--quiet");
        assertThat(p.exit()).as(p.err()).isZero();
        Path manifest = Path.of(out + ".manifest.json");
        CliRun s = CliRun.of("sign", manifest.toString(), "--key", keys.privateKey().toString());
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(CliRun.of("verify", manifest.toString(), "--key", keys.publicKey().toString()).exit()).isZero();
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\"", "\"forged\""));
        CliRun v = CliRun.of("verify", manifest.toString(), "--key", keys.publicKey().toString());
        assertThat(v.exit()).isEqualTo(1);
        assertThat(v.out()).isEqualTo("changed  .\n");
    }
}
