package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.util.List;

/** What a bundle says about who signed it: a bare public key (named by its hint) or a certificate chain. */
public sealed interface VerificationMaterial {
    /**
     * Signed with a bare key. {@code hint} is the SHA-256 of the key's PEM text; empty in bundles written before
     * {@code model_signing} 1.1, which carried the key itself (ignored: the verifier brings the key it trusts).
     */
    record PublicKeyHint(String hint) implements VerificationMaterial {
        public PublicKeyHint {
            hint = hint == null ? "" : hint;
        }
    }

    /** Signed with a certificate: the signing certificate first, then intermediates (never trusted by themselves). */
    record CertificateChain(List<X509Certificate> certificates) implements VerificationMaterial {
        public CertificateChain {
            certificates = List.copyOf(requireNonNull(certificates, "certificates"));
            if (certificates.isEmpty()) throw new IllegalArgumentException("a chain needs the signing certificate");
        }

        /** The certificate of the signing key. */
        public X509Certificate signingCertificate() {
            return certificates.get(0);
        }
    }
}
