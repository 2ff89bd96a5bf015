package io.warden.crypto.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The reference tool's published test data in {@code src/test/resources/oms/model-transparency} (see its README). */
final class OmsFixtures {
    private OmsFixtures() {}

    static Path root() {
        try {
            return Path.of(OmsFixtures.class.getResource("/oms/model-transparency").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path key(String name) {
        return root().resolve("keys").resolve(name);
    }

    /** Copies fixture directory {@code name} into {@code dir} and returns the copy. */
    static Path copy(String name, Path dir) {
        Path from = root().resolve(name);
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
