package io.warden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
    @Test
    void selfSigned_isMadeOnceAndKept_keyOwnerOnly(@TempDir Path dir) throws Exception {
        TlsMaterial first = TlsMaterial.selfSigned(dir);
        TlsMaterial again = TlsMaterial.selfSigned(dir);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).hasSize(64);
        assertThat(Files.getPosixFilePermissions(dir.resolve("key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void load_garbage_failsAsMalformed(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("k.pem"), "nothing");
        assertThatThrownBy(() -> TlsMaterial.load(cert, key)).isInstanceOfSatisfying(WardenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        Path empty = Files.writeString(dir.resolve("e.pem"), "");
        assertThatThrownBy(() -> TlsMaterial.load(empty, key)).hasMessageContaining("no PEM certificate");
    }

    @Test
    void load_certificateWithoutKey_failsAsMalformed(@TempDir Path dir) {
        TlsMaterial.selfSigned(dir);
        assertThatThrownBy(() -> TlsMaterial.load(dir.resolve("cert.pem"), dir.resolve("cert.pem")))
                .isInstanceOfSatisfying(WardenException.class,
                        e -> assertThat(e.getMessage()).contains("no unencrypted PEM private key"));
    }
}
