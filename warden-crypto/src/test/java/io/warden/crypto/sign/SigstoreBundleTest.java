package io.warden.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigstoreBundleTest {
    @TempDir
    Path dir;

    private static final SigstoreBundle BUNDLE = new SigstoreBundle(new VerificationMaterial.PublicKeyHint("ab"),
            new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(UTF_8),
                    List.of(new DsseEnvelope.Signature(new byte[] {1, 2}, ""))));

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> SigstoreBundle.parse(json.getBytes(UTF_8), "signature s"))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageStartingWith("signature s").hasMessageContaining(message);
    }

    @Test
    void toJson_isTheModelSigning11Layout_andParsesBack() {
        String json = new String(BUNDLE.toJson(), UTF_8);
        assertThat(json).isEqualTo("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","
                + "\"verificationMaterial\":{\"publicKey\":{\"hint\":\"ab\"},\"tlogEntries\":[]},"
                + "\"dsseEnvelope\":{\"payload\":\"e30=\",\"payloadType\":\"application/vnd.in-toto+json\","
                + "\"signatures\":[{\"sig\":\"AQI=\",\"keyid\":\"\"}]}}");
        SigstoreBundle back = SigstoreBundle.parse(BUNDLE.toJson(), "b");
        assertThat(back.material()).isEqualTo(BUNDLE.material());
        assertThat(back.envelope().payload()).isEqualTo("{}".getBytes(UTF_8));
        assertThat(back.envelope().signatures().get(0).sig()).containsExactly(1, 2);
    }

    @Test
    void pae_isTheDsseV1Encoding() {
        assertThat(new String(DsseEnvelope.pae("t/x", "héllo".getBytes(UTF_8)), UTF_8)).isEqualTo("DSSEv1 3 t/x 6 héllo");
    }

    @Test
    void parse_refusesMalformedBundles() {
        String good = new String(BUNDLE.toJson(), UTF_8);
        assertMalformed(good.substring(0, 50), "not valid JSON at line 1");
        assertMalformed("", "is not a JSON object");
        assertMalformed("\"text\"", "is not a JSON object");
        assertMalformed(good + "{}", "not valid JSON");
        assertMalformed(good.replace("v0.3", "v0.1"), "not a Sigstore v0.3 bundle");
        assertMalformed(good.replace("\"e30=\"", "\"%%%\""), "the payload is not base64");
        assertMalformed(good.replace("[{\"sig\":\"AQI=\",\"keyid\":\"\"}]", "[]"), "has no signature");
        assertMalformed(good.replace("\"publicKey\":{\"hint\":\"ab\"},", ""), "names no signer");
        assertMalformed(good.replace("\"tlogEntries\":[]", "\"tlogEntries\":[{}]"), "keyless");
        assertMalformed(good.replace("{\"hint\":\"ab\"}", "{\"hint\":\"ab\"},\"x509CertificateChain\":{}")
                .replace("\"publicKey\":", "\"publicKeyX\":"), "\"certificates\" must be an array");
        assertMalformed("[".repeat(100) + "]".repeat(100), "not valid JSON");
    }

    @Test
    void parse_acceptsOlderModelSigningShapes() {
        String v10 = "{\"mediaType\": \"application/vnd.dev.sigstore.bundle.v0.3+json\", \"verificationMaterial\": "
                + "{\"publicKey\": {\"rawBytes\": \"AA==\", \"keyDetails\": \"PKIX_ECDSA_P384_SHA_384\"}}, \"dsseEnvelope\": "
                + "{\"payload\": \"e30=\", \"payloadType\": \"application/vnd.in-toto+json\", \"signatures\": "
                + "[{\"sig\": \"AQI=\", \"keyid\": null}]}}";
        assertThat(SigstoreBundle.parse(v10.getBytes(UTF_8), "b").material())
                .isEqualTo(new VerificationMaterial.PublicKeyHint(""));
    }

    @Test
    void read_missingDirectoryAndHugeFiles_areRefusedBeforeReading() throws Exception {
        assertThatThrownBy(() -> SigstoreBundle.read(dir.resolve("none.sig")))
                .isInstanceOfSatisfying(WardenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SigstoreBundle.read(dir)).hasMessageContaining("is a directory");
        Path huge = dir.resolve("huge.sig");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(SigstoreBundle.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> SigstoreBundle.read(huge)).hasMessageContaining("larger than 256 MiB");
        Path bin = Files.write(dir.resolve("bin.sig"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        assertThatThrownBy(() -> SigstoreBundle.read(bin)).hasMessageContaining("not valid JSON");
    }
}
