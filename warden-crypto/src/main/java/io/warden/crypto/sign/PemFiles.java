package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * Reads signing keys, public keys and certificates from PEM files, as {@code openssl}, {@code certtool} and Python's
 * {@code cryptography} write them.
 *
 * <p>Private keys: PKCS#8 ({@code PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}), and both encrypted forms
 * ({@code ENCRYPTED PRIVATE KEY}, OpenSSL's {@code Proc-Type: 4,ENCRYPTED}) when a passphrase is given. Text around
 * the PEM blocks (certtool's key summary) is skipped. Bouncy Castle parses the PEM and ASN.1 here; the JDK turns
 * public keys and certificates into {@code java.security} objects, because certificate-path validation
 * ({@link CertificateChains}) is the JDK's and Tink reads no PEM or X.509.
 *
 * <p>Every failure is a one-line BAD_KEY error naming the file; no message carries key bytes.
 */
public final class PemFiles {
    /** Largest PEM file read: keys and certificate chains are a few KB. */
    public static final int MAX_PEM_BYTES = 1 << 20;

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemFiles() {}

    /** The passphrase of an encrypted private key; the reader wipes the array after use. */
    @FunctionalInterface
    public interface KeyPassphrase {
        /** The passphrase for {@code keyFile}, or a BAD_KEY {@link WardenException} saying how to give one. */
        char[] forKey(Path keyFile);
    }

    /** A passphrase source for callers that have none: encrypted keys fail with a BAD_KEY error. */
    public static KeyPassphrase noPassphrase() {
        return file -> {
            throw new WardenException(ErrorCode.BAD_KEY, file + " is an encrypted private key and no passphrase was given");
        };
    }

    /** The signing key in {@code file}: ECDSA P-256/P-384/P-521 or Ed25519, possibly encrypted. */
    public static SigningKey readPrivateKey(Path file, KeyPassphrase passphrase) {
        requireNonNull(passphrase, "passphrase");
        Object o = firstObject(file, "a private key");
        PrivateKeyInfo info;
        try {
            if (o instanceof PEMKeyPair kp) {
                info = kp.getPrivateKeyInfo();
            } else if (o instanceof PrivateKeyInfo pki) {
                info = pki;
            } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                char[] p = passphrase.forKey(file);
                try {
                    info = enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(p));
                } finally {
                    Arrays.fill(p, '\0');
                }
            } else if (o instanceof PEMEncryptedKeyPair enc) {
                char[] p = passphrase.forKey(file);
                try {
                    info = enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(p)).getPrivateKeyInfo();
                } finally {
                    Arrays.fill(p, '\0');
                }
            } else if (o instanceof SubjectPublicKeyInfo) {
                throw new WardenException(ErrorCode.BAD_KEY, file + " holds a public key; signing needs the private key");
            } else {
                throw new WardenException(ErrorCode.BAD_KEY, file + " holds " + describe(o) + ", not a private key");
            }
        } catch (WardenException e) {
            throw e;
        } catch (Exception e) {
            if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                throw new WardenException(ErrorCode.BAD_KEY, "cannot decrypt " + file
                        + ": wrong passphrase or unsupported encryption");
            }
            throw new WardenException(ErrorCode.BAD_KEY, file + ": malformed private key");
        }
        return signingKey(info, file.toString());
    }

    /** The public key in {@code file} ({@code -----BEGIN PUBLIC KEY-----}). */
    public static VerificationKey readPublicKey(Path file) {
        Object o = firstObject(file, "a public key");
        if (o instanceof SubjectPublicKeyInfo spki) return VerificationKey.of(publicKey(spki, file.toString()), file.toString());
        if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo || o instanceof PKCS8EncryptedPrivateKeyInfo
                || o instanceof PEMEncryptedKeyPair) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " holds a private key; verify with the public key "
                    + "(openssl pkey -in KEY -pubout)");
        }
        if (o instanceof X509CertificateHolder) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " holds a certificate; give certificates with "
                    + "--cert-chain, or the signer's public key here");
        }
        throw new WardenException(ErrorCode.BAD_KEY, file + " holds " + describe(o) + ", not a public key");
    }

    /** Every certificate in {@code file}, in file order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        String text = readText(file);
        List<X509Certificate> certs = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
                } else if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo
                        || o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new WardenException(ErrorCode.BAD_KEY, file + " holds a private key among the certificates; "
                            + "keep private keys in their own file");
                }
            }
        } catch (WardenException e) {
            throw e;
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new WardenException(ErrorCode.BAD_KEY, file + ": malformed certificate PEM");
        }
        if (certs.isEmpty()) throw new WardenException(ErrorCode.BAD_KEY, file + " holds no certificate");
        return List.copyOf(certs);
    }

    static SigningKey signingKey(PrivateKeyInfo info, String source) {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        try {
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) return ecdsaKey(info, alg, source);
            if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) return ed25519Key(info, source);
        } catch (WardenException e) {
            throw e;
        } catch (Exception e) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": malformed " + algorithmName(oid) + " private key");
        }
        throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported key type " + algorithmName(oid)
                + " (Warden signs with " + KeyType.SUPPORTED + ")");
    }

    private static SigningKey ecdsaKey(PrivateKeyInfo info, AlgorithmIdentifier alg, String source)
            throws IOException, GeneralSecurityException {
        X962Parameters params = X962Parameters.getInstance(alg.getParameters());
        if (!params.isNamedCurve()) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": EC key with explicit curve parameters; use a "
                    + "named curve (P-256, P-384 or P-521)");
        }
        ASN1ObjectIdentifier curveOid = ASN1ObjectIdentifier.getInstance(params.getParameters());
        KeyType type;
        if (X9ObjectIdentifiers.prime256v1.equals(curveOid)) type = KeyType.ECDSA_P256;
        else if (SECObjectIdentifiers.secp384r1.equals(curveOid)) type = KeyType.ECDSA_P384;
        else if (SECObjectIdentifiers.secp521r1.equals(curveOid)) type = KeyType.ECDSA_P521;
        else throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported elliptic curve "
                    + curveName(curveOid) + " (Warden signs with " + KeyType.SUPPORTED + ")");
        BigInteger s = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        X9ECParameters x9 = ECNamedCurveTable.getByOID(curveOid);
        if (s.signum() <= 0 || s.compareTo(x9.getN()) >= 0) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": malformed " + type.label() + " private key");
        }
        // The public point is derived, not taken from the file: an optional field there could disagree.
        ECPoint q = new FixedPointCombMultiplier().multiply(x9.getG(), s).normalize();
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, type.curve()));
        return new SigningKey(TinkKeys.ecdsaSign(type, w, s), VerificationKey.of(pub, source));
    }

    private static SigningKey ed25519Key(PrivateKeyInfo info, String source)
            throws IOException, GeneralSecurityException {
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        try {
            if (seed.length != 32) throw new WardenException(ErrorCode.BAD_KEY, source + ": malformed Ed25519 private key");
            byte[] raw = TinkKeys.ed25519PublicOf(seed);
            PublicKey pub = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(VerificationKey.ed25519Spki(raw)));
            return new SigningKey(TinkKeys.ed25519Sign(raw, seed), VerificationKey.of(pub, source));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static PublicKey publicKey(SubjectPublicKeyInfo spki, String source) {
        ASN1ObjectIdentifier oid = spki.getAlgorithm().getAlgorithm();
        String jca;
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) jca = "EC";
        else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) jca = "Ed25519";
        else throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported key type " + algorithmName(oid)
                    + " (Warden verifies " + KeyType.SUPPORTED + ")");
        try {
            return KeyFactory.getInstance(jca).generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new WardenException(ErrorCode.BAD_KEY, source + ": unsupported or malformed " + jca + " public key");
        }
    }

    private static Object firstObject(Path file, String what) {
        String text = readText(file);
        if (text.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " is in OpenSSH format; convert it to PEM "
                    + "(ssh-keygen -p -m PKCS8 -f FILE) first");
        }
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof ASN1ObjectIdentifier)) return o; // skip "EC PARAMETERS" blocks before the key
            }
        } catch (IOException | RuntimeException e) {
            throw new WardenException(ErrorCode.BAD_KEY, file + ": malformed PEM data");
        }
        throw new WardenException(ErrorCode.BAD_KEY, file + " holds no PEM block; expected " + what);
    }

    private static String readText(Path file) {
        requireNonNull(file, "file");
        try {
            if (Files.isDirectory(file)) throw new WardenException(ErrorCode.BAD_KEY, file + " is a directory, not a PEM file");
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw new WardenException(ErrorCode.BAD_KEY, file + " is larger than 1 MiB; not a PEM key or certificate");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_PEM_BYTES) {
                throw new WardenException(ErrorCode.BAD_KEY, file + " is larger than 1 MiB; not a PEM key or certificate");
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!text.contains("-----BEGIN ")) {
                throw new WardenException(ErrorCode.BAD_KEY, file + " is not a PEM file (no -----BEGIN line)");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new WardenException(ErrorCode.BAD_KEY, file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new WardenException(ErrorCode.BAD_KEY, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static String describe(Object o) {
        if (o instanceof X509CertificateHolder) return "a certificate";
        return "a " + o.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String algorithmName(ASN1ObjectIdentifier oid) {
        String name = new DefaultAlgorithmNameFinder().getAlgorithmName(oid);
        return name == null || name.equals(oid.getId()) ? "with OID " + oid.getId() : name;
    }

    private static String curveName(ASN1ObjectIdentifier oid) {
        String name = ECNamedCurveTable.getName(oid);
        return name != null ? name : oid.getId();
    }
}
