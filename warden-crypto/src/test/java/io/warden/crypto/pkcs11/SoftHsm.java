package io.warden.crypto.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh SoftHSM2 tokens for the tests in this JVM.
 *
 * <p>Public, in warden-crypto's test jar, for the CLI's HSM tests. SoftHSM2 reads its configuration ({@code SOFTHSM2_CONF}) and scans its token directory once, when a process
 * first initialises the library, and a JVM cannot set its own environment. So the parent pom points
 * {@code SOFTHSM2_CONF} at {@code target/softhsm/softhsm2.conf} of each module (and sets the system property
 * {@code warden.softhsm.conf} to the same path, so an unrelated {@code SOFTHSM2_CONF} is never wiped), and on first use
 * this class empties that directory and creates every token the tests use with {@code bin/softhsm-init.sh} — before
 * anything in this JVM loads the library. A token created later would not be seen.
 *
 * <p>Without SoftHSM2 (no library, no softhsm2-util, or not run through Maven) the tests that need it are skipped
 * with the reason, or fail with it when {@code WARDEN_REQUIRE_SOFTHSM=1} (./run-tests sets it).
 */
public final class SoftHsm {
    /** The shared token: tests give their keys unique labels. */
    public static final String TOKEN = "warden-test";
    /** A token only the wrong-PIN test logs in to, so its first wrong PIN reaches the token. */
    static final String FRESH_TOKEN = "warden-fresh";
    /** The user PIN of both tokens; distinctive, so tests can look for it in messages. */
    public static final String PIN = "pin-7Qx9-unique";

    private static final String[] LIBRARIES = {
        "/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so",
        "/usr/lib64/softhsm/libsofthsm2.so", "/usr/lib/pkcs11/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so",
        "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    };

    private SoftHsm() {}

    /** The SoftHSM2 library, with the tokens created; skips or fails the test when that is impossible. */
    public static Path library() {
        State s = Holder.STATE;
        if (s.library == null) {
            String reason = "SoftHSM2 tests not run: " + s.problem;
            if ("1".equals(System.getenv("WARDEN_REQUIRE_SOFTHSM"))) Assertions.fail(reason + " (WARDEN_REQUIRE_SOFTHSM=1)");
            Assumptions.abort(reason);
        }
        return s.library;
    }

    static Pkcs11Login login(String token) {
        return Pkcs11Login.of(library(), token, PIN.toCharArray());
    }

    private record State(Path library, String problem) {}

    private static final class Holder {
        static final State STATE = init();
    }

    private static State init() {
        Path lib = findLibrary();
        if (lib == null) return new State(null, "libsofthsm2.so not found (set WARDEN_SOFTHSM_LIB, or run ./run-tests, "
                + "which installs softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || !conf.equals(System.getProperty("warden.softhsm.conf"))) {
            return new State(null, "SOFTHSM2_CONF is not the one the pom sets; run these tests through "
                    + "Maven");
        }
        Path dir = Path.of(conf).getParent();
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            for (String token : List.of(TOKEN, FRESH_TOKEN)) {
                String problem = initToken(dir, token);
                if (problem != null) return new State(null, problem);
            }
        } catch (IOException e) {
            return new State(null, "cannot prepare " + dir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new State(null, "interrupted while creating tokens");
        }
        return new State(lib, null);
    }

    private static Path findLibrary() {
        String env = System.getenv("WARDEN_SOFTHSM_LIB");
        if (env != null && !env.isEmpty()) return Files.isRegularFile(Path.of(env)) ? Path.of(env) : null;
        for (String l : LIBRARIES) if (Files.isRegularFile(Path.of(l))) return Path.of(l);
        return null;
    }

    /** Runs bin/softhsm-init.sh DIR LABEL; returns why it failed, or null. */
    private static String initToken(Path dir, String label) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("warden.root", "."), "bin", "softhsm-init.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), dir.toString(), label)
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("WARDEN_PKCS11_PIN", PIN);
        env.put("WARDEN_PKCS11_SO_PIN", "so-" + PIN);
        env.put("WARDEN_SOFTHSM_NO_INSTALL", "1"); // tests never install packages; ./run-tests does, beforehand
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) return "bin/softhsm-init.sh " + label + " failed: " + out.strip();
        return null;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
