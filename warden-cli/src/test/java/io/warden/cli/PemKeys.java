package io.warden.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs for CLI tests, written as unencrypted PKCS#8 and SubjectPublicKeyInfo PEM files. */
record PemKeys(Path privateKey, Path publicKey, KeyPair pair) {
    static PemKeys ec(Path dir, String name, String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return write(dir, name, g.generateKeyPair());
    }

    static PemKeys generate(Path dir, String name, String algorithm) throws Exception {
        return write(dir, name, KeyPairGenerator.getInstance(algorithm).generateKeyPair());
    }

    static PemKeys write(Path dir, String name, KeyPair pair) throws Exception {
        Path priv = dir.resolve(name + ".pem");
        Path pub = dir.resolve(name + ".pub.pem");
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return new PemKeys(priv, pub, pair);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The base64 body of the private key file, to check that no output ever contains it. */
    String privateBase64() {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }
}
