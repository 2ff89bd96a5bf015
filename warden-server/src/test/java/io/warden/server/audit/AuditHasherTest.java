package io.warden.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditHasherTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static String reference(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static AuditHasher hasher() {
        return new AuditHasher(SecretBytes.copyFrom(KEY, InsecureSecretKeyAccess.get()));
    }

    @Test
    void hash_isTruncatedHmacSha256_andAddressesHashAlike() throws Exception {
        AuditHasher h = hasher();
        for (String v : new String[] {"", "127.0.0.1", "::1", "ünïcode", "x".repeat(10_000)}) {
            assertThat(h.hash(v)).isEqualTo(reference(v));
            assertThat(h.hashAddress(v)).isEqualTo(reference(v));
            assertThat(h.hashAddress(v)).isEqualTo(reference(v)); // from the cache
        }
        assertThat(h.hash(null)).isNull();
        assertThat(h.hashAddress(null)).isNull();
    }

    @Test
    void hash_fromManyThreadsAtOnce_isAlwaysTheSame() throws Exception {
        AuditHasher h = hasher();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String v = "10.0." + seed + "." + (i % 300);
                        if (!h.hash(v).equals(reference(v)) || !h.hashAddress(v).equals(reference(v))) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) assertThat(f.get()).isTrue();
        }
    }

    @Test
    void hashAddress_manyDistinctAddresses_stayCorrectPastTheCacheSize() throws Exception {
        AuditHasher h = hasher();
        for (int i = 0; i < 3 * AuditHasher.CACHED_ADDRESSES; i++) {
            String v = "192.168." + (i >> 8) + "." + (i & 255);
            assertThat(h.hashAddress(v)).isEqualTo(reference(v));
        }
    }
}
