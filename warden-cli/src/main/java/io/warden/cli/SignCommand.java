package io.warden.cli;

import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.sign.DisplayNames;
import io.warden.crypto.sign.ModelSigner;
import io.warden.crypto.sign.PemFiles;
import io.warden.crypto.sign.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden sign}: an OMS v1.0 signature (Sigstore bundle) over every file of a model or dataset. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign a model or dataset directory (or one file) in the OpenSSF Model Signing format: the SHA-256 "
                + "of every file, in an in-toto statement, signed (DSSE) into a Sigstore bundle that model_signing "
                + "verifies too.",
                "Keys: ECDSA P-256, P-384, P-521 (model_signing-compatible) or Ed25519 (Warden only), PEM. With "
                + "--cert/--cert-chain the bundle carries the certificate chain instead of a key hint."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:signed", "2:bad usage or input (nothing written)", "3:internal error"})
final class SignCommand implements Callable<Integer> {
    /** The environment variable that holds an encrypted key's passphrase unless --key-passphrase-env names another. */
    static final String DEFAULT_PASSPHRASE_ENV = "WARDEN_KEY_PASSPHRASE";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The model or dataset: a directory, or a single file.")
    Path model;

    @Option(names = {"--key", "--private-key"}, required = true, paramLabel = "KEY.pem",
            description = "The private key (PEM: PKCS#8, SEC1, or encrypted PKCS#8 with --key-passphrase-env).")
    Path key;

    @Option(names = {"--cert", "--signing-certificate"}, paramLabel = "CERT.pem",
            description = "The key's certificate; the bundle then names the signer by its chain, not a key hint.")
    Path cert;

    @Option(names = {"--cert-chain", "--certificate-chain"}, paramLabel = "FILE",
            description = "Intermediate certificates to put in the bundle after the signing certificate (repeatable). "
                    + "Without --cert, the first certificate here is the signing certificate.")
    List<Path> chain = new ArrayList<>();

    @Option(names = "--key-passphrase-env", paramLabel = "VAR", defaultValue = DEFAULT_PASSPHRASE_ENV,
            description = "Environment variable holding an encrypted key's passphrase (default: ${DEFAULT-VALUE}).")
    String passphraseEnv;

    @Mixin
    SignatureOptions options;

    @Option(names = "--force", description = "Replace an existing signature file (never replaced otherwise).")
    boolean force;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads.resolve();
        if (!Files.exists(model, LinkOption.NOFOLLOW_LINKS)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, model + " does not exist");
        }
        Path sig = options.signature(model);
        if (Files.exists(sig, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new WardenException(ErrorCode.BAD_USAGE, sig + " exists; pass --force to replace it");
        }
        Outputs.check(model, List.of(sig));
        SigningKey signingKey = PemFiles.readPrivateKey(key, this::passphrase);
        List<X509Certificate> certificates = certificates();
        long start = System.nanoTime();
        ModelSigner.Signed signed = ModelSigner.sign(model, new ModelSigner.Options(signingKey, certificates,
                options.ignorePaths(model), options.allowSymlinks, workers));
        long nanos = System.nanoTime() - start;
        AtomicFile.write(sig, signed.bundle().toJson());
        if (!signingKey.type().verifiableByModelSigning()) {
            err.println("warden: note: " + signingKey.type().label() + " signatures verify in Warden but not in "
                    + "model_signing, which accepts ECDSA keys only");
            err.flush();
        }
        if (!quiet) {
            int files = signed.statement().resources().size();
            out.println("signed " + model + ": " + files + (files == 1 ? " file, " : " files, ")
                    + SignatureOptions.size(signed.bytes()) + " hashed in " + SignatureOptions.seconds(nanos)
                    + SignatureOptions.rate(signed.bytes(), nanos));
            out.println("  signer:  " + signingKey.type().label() + (certificates.isEmpty() ? " key " + key
                    : " certificate " + DisplayNames.of(certificates.get(0).getSubjectX500Principal().getName())));
            out.println("  subject: " + DisplayNames.of(signed.statement().modelName()) + " sha256:"
                    + signed.statement().subjectDigest());
            out.println("  bundle:  " + sig);
            out.flush();
        }
        return Main.OK;
    }

    private List<X509Certificate> certificates() {
        List<X509Certificate> all = new ArrayList<>();
        if (cert != null) all.addAll(PemFiles.readCertificates(cert));
        for (Path p : chain) all.addAll(PemFiles.readCertificates(p));
        return all;
    }

    private char[] passphrase(Path keyFile) {
        String v = System.getenv(passphraseEnv);
        if (v == null || v.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_KEY, keyFile + " is an encrypted private key: put its passphrase "
                    + "in the environment variable " + passphraseEnv + " (or name another with --key-passphrase-env)");
        }
        return v.toCharArray();
    }
}
