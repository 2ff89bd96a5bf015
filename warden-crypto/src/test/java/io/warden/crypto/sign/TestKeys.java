package io.warden.crypto.sign;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;

/** Test keys and certificates made on the fly, written as PEM files the way openssl writes them. */
final class TestKeys {
    private TestKeys() {}

    static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static KeyPair generate(String algorithm) throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    }

    /** Writes {@code objects} (keys, certificates) as PEM blocks to {@code file}. */
    static Path pem(Path file, Object... objects) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            for (Object o : objects) {
                if (o instanceof PrivateKey k) w.writeObject(new JcaPKCS8Generator(k, null));
                else w.writeObject(o);
            }
        }
        Files.writeString(file, s.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** Writes {@code key} as an encrypted PKCS#8 PEM (PBES2, AES-256-CBC) under {@code passphrase}. */
    static Path encryptedPem(Path file, PrivateKey key, String passphrase) throws Exception {
        OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .setPassword(passphrase.toCharArray()).build();
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(new JcaPKCS8Generator(key, enc));
        }
        Files.writeString(file, s.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** A certificate for {@code subject}'s public key issued by {@code issuer} (self-signed when they are the same). */
    static X509Certificate certificate(String cn, PublicKey subject, String issuerCn, KeyPair issuer, boolean ca,
            KeyUsage usage, boolean codeSigning) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + cn), subject);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (usage != null) b.addExtension(Extension.keyUsage, true, usage);
        if (codeSigning) b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        String alg = issuer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(alg).build(issuer.getPrivate())));
    }

    static X509Certificate ca(String cn, KeyPair self) throws Exception {
        return certificate(cn, self.getPublic(), cn, self, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), false);
    }
}
