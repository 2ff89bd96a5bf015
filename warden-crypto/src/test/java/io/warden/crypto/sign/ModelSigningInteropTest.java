package io.warden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bundles written by the reference model_signing tool (1.0.0, 1.0.1, 1.1.0) verify in Warden, and Warden signs like it. */
class ModelSigningInteropTest {
    @TempDir
    Path dir;

    private static ModelVerifier.Options byKey(IgnorePaths ignore) {
        Path pub = OmsFixtures.key("signing-key-pub.pem");
        return new ModelVerifier.Options(new ModelVerifier.Trust.Key(PemFiles.readPublicKey(pub), pub.toString()),
                ignore, false, false, 2);
    }

    private static ModelVerifier.Options byRoot(IgnorePaths ignore) {
        return new ModelVerifier.Options(new ModelVerifier.Trust.Roots(
                PemFiles.readCertificates(OmsFixtures.key("ca-cert.pem"))), ignore, false, false, 2);
    }

    /** What the reference's verify scripts pass: --ignore-paths DIR/ignore-me, plus the signature and git paths. */
    private static IgnorePaths ignores(Path model) {
        Path ignoreMe = model.resolve("ignore-me");
        return IgnorePaths.forModel(model, Files.exists(ignoreMe) ? List.of(ignoreMe) : List.of(),
                model.resolve("model.sig"), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.1-elliptic-key", "v1.1.0-elliptic-key"})
    void verify_referenceKeyBundle_passes(String fixture) {
        Path model = OmsFixtures.copy(fixture, dir);
        Verification v = ModelVerifier.verify(model, SigstoreBundle.read(model.resolve("model.sig")), byKey(ignores(model)));
        assertThat(v).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) v).statement().resources()).extracting(Resource::name)
                .containsExactly("signme-1", "signme-2");
    }

    @Test
    void verify_referenceSingleFileBundle_v1_0_0_passes() {
        Path model = OmsFixtures.copy("v1.0.0-elliptic-key", dir);
        Verification v = ModelVerifier.verify(model.resolve("signme-1"), SigstoreBundle.read(model.resolve("model.sig")),
                byKey(IgnorePaths.none()));
        assertThat(v).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) v).statement().resources()).extracting(Resource::name).containsExactly(".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0-certificate", "v1.0.1-certificate", "v1.1.0-certificate"})
    void verify_referenceCertificateBundle_chainsToItsRootAndPasses(String fixture) {
        Path model = OmsFixtures.copy(fixture, dir);
        Verification v = ModelVerifier.verify(model, SigstoreBundle.read(model.resolve("model.sig")), byRoot(ignores(model)));
        assertThat(v).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) v).signer()).contains("ECDSA P-384 certificate", "intermediate-ca");
    }

    @Test
    void verify_referenceBundle_changedAndExtraFiles_areNamed() throws Exception {
        Path model = OmsFixtures.copy("v1.1.0-elliptic-key", dir);
        Files.writeString(model.resolve("signme-2"), "tampered\n");
        Files.writeString(model.resolve("new-file"), "x");
        Verification v = ModelVerifier.verify(model, SigstoreBundle.read(model.resolve("model.sig")), byKey(ignores(model)));
        assertThat(v).isInstanceOfSatisfying(Verification.Mismatch.class, m -> {
            assertThat(m.diff().changed()).containsExactly("signme-2");
            assertThat(m.diff().extra()).containsExactly("new-file");
            assertThat(m.diff().missing()).isEmpty();
        });
    }

    @Test
    void verify_referenceKeyBundle_withAnotherPublicKey_isUntrusted() throws Exception {
        Path model = OmsFixtures.copy("v1.1.0-elliptic-key", dir);
        Path other = TestKeys.pem(dir.resolve("other.pub"), TestKeys.ec("secp384r1").getPublic());
        var opts = new ModelVerifier.Options(new ModelVerifier.Trust.Key(PemFiles.readPublicKey(other), "other.pub"),
                ignores(model), false, false, 1);
        Verification v = ModelVerifier.verify(model, SigstoreBundle.read(model.resolve("model.sig")), opts);
        assertThat(v).isInstanceOfSatisfying(Verification.Untrusted.class,
                u -> assertThat(u.reason()).contains("another key", "e8450dec4eb9"));
    }

    @Test
    void verify_referenceCertificateBundle_withUnrelatedRoot_isUntrusted() throws Exception {
        Path model = OmsFixtures.copy("v1.1.0-certificate", dir);
        var otherRoot = TestKeys.ca("other-root", TestKeys.ec("secp256r1"));
        var opts = new ModelVerifier.Options(new ModelVerifier.Trust.Roots(List.of(otherRoot)), ignores(model), false,
                false, 1);
        Verification v = ModelVerifier.verify(model, SigstoreBundle.read(model.resolve("model.sig")), opts);
        assertThat(v).isInstanceOfSatisfying(Verification.Untrusted.class,
                u -> assertThat(u.reason()).contains("does not chain to a trusted certificate"));
    }

    @Test
    void read_referenceKeylessSigstoreBundle_isRefusedAsUnsupported() {
        Path sig = OmsFixtures.root().resolve("v1.1.0-sigstore/model.sig");
        assertThatThrownBy(() -> SigstoreBundle.read(sig))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("keyless");
    }

    @Test
    void sign_referenceModelWithReferenceKey_listsTheSameResourcesAndSubjectDigestAsTheReference() {
        Path model = OmsFixtures.copy("v1.1.0-elliptic-key", dir);
        OmsStatement reference = OmsStatement.parse(SigstoreBundle.read(model.resolve("model.sig")).envelope().payload());
        SigningKey key = PemFiles.readPrivateKey(OmsFixtures.key("signing-key.pem"), PemFiles.noPassphrase());
        var signed = ModelSigner.sign(model, new ModelSigner.Options(key, List.of(), ignores(model), false, 2));
        assertThat(signed.statement().resources()).isEqualTo(reference.resources());
        assertThat(signed.statement().subjectDigest()).isEqualTo(reference.subjectDigest())
                .isEqualTo("92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4");
        assertThat(signed.statement().modelName()).isEqualTo(reference.modelName());
        assertThat(signed.statement().serialization().ignorePaths())
                .containsExactlyInAnyOrderElementsOf(reference.serialization().ignorePaths());
        assertThat(signed.bundle().material()).isEqualTo(new VerificationMaterial.PublicKeyHint(
                "e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e"));
    }

    @Test
    void sign_withReferenceCertificateAndIntermediate_verifiesAgainstTheReferenceRoot() throws Exception {
        Path model = OmsFixtures.copy("v1.1.0-certificate", dir);
        Files.delete(model.resolve("model.sig"));
        SigningKey key = PemFiles.readPrivateKey(OmsFixtures.key("signing-key.pem"), PemFiles.noPassphrase());
        var chain = new java.util.ArrayList<>(PemFiles.readCertificates(OmsFixtures.key("signing-key-cert.pem")));
        chain.addAll(PemFiles.readCertificates(OmsFixtures.key("int-ca-cert.pem")));
        var signed = ModelSigner.sign(model, new ModelSigner.Options(key, chain, ignores(model), false, 2));
        SigstoreBundle back = SigstoreBundle.parse(signed.bundle().toJson(), "bundle");
        assertThat(back.material()).isInstanceOfSatisfying(VerificationMaterial.CertificateChain.class,
                c -> assertThat(c.certificates()).hasSize(2));
        assertThat(ModelVerifier.verify(model, back, byRoot(ignores(model)))).isInstanceOf(Verification.Verified.class);
    }
}
