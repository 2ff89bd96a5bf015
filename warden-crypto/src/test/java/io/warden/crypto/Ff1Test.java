package io.warden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Ff1Test {
    private static final String DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /** NIST SP 800-38G FF1 samples 1-9 (AES-128, -192, -256; radix 10 and 36; with and without tweak). */
    @ParameterizedTest(name = "sample {0}")
    @CsvSource({
        "1, 2B7E151628AED2A6ABF7158809CF4F3C, 10, '', 0123456789, 2433477484",
        "2, 2B7E151628AED2A6ABF7158809CF4F3C, 10, 39383736353433323130, 0123456789, 6124200773",
        "3, 2B7E151628AED2A6ABF7158809CF4F3C, 36, 3737373770717273373737, 0123456789abcdefghi, a9tv40mll9kdu509eum",
        "4, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, 10, '', 0123456789, 2830668132",
        "5, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, 10, 39383736353433323130, 0123456789, 2496655549",
        "6, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F, 36, 3737373770717273373737, 0123456789abcdefghi, "
                + "xbj3kv35jrawxv32ysr",
        "7, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, 10, '', 0123456789, 6657667009",
        "8, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, 10, 39383736353433323130, 0123456789, "
                + "1001623463",
        "9, 2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94, 36, 3737373770717273373737, "
                + "0123456789abcdefghi, xs8a0azh2avyalyzuwd",
    })
    void encrypt_nistSamples_matchBothWays(int sample, String keyHex, int radix, String tweakHex, String plain,
            String cipher) {
        byte[] key = HexFormat.of().parseHex(keyHex);
        byte[] tweak = HexFormat.of().parseHex(tweakHex);
        Ff1 ff1 = new Ff1(secret(key), radix);
        assertThat(text(ff1.encrypt(numerals(plain), tweak))).isEqualTo(cipher);
        assertThat(text(ff1.decrypt(numerals(cipher), tweak))).isEqualTo(plain);
        assertThat(text(bouncyCastle(key, radix, tweak, numerals(plain), true))).isEqualTo(cipher);
    }

    @Test
    void encrypt_randomInputs_equalsBouncyCastle_andDecryptRoundTrips() {
        Random random = new Random(20250101);
        int[] radices = {10, 26, 36, 52, 62, 2, 255};
        for (int trial = 0; trial < 600; trial++) {
            int radix = radices[trial % radices.length];
            byte[] key = new byte[trial % 3 == 0 ? 16 : 32];
            random.nextBytes(key);
            int n = Ff1.minLength(radix) + random.nextInt(radix == 2 ? 60 : 30);
            byte[] x = new byte[n];
            for (int i = 0; i < n; i++) x[i] = (byte) random.nextInt(radix);
            byte[] tweak = new byte[random.nextInt(40)]; // 0..39 bytes: one, two and three Q blocks
            random.nextBytes(tweak);
            Ff1 ff1 = new Ff1(secret(key), radix);
            byte[] enc = ff1.encrypt(x, tweak);
            assertThat(enc).as("radix %d, n %d, tweak %d", radix, n, tweak.length)
                    .isEqualTo(bouncyCastle(key, radix, tweak, x, true));
            assertThat(ff1.decrypt(enc, tweak)).isEqualTo(x);
        }
    }

    @Test
    void encrypt_oneInstance_lengthsAndTweaksInTurn_equalsBouncyCastle() {
        // each thread keeps the MAC prefix of the last (length, tweak): switching must never reuse a stale one
        Random random = new Random(99);
        byte[] key = new byte[32];
        random.nextBytes(key);
        Ff1 ff1 = new Ff1(secret(key), 10);
        byte[][] tweaks = {new byte[0], "card".getBytes(StandardCharsets.UTF_8), "card2".getBytes(StandardCharsets.UTF_8),
            "a-field-name-longer-than-one-block".getBytes(StandardCharsets.UTF_8)};
        for (int trial = 0; trial < 300; trial++) {
            byte[] tweak = tweaks[random.nextInt(tweaks.length)];
            byte[] x = new byte[6 + random.nextInt(4)];
            for (int i = 0; i < x.length; i++) x[i] = (byte) random.nextInt(10);
            byte[] enc = ff1.encrypt(x, tweak);
            assertThat(enc).isEqualTo(bouncyCastle(key, 10, tweak, x, true));
            assertThat(ff1.decrypt(enc, tweak)).isEqualTo(x);
        }
    }

    @Test
    void encrypt_fromManyThreads_givesTheSameResults() throws Exception {
        Ff1 ff1 = new Ff1(secret(new byte[32]), 10);
        byte[] x = numerals("4111111111111111");
        byte[] expected = ff1.encrypt(x, "card".getBytes(StandardCharsets.UTF_8));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        byte[] tweak = (i % 2 == 0 ? "card" : "pan").getBytes(StandardCharsets.UTF_8);
                        byte[] enc = ff1.encrypt(x, tweak);
                        if (i % 2 == 0 && !java.util.Arrays.equals(enc, expected)) return false;
                    }
                    return true;
                }));
            }
            for (var f : futures) assertThat(f.get()).isTrue();
        }
    }

    @Test
    void encrypt_longStrings_goThroughBouncyCastle_andRoundTrip() {
        byte[] key = new byte[32];
        Ff1 ff1 = new Ff1(secret(key), 10);
        byte[] x = new byte[200];
        for (int i = 0; i < x.length; i++) x[i] = (byte) (i % 10);
        byte[] tweak = "notes".getBytes(StandardCharsets.UTF_8);
        byte[] enc = ff1.encrypt(x, tweak);
        assertThat(enc).isEqualTo(bouncyCastle(key, 10, tweak, x, true)).hasSize(200);
        assertThat(ff1.decrypt(enc, tweak)).isEqualTo(x);
    }

    @Test
    void encrypt_tweakAndKeyChangeTheOutput() {
        byte[] x = numerals("4111111111111111");
        Ff1 a = new Ff1(secret(new byte[32]), 10);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        byte[] card = "card".getBytes(StandardCharsets.UTF_8);
        assertThat(a.encrypt(x, card)).isNotEqualTo(a.encrypt(x, "pan".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(new Ff1(secret(otherKey), 10).encrypt(x, card));
    }

    @Test
    void minLength_isTheSmallestMillionDomain() {
        assertThat(Ff1.minLength(10)).isEqualTo(6);
        assertThat(Ff1.minLength(26)).isEqualTo(5);
        assertThat(Ff1.minLength(52)).isEqualTo(4);
        assertThat(Ff1.minLength(62)).isEqualTo(4);
        assertThat(Ff1.minLength(2)).isEqualTo(20);
        assertThat(Ff1.minLength(256)).isEqualTo(3);
    }

    @Test
    void badInput_isRejectedClearly() {
        Ff1 ff1 = new Ff1(secret(new byte[16]), 10);
        assertThatThrownBy(() -> ff1.encrypt(numerals("12345"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum 6");
        assertThatThrownBy(() -> ff1.encrypt(new byte[] {1, 2, 3, 4, 5, 10}, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> new Ff1(secret(new byte[20]), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ff1(secret(new byte[16]), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ff1.toString()).isEqualTo("Ff1[radix=10]");
    }

    private static byte[] bouncyCastle(byte[] key, int radix, byte[] tweak, byte[] x, boolean encrypt) {
        FPEFF1Engine engine = new FPEFF1Engine();
        engine.init(encrypt, new FPEParameters(new KeyParameter(key), radix, tweak));
        byte[] out = new byte[x.length];
        engine.processBlock(x, 0, x.length, out, 0);
        return out;
    }

    private static SecretBytes secret(byte[] key) {
        return SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get());
    }

    private static byte[] numerals(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = (byte) DIGITS36.indexOf(s.charAt(i));
        return out;
    }

    private static String text(byte[] numerals) {
        StringBuilder sb = new StringBuilder();
        for (byte b : numerals) sb.append(DIGITS36.charAt(b));
        return sb.toString();
    }
}
