package io.warden.cli;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks a command's output paths before any work starts, so a long run does not fail at its very end. */
final class Outputs {
    private Outputs() {}

    /** Fails unless {@code input} is a readable regular file. */
    static void requireReadable(Path input) {
        if (!Files.isRegularFile(input)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + ": "
                    + (Files.isDirectory(input) ? "it is a directory" : "no such file"));
        }
        if (!Files.isReadable(input)) {
            throw new WardenException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + input + ": permission denied");
        }
    }

    /** Fails unless every output can be created, none is the input (null: none), and no two are the same file. */
    static void check(Path input, List<Path> outputs) {
        for (Path p : outputs) {
            Path abs = p.toAbsolutePath().normalize();
            if (input != null && abs.equals(input.toAbsolutePath().normalize())) {
                throw new WardenException(ErrorCode.BAD_USAGE, "output " + p + " would overwrite the input");
            }
            Path dir = abs.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write " + p + ": directory does not exist");
            }
            if (Files.isDirectory(abs)) throw new WardenException(ErrorCode.OUTPUT_FAILED, p + " is a directory");
        }
        if (outputs.stream().map(p -> p.toAbsolutePath().normalize()).distinct().count() < outputs.size()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "two outputs name the same file");
        }
    }
}
