package io.warden.crypto.sign;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a bundle's signing certificate chains up to one of the verifier's trusted certificates, as
 * {@code model_signing} does: at the moment the signing certificate became valid (its {@code notBefore}, so a
 * signature outlives the certificate's expiry), without revocation checks, and with a signing certificate whose key
 * usage allows digital signatures or whose extended key usage allows code signing.
 *
 * <p>This uses the JDK's PKIX {@link CertPathBuilder}: Tink has no X.509 path validation, and the JDK's is the
 * standard, maintained one (basic constraints, key usage of CAs, signature algorithms, critical extensions).
 */
final class CertificateChains {
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final int DIGITAL_SIGNATURE = 0;

    private CertificateChains() {}

    /** Why {@code chain} (signing certificate first) is not trusted by {@code anchors}, or null when it is. */
    static String problem(List<X509Certificate> chain, List<X509Certificate> anchors) {
        X509Certificate leaf = chain.get(0);
        Set<TrustAnchor> trust = new HashSet<>();
        for (X509Certificate a : anchors) trust.add(new TrustAnchor(a, null));
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(leaf.getNotBefore().toInstant()));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            return "the signing certificate (" + DisplayNames.of(leaf.getSubjectX500Principal().getName())
                    + ") does not chain to a trusted certificate";
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return "its certificate chain cannot be checked (" + e.getClass().getSimpleName() + ")";
        }
        if (!maySign(leaf)) {
            return "the signing certificate may not sign: its key usage lacks digitalSignature and its extended key "
                    + "usage lacks codeSigning";
        }
        return null;
    }

    /** Whether {@code cert} may make signatures: key usage digitalSignature, or extended key usage codeSigning. */
    static boolean maySign(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        if (ku != null && ku.length > DIGITAL_SIGNATURE && ku[DIGITAL_SIGNATURE]) return true;
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(CODE_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
