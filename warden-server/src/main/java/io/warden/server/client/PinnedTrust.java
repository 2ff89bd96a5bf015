package io.warden.server.client;

import io.warden.core.io.FileDigest;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for talking to a Warden server: the system's certificate authorities, or — for a server with its
 * self-signed certificate — exactly the certificate whose SHA-256 fingerprint the user was shown at its start.
 */
public final class PinnedTrust {
    private PinnedTrust() {}

    /** An SSL context trusting the CAs (pin null) or only the certificate with that SHA-256 (hex, any case, ':' ok). */
    public static SSLContext context(String pin) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            TrustManager trust = pin == null ? systemTrust() : new Pinned(normalise(pin));
            ssl.init(null, new TrustManager[] {trust}, new SecureRandom());
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    static String normalise(String pin) {
        String p = pin.replace(":", "").toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a certificate fingerprint is 64 hex digits (SHA-256)");
        }
        return p;
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509TrustManager x) return x;
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private record Pinned(String pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) throw new CertificateException("no server certificate");
            String got = FileDigest.sha256Hex(chain[0].getEncoded());
            if (!MessageDigest.isEqual(got.getBytes(), pin.getBytes())) {
                throw new CertificateException("the server's certificate (sha256 " + got + ") is not the pinned one");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
