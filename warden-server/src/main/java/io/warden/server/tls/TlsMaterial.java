package io.warden.server.tls;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS identity: a key and certificate chain in an in-memory key store, loaded from PEM files, or a
 * self-signed certificate made on first start and kept in the data directory ({@code tls/cert.pem},
 * {@code tls/key.pem}, the key readable by its owner only).
 */
public final class TlsMaterial {
    private final KeyStore keyStore;
    private final char[] password;
    private final String fingerprint;

    private TlsMaterial(PrivateKey key, List<X509Certificate> chain) {
        try {
            password = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16)).toCharArray();
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("warden", key, password, chain.toArray(new Certificate[0]));
            fingerprint = FileDigest.sha256Hex(chain.get(0).getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot use the TLS key (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The key store holding the one entry {@code warden}. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The in-memory key store's password (random, never written anywhere). */
    public char[] password() {
        return password.clone();
    }

    /** SHA-256 of the leaf certificate, hex: what clients pin or compare. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Loads a PEM certificate chain (leaf first) and its PEM private key (PKCS#8, or SEC1/PKCS#1 key pair). */
    public static TlsMaterial load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(certFile, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
            for (Object o; (o = pem.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder h) chain.add(converter.getCertificate(h));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "cannot read the TLS certificate " + certFile
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (chain.isEmpty()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, certFile + " holds no PEM certificate");
        }
        PrivateKey key;
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                key = keys.getKeyPair(pair).getPrivate();
            } else if (o instanceof PrivateKeyInfo info) {
                key = keys.getPrivateKey(info);
            } else {
                throw new WardenException(ErrorCode.MALFORMED_INPUT, keyFile
                        + " holds no unencrypted PEM private key");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WardenException w) throw w;
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "cannot read the TLS key " + keyFile + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return new TlsMaterial(key, chain);
    }

    /** The self-signed identity kept in {@code dir}, made there on first use (ECDSA P-256, valid ten years). */
    public static TlsMaterial selfSigned(Path dir) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        if (Files.exists(cert) && Files.exists(key)) return load(cert, key);
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Warden server (self-signed)");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
            String host = InetAddress.getLocalHost().getHostName();
            if (!host.isBlank() && !host.equals("localhost")) names.add(new GeneralName(GeneralName.dNSName, host));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(new GeneralName[0])));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            AtomicFile.writeOwnerOnly(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null))); // PKCS#8
            AtomicFile.write(cert, pem(certificate));
            return new TlsMaterial(pair.getPrivate(), List.of(certificate));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot make the self-signed TLS certificate in " + dir
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "TlsMaterial[sha256=" + fingerprint + "]";
    }
}
