package io.warden.cli;

import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.protect.job.RevealJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden reveal}: re-identifies tokenized and FPE-encrypted values for a holder of the key. */
@Command(name = "reveal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn tokens (tokenize) and FPE values back into the originals, with the keyring they were "
                + "made with.", "All or nothing: a value that does not open with the keyring writes nothing "
                + "(exit 2)."})
final class RevealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A dataset written by warden protect.")
    Path input;

    @Option(names = {"-p", "--policy"}, paramLabel = "FILE", required = true,
            description = "The policy it was protected with (its fpe column rules say which columns to decrypt).")
    Path policyFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The revealed dataset.")
    Path output;

    @Mixin
    KeyringOption keyringOption;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        int n = threads.resolve();
        Outputs.check(input, List.of(output));
        Policy policy = PolicyLoader.load(policyFile);
        PrintWriter err = spec.commandLine().getErr();
        RevealJob job = new RevealJob(policy, keyringOption.load(policy, err));
        long records = job.run(input, inputOptions.readOptions(), output, n);
        spec.commandLine().getOut().printf("warden reveal: %d records written to %s%n", records, output);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
