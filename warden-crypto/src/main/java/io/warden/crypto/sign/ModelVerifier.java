package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a model or dataset against an OMS v1.0 bundle: first that a trusted key signed it (a given public key, or
 * a certificate chaining to given roots), then that every file matches — nothing missing, nothing extra, nothing
 * changed — hashing in parallel.
 *
 * <p>The files are checked the way they were signed: the signed {@code ignore_paths} are ignored (plus the
 * verifier's own), and symbolic links are followed when the signature says they were.
 */
public final class ModelVerifier {
    private ModelVerifier() {}

    /** Whom the verifier trusts. */
    public sealed interface Trust {
        /** The holder of this key's private half. */
        record Key(VerificationKey key, String source) implements Trust {
            public Key {
                requireNonNull(key, "key");
                requireNonNull(source, "source");
            }
        }

        /** Any signing certificate that chains to one of these certificates. */
        record Roots(List<X509Certificate> anchors) implements Trust {
            public Roots {
                anchors = List.copyOf(anchors);
                if (anchors.isEmpty()) throw new IllegalArgumentException("at least one trusted certificate");
            }
        }
    }

    /**
     * How to verify: whom to trust; paths to ignore besides the signed ones; whether to follow symbolic links even if
     * the signature did not; whether files the signature does not list are tolerated; worker threads.
     */
    public record Options(Trust trust, IgnorePaths ignore, boolean allowSymlinks, boolean ignoreUnsigned, int threads) {
        public Options {
            requireNonNull(trust, "trust");
            requireNonNull(ignore, "ignore");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /**
     * Verifies {@code model} against {@code bundle}.
     *
     * @return {@link Verification.Verified}, {@link Verification.Untrusted} or {@link Verification.Mismatch}
     * @throws WardenException MALFORMED_INPUT when the signed content is not an OMS v1.0 statement Warden can check,
     *     BAD_KEY when the signing certificate's key is of an unsupported kind, INPUT_NOT_FOUND when the model is
     *     missing or unreadable
     */
    public static Verification verify(Path model, SigstoreBundle bundle, Options options) {
        requireNonNull(model, "model");
        requireNonNull(bundle, "bundle");
        VerificationKey key;
        String signer;
        switch (options.trust()) {
            case Trust.Key k -> {
                if (bundle.material() instanceof VerificationMaterial.PublicKeyHint h && !h.hint().isEmpty()
                        && !h.hint().equalsIgnoreCase(k.key().hint())) {
                    return new Verification.Untrusted("the bundle was signed with another key (its key hint "
                            + DisplayNames.of(abbreviate(h.hint())) + " is not " + k.source() + "'s "
                            + abbreviate(k.key().hint()) + ")");
                }
                key = k.key();
                signer = k.key().type().label() + " key " + k.source();
            }
            case Trust.Roots r -> {
                if (!(bundle.material() instanceof VerificationMaterial.CertificateChain chain)) {
                    return new Verification.Untrusted("the bundle was signed with a bare key, not a certificate; "
                            + "verify it with the signer's public key");
                }
                String problem = CertificateChains.problem(chain.certificates(), r.anchors());
                if (problem != null) return new Verification.Untrusted(problem);
                key = VerificationKey.of(chain.signingCertificate().getPublicKey(), "the signing certificate");
                signer = key.type().label() + " certificate "
                        + DisplayNames.of(chain.signingCertificate().getSubjectX500Principal().getName());
            }
        }
        DsseEnvelope env = bundle.envelope();
        byte[] pae = env.pae();
        boolean signed = env.signatures().stream().anyMatch(s -> key.verifies(s.sig(), pae));
        if (!signed) {
            return new Verification.Untrusted("the signature does not verify with the " + signer
                    + ": the bundle was signed by another key or altered");
        }
        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(env.payloadType())) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "the signed payload is "
                    + DisplayNames.of(env.payloadType()) + ", not an in-toto statement");
        }
        OmsStatement expected = OmsStatement.parse(env.payload());
        IgnorePaths ignore = IgnorePaths.fromSignature(expected.serialization().ignorePaths()).plus(options.ignore());
        boolean symlinks = options.allowSymlinks() || expected.serialization().allowSymlinks();
        List<ModelFile> files = ModelWalker.list(model, ignore, symlinks);
        if (options.ignoreUnsigned()) {
            Set<String> signedNames = new HashSet<>();
            for (Resource r : expected.resources()) signedNames.add(r.name());
            files = files.stream().filter(f -> signedNames.contains(f.name())).toList();
        }
        List<Resource> actual = ParallelSha256.hash(files, options.threads());
        ManifestDiff diff = ManifestDiff.of(expected.resources(), actual);
        if (!diff.isEmpty()) return new Verification.Mismatch(expected, signer, diff);
        return new Verification.Verified(expected, signer, files.stream().mapToLong(ModelFile::size).sum());
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
    }
}
