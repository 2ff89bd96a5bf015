package io.warden.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for CLI tests. */
final class SignCerts {
    private SignCerts() {}

    /** A CA certificate for {@code issuer}'s key and a code-signing certificate it issues for {@code leaf}'s key. */
    static X509Certificate issue(String cn, KeyPair subject, String issuerCn, KeyPair issuer, boolean ca) throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn), BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=" + cn), subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    static Path write(Path file, X509Certificate... certs) throws Exception {
        StringBuilder s = new StringBuilder();
        for (X509Certificate c : certs) s.append(PemKeys.pem("CERTIFICATE", c.getEncoded()));
        Files.writeString(file, s);
        return file;
    }

    static Path selfSignedCodeSigning(Path file, KeyPair pair) throws Exception {
        return write(file, issue("self", pair, "self", pair, false));
    }
}
