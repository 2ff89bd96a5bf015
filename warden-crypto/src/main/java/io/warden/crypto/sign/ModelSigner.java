package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs a model or dataset (a directory, or a single file) in OMS v1.0: hashes every file in parallel, builds the
 * {@link OmsStatement}, signs its DSSE encoding and returns the {@link SigstoreBundle} — nothing is written here.
 */
public final class ModelSigner {
    private ModelSigner() {}

    /**
     * How to sign: the key; the certificate chain (signing certificate first, then intermediates; empty to sign with
     * the bare key); the paths not to sign; whether symbolic links inside the model are followed; worker threads.
     */
    public record Options(SigningKey key, List<X509Certificate> certificates, IgnorePaths ignore,
            boolean allowSymlinks, int threads) {
        public Options {
            requireNonNull(key, "key");
            certificates = List.copyOf(certificates);
            requireNonNull(ignore, "ignore");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** A signature made: the bundle, the statement it signs, and how many bytes were hashed. */
    public record Signed(SigstoreBundle bundle, OmsStatement statement, long bytes) {}

    /**
     * Signs {@code model}.
     *
     * @throws WardenException INPUT_NOT_FOUND when the model is missing or unreadable; MALFORMED_INPUT when it has no
     *     file to sign or holds a link or special file that is not allowed; BAD_KEY when the certificate does not
     *     belong to the key or may not sign
     */
    public static Signed sign(Path model, Options options) {
        requireNonNull(model, "model");
        VerificationMaterial material = material(options);
        List<ModelFile> files = ModelWalker.list(model, options.ignore(), options.allowSymlinks());
        if (files.isEmpty()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "nothing to sign: " + model
                    + " holds no file (after the ignore paths)");
        }
        List<Resource> resources = ParallelSha256.hash(files, options.threads());
        OmsStatement statement = new OmsStatement(modelName(model),
                Serialization.files(options.allowSymlinks(), options.ignore().paths()), resources);
        byte[] payload = statement.toJson();
        byte[] pae = DsseEnvelope.pae(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload);
        byte[] sig = options.key().sign(pae);
        if (!options.key().publicKey().verifies(sig, pae)) {
            throw new WardenException(ErrorCode.INTERNAL, "the new signature does not verify with its own public key");
        }
        DsseEnvelope envelope = new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload,
                List.of(new DsseEnvelope.Signature(sig, "")));
        long bytes = files.stream().mapToLong(ModelFile::size).sum();
        return new Signed(new SigstoreBundle(material, envelope), statement, bytes);
    }

    /**
     * The model's name in the statement, as {@code model_signing} picks it: the last component of the path as given,
     * or of the resolved path when that is empty or {@code ..} (e.g. for {@code .}).
     */
    static String modelName(Path model) {
        Path n = model.normalize().getFileName();
        String name = n == null ? "" : n.toString();
        if (!name.isEmpty() && !name.equals("..")) return name;
        try {
            Path real = model.toRealPath().getFileName();
            return real == null ? "" : real.toString();
        } catch (IOException e) {
            Path abs = model.toAbsolutePath().normalize().getFileName();
            return abs == null ? "" : abs.toString();
        }
    }

    private static VerificationMaterial material(Options options) {
        if (options.certificates().isEmpty()) {
            return new VerificationMaterial.PublicKeyHint(options.key().publicKey().hint());
        }
        X509Certificate leaf = options.certificates().get(0);
        if (!options.key().publicKey().sameKey(leaf.getPublicKey())) {
            throw new WardenException(ErrorCode.BAD_KEY, "the signing certificate ("
                    + DisplayNames.of(leaf.getSubjectX500Principal().getName()) + ") is not the key's certificate: its "
                    + "public key differs");
        }
        if (!CertificateChains.maySign(leaf)) {
            throw new WardenException(ErrorCode.BAD_KEY, "the signing certificate may not sign: its key usage lacks "
                    + "digitalSignature and its extended key usage lacks codeSigning (verifiers would refuse it)");
        }
        return new VerificationMaterial.CertificateChain(options.certificates());
    }
}
