package io.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.warden.crypto.pkcs11.SoftHsm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HSM from the command line: a keyring whose master key is on a SoftHSM2 token (see SoftHsm). */
class KeysPkcs11CommandTest {
    @TempDir
    Path dir;

    @Test
    void hsmKeyring_sealsAndUnseals_andNeedsTheRightPin() throws IOException {
        Path lib = SoftHsm.library();
        Path pin = Files.writeString(dir.resolve("pin"), SoftHsm.PIN + "\n");
        Path keys = dir.resolve("hsm.json");
        String label = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        CliRun c = run("keys", "create", keys.toString(), "--pkcs11-token", SoftHsm.TOKEN, "--pkcs11-key", label,
                "--pkcs11-library", lib.toString(), "--pkcs11-pin-file", pin.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("master key \"" + label + "\" on PKCS#11 token \"" + SoftHsm.TOKEN + "\"");
        String json = Files.readString(keys);
        assertThat(json).contains("\"provider\" : \"pkcs11\"", "\"token_label\" : \"" + SoftHsm.TOKEN + "\"",
                "\"key_label\" : \"" + label + "\"").doesNotContain(SoftHsm.PIN).doesNotContain(lib.toString());

        List<String> hsm = List.of("--keyring", keys.toString(), "--pkcs11-library", lib.toString(),
                "--pkcs11-pin-file", pin.toString());
        assertThat(run(with(hsm, "keys", "add-dataset", "d")).exit()).isZero();
        Path data = Files.writeString(dir.resolve("data.csv"), "name,email\nJane,jane@example.com\n");
        Path sealed = dir.resolve("data.sealed");
        CliRun s = run(with(hsm, "seal", data.toString(), "--dataset", "d", "-o", sealed.toString()));
        assertThat(s.exit()).as(s.err()).isZero();
        Path back = dir.resolve("back.csv");
        CliRun u = run(with(hsm, "unseal", sealed.toString(), "-o", back.toString()));
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(Files.readString(back)).isEqualTo(Files.readString(data));

        // the same key can wrap a second keyring, and a key label taken on the token is refused
        CliRun reuse = run("keys", "create", dir.resolve("second.json").toString(), "--pkcs11-token", SoftHsm.TOKEN,
                "--pkcs11-key", label, "--pkcs11-existing-key", "--pkcs11-library", lib.toString(),
                "--pkcs11-pin-file", pin.toString());
        assertThat(reuse.exit()).as(reuse.err()).isZero();
        CliRun taken = run("keys", "create", dir.resolve("third.json").toString(), "--pkcs11-token", SoftHsm.TOKEN,
                "--pkcs11-key", label, "--pkcs11-library", lib.toString(), "--pkcs11-pin-file", pin.toString());
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(dir.resolve("third.json")).doesNotExist();

        Path noPin = dir.resolve("nopin");
        CliRun missing = run("unseal", sealed.toString(), "-o", noPin.toString(), "--keyring", keys.toString(),
                "--pkcs11-library", lib.toString(), "--pkcs11-pin-env", "WARDEN_TEST_SURELY_UNSET_PIN");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("the PKCS#11 PIN is not set: put it in WARDEN_TEST_SURELY_UNSET_PIN");
        CliRun noLib = run("unseal", sealed.toString(), "-o", noPin.toString(), "--keyring", keys.toString(),
                "--pkcs11-pin-file", pin.toString(), "--pkcs11-library", dir.resolve("no-such-lib.so").toString());
        assertThat(noLib.exit()).isEqualTo(2);
        assertThat(noLib.err()).contains("does not exist");
        assertThat(noPin).doesNotExist();
    }

    private static List<String> with(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return all;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
