package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that work in parallel. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available cores).")
    Integer threads;

    /** The number of worker threads: the option (1..256), or the available cores. */
    int resolve() {
        if (threads == null) return Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 256) throw new WardenException(ErrorCode.BAD_USAGE, "--threads must be between 1 and 256");
        return threads;
    }
}
