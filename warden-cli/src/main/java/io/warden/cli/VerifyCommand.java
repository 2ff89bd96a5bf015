package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.sign.DisplayNames;
import io.warden.crypto.sign.ManifestDiff;
import io.warden.crypto.sign.ModelVerifier;
import io.warden.crypto.sign.PemFiles;
import io.warden.crypto.sign.SigstoreBundle;
import io.warden.crypto.sign.Verification;
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

/** {@code warden verify}: checks a model or dataset against an OMS v1.0 signature, file by file. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify a model or dataset against its OpenSSF Model Signing bundle (Warden's or "
                + "model_signing's): the signature must be by the given public key, or by a certificate that chains "
                + "to a given root; then every file must match. Missing, extra and changed files are listed by name."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified", "1:verification failed (untrusted signature, or files differ)",
            "2:bad usage or input (malformed bundle, unsupported key)", "3:internal error"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The model or dataset: a directory, or a single file.")
    Path model;

    @Option(names = {"--key", "--public-key"}, paramLabel = "PUB.pem",
            description = "Trust signatures by this public key (PEM).")
    Path key;

    @Option(names = {"--cert-chain", "--certificate-chain"}, paramLabel = "FILE",
            description = "Trust signing certificates that chain to a certificate in FILE (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Mixin
    SignatureOptions options;

    @Option(names = "--ignore-unsigned",
            description = "Tolerate files the signature does not list (they are reported as extra otherwise).")
    boolean ignoreUnsigned;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((key == null) == roots.isEmpty()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "say whom to trust, once: --key PUB.pem, or --cert-chain "
                    + "ROOTS.pem for certificate signatures");
        }
        int workers = threads.resolve();
        if (!Files.exists(model, LinkOption.NOFOLLOW_LINKS)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, model + " does not exist");
        }
        Path sig = options.signature(model);
        SigstoreBundle bundle = SigstoreBundle.read(sig);
        ModelVerifier.Trust trust;
        if (key != null) {
            trust = new ModelVerifier.Trust.Key(PemFiles.readPublicKey(key), key.toString());
        } else {
            List<X509Certificate> anchors = new ArrayList<>();
            for (Path p : roots) anchors.addAll(PemFiles.readCertificates(p));
            trust = new ModelVerifier.Trust.Roots(anchors);
        }
        long start = System.nanoTime();
        Verification result = ModelVerifier.verify(model, bundle, new ModelVerifier.Options(trust,
                options.ignorePaths(model), options.allowSymlinks, ignoreUnsigned, workers));
        long nanos = System.nanoTime() - start;
        switch (result) {
            case Verification.Verified v -> {
                if (!quiet) {
                    int files = v.statement().resources().size();
                    out.println("verified " + model + ": " + files + (files == 1 ? " file, " : " files, ")
                            + SignatureOptions.size(v.bytes()) + " in " + SignatureOptions.seconds(nanos)
                            + SignatureOptions.rate(v.bytes(), nanos));
                    out.println("  signer:  " + v.signer());
                    out.println("  subject: " + DisplayNames.of(v.statement().modelName()) + " sha256:"
                            + v.statement().subjectDigest());
                    out.flush();
                }
                return Main.OK;
            }
            case Verification.Untrusted u -> {
                err.println("warden: verification failed: " + u.reason());
                err.flush();
                return Main.GATE_FAILED;
            }
            case Verification.Mismatch m -> {
                ManifestDiff d = m.diff();
                d.missing().forEach(n -> out.println("missing  " + DisplayNames.of(n)));
                d.extra().forEach(n -> out.println("extra    " + DisplayNames.of(n)));
                d.changed().forEach(n -> out.println("changed  " + DisplayNames.of(n)));
                out.flush();
                err.println("warden: verification failed: " + model + " does not match its signature ("
                        + d.summary() + ")");
                err.flush();
                return Main.GATE_FAILED;
            }
        }
    }
}
