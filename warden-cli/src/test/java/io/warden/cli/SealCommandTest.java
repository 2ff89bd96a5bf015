package io.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealCommandTest {
    @TempDir
    Path dir;

    private Path keys;
    private Path data;

    @BeforeEach
    void keyringWithADataset() throws IOException {
        keys = dir.resolve("k.json");
        assertThat(CliRun.of("keys", "create", keys.toString(), "--insecure-plaintext").exit()).isZero();
        CliRun add = CliRun.of("keys", "add-dataset", "customers", "--keyring", keys.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        byte[] bytes = new byte[3 << 20];
        new Random(1).nextBytes(bytes);
        data = Files.write(dir.resolve("data.bin"), bytes);
    }

    @Test
    void sealThenUnseal_withManifestAndDataset_roundTrips_andIsLogged() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{\"rules\":[]}\n");
        Path sealed = dir.resolve("data.sealed");
        CliRun s = CliRun.of("seal", data.toString(), "--dataset", "customers", "--manifest", manifest.toString(),
                "--keyring", keys.toString(), "-o", sealed.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(s.out()).contains("sealed " + data + " -> " + sealed + " (dataset customers, key version 1, bound to");
        Path back = dir.resolve("back.bin");
        CliRun u = CliRun.of("unseal", sealed.toString(), "--dataset", "customers", "--manifest", manifest.toString(),
                "--keyring", keys.toString(), "-o", back.toString());
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(data));

        CliRun inspect = CliRun.of("unseal", sealed.toString(), "--inspect");
        assertThat(inspect.exit()).isZero();
        assertThat(inspect.out()).contains("dataset:  customers", "key:      version 1", "manifest: sha256 ");
        CliRun log = CliRun.of("keys", "log", "--keyring", keys.toString());
        assertThat(log.exit()).as(log.err()).isZero();
        assertThat(log.out()).contains("4 operation(s), hash chain intact");
        assertThat(Files.readString(dir.resolve("k.json.ops.jsonl"))).contains("\"op\":\"unseal\"");

        Files.writeString(manifest, "{\"rules\":[1]}\n");
        CliRun other = CliRun.of("unseal", sealed.toString(), "--manifest", manifest.toString(), "--keyring",
                keys.toString(), "-o", dir.resolve("x.bin").toString());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("is bound to another manifest");
        assertThat(dir.resolve("x.bin")).doesNotExist();
    }

    @Test
    void tamperedFile_exits1_andWritesNothing() throws IOException {
        Path sealed = seal();
        byte[] b = Files.readAllBytes(sealed);
        b[b.length / 2] ^= 1;
        Files.write(sealed, b);
        Path out = dir.resolve("out.bin");
        CliRun u = CliRun.of("unseal", sealed.toString(), "--keyring", keys.toString(), "-o", out.toString());
        assertThat(u.exit()).isEqualTo(1);
        assertThat(u.err()).startsWith("warden: " + sealed + ": fails authentication").doesNotContain("\n\n");
        assertThat(u.err().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void anotherKeyring_orNotASealedFile_exits2() throws IOException {
        Path sealed = seal();
        Path other = dir.resolve("other.json");
        CliRun.of("keys", "create", other.toString(), "--insecure-plaintext");
        CliRun.of("keys", "add-dataset", "customers", "--keyring", other.toString());
        CliRun u = CliRun.of("unseal", sealed.toString(), "--keyring", other.toString(), "-o", dir.resolve("o").toString());
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err()).contains("was sealed under keyring");
        CliRun junk = CliRun.of("unseal", data.toString(), "--keyring", keys.toString(), "-o", dir.resolve("o").toString());
        assertThat(junk.exit()).isEqualTo(2);
        assertThat(junk.err()).contains("not a Warden sealed file");
        CliRun noKeyring = CliRun.of("seal", data.toString(), "--dataset", "customers", "-o", dir.resolve("o").toString());
        assertThat(noKeyring.exit()).isEqualTo(2);
        assertThat(noKeyring.err()).contains("--keyring");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void rotateRewrapMinimumVersion_andDestroy_workFromTheCommandLine() throws IOException {
        Path sealed = seal();
        CliRun rot = CliRun.of("keys", "rotate", "--dataset", "customers", "--keyring", keys.toString());
        assertThat(rot.exit()).as(rot.err()).isZero();
        assertThat(rot.out()).contains("version 2 seals from now on; versions 1-2 open");
        CliRun cfg = CliRun.of("keys", "config", "--dataset", "customers", "--min-decryption-version", "2",
                "--keyring", keys.toString());
        assertThat(cfg.exit()).as(cfg.err()).isZero();
        CliRun blocked = CliRun.of("unseal", sealed.toString(), "--keyring", keys.toString(), "-o",
                dir.resolve("o").toString());
        assertThat(blocked.exit()).isEqualTo(2);
        assertThat(blocked.err()).contains("below the minimum decryption version 2");
        assertThat(CliRun.of("keys", "config", "--dataset", "customers", "--min-decryption-version", "1",
                "--keyring", keys.toString()).exit()).isZero();
        CliRun rewrap = CliRun.of("keys", "rewrap", sealed.toString(), "--keyring", keys.toString());
        assertThat(rewrap.exit()).as(rewrap.err()).isZero();
        assertThat(rewrap.out()).contains(sealed + ": version 1 -> 2");
        assertThat(CliRun.of("keys", "rewrap", sealed.toString(), "--keyring", keys.toString()).out())
                .contains("already on version 2");
        CliRun list = CliRun.of("keys", "list", "--keyring", keys.toString());
        assertThat(list.out()).contains("dataset customers: version 2 seals; versions 1-2 open");

        CliRun unconfirmed = CliRun.of("keys", "destroy", "--dataset", "customers", "--confirm", "custom",
                "--keyring", keys.toString());
        assertThat(unconfirmed.exit()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("nothing was destroyed");
        CliRun destroy = CliRun.of("keys", "destroy", "--dataset", "customers", "--confirm", "customers",
                "--keyring", keys.toString());
        assertThat(destroy.exit()).as(destroy.err()).isZero();
        CliRun gone = CliRun.of("unseal", sealed.toString(), "--keyring", keys.toString(), "-o",
                dir.resolve("o").toString());
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("the key of dataset customers was destroyed on").contains("cannot be opened by anyone");
        assertThat(CliRun.of("keys", "list", "--keyring", keys.toString()).out()).contains("DESTROYED on");
        assertThat(Files.readString(keys)).doesNotContain("\"keyset\"");
    }

    @Test
    void passphraseKeyring_wrongPassphrase_exits2_withoutOutput() throws IOException {
        Path pass = Files.writeString(dir.resolve("pass.txt"), "a long enough passphrase\n");
        Path pk = dir.resolve("p.json");
        assertThat(CliRun.of("keys", "create", pk.toString(), "--passphrase-file", pass.toString()).exit()).isZero();
        assertThat(CliRun.of("keys", "add-dataset", "d", "--keyring", pk.toString(), "--passphrase-file",
                pass.toString()).exit()).isZero();
        Path sealed = dir.resolve("p.sealed");
        assertThat(CliRun.of("seal", data.toString(), "--dataset", "d", "--keyring", pk.toString(),
                "--passphrase-file", pass.toString(), "-o", sealed.toString()).exit()).isZero();
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not the passphrase at all\n");
        CliRun u = CliRun.of("unseal", sealed.toString(), "--keyring", pk.toString(), "--passphrase-file",
                wrong.toString(), "-o", dir.resolve("o").toString());
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err()).contains("wrong passphrase").doesNotContain("not the passphrase");
        assertThat(dir.resolve("o")).doesNotExist();
        assertThat(Files.readString(dir.resolve("p.json.ops.jsonl"))).contains("\"outcome\":\"failed\"");
    }

    private Path seal() {
        Path sealed = dir.resolve("data.sealed");
        CliRun s = CliRun.of("seal", data.toString(), "--dataset", "customers", "--keyring", keys.toString(), "-o",
                sealed.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        return sealed;
    }
}
