package io.warden.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealHeaderTest {
    private static final SealHeader HEADER =
            new SealHeader("0123456789abcdef", "customers.v2", 0x8000_0001, 3, new byte[32]);

    @Test
    void encodeThenRead_roundTrips_andAnAllZeroDigestMeansNoManifest() throws IOException {
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) 7);
        SealHeader h = new SealHeader("0123456789abcdef", "customers.v2", 0x8000_0001, 3, digest);
        assertThat(read(h.encode())).isEqualTo(h);
        SealHeader none = read(HEADER.encode());
        assertThat(none.manifestDigest()).isNull();
        assertThat(none.keyId()).isEqualTo(0x8000_0001);
        assertThat(none.toString()).contains("key version 3 (id 2147483649)");
    }

    @Test
    void randomBytes_andMutatedHeaders_readOrFailWithAOneLineMalformedInput() {
        Random random = new Random(42);
        byte[] good = HEADER.encode();
        for (int trial = 0; trial < 5000; trial++) {
            byte[] bytes;
            if (trial % 2 == 0) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                if (bytes.length >= 8 && random.nextBoolean()) System.arraycopy(SealHeader.MAGIC, 0, bytes, 0, 8);
            } else {
                bytes = good.clone();
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                if (random.nextInt(4) == 0) bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            try {
                SealHeader h = read(bytes);
                assertThat(h.encode()).isEqualTo(Arrays.copyOf(bytes, h.encode().length));
            } catch (WardenException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
                assertThat(e.getMessage()).startsWith("f: not a Warden sealed file (").doesNotContain("\n");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void invalidFields_areRefusedWhenBuilt() {
        assertThatThrownBy(() -> new SealHeader("xyz", "a", 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealHeader("0123456789abcdef", "a/b", 1, 1, null))
                .isInstanceOf(WardenException.class);
        assertThatThrownBy(() -> new SealHeader("0123456789abcdef", "a", 1, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealHeader("0123456789abcdef", "a", 1, 1, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SealHeader read(byte[] bytes) throws IOException {
        return SealHeader.read(Channels.newChannel(new ByteArrayInputStream(bytes)), "f");
    }
}
