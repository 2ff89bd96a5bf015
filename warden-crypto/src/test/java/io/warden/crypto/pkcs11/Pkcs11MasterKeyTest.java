package io.warden.crypto.pkcs11;

import static io.warden.crypto.pkcs11.SoftHsm.FRESH_TOKEN;
import static io.warden.crypto.pkcs11.SoftHsm.PIN;
import static io.warden.crypto.pkcs11.SoftHsm.TOKEN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.crypto.pkcs11.Pkcs11Module.KeyObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Against a real SoftHSM2 token (see {@link SoftHsm}); the library and non-library cases need none. */
class Pkcs11MasterKeyTest {
    private static final byte[] AD = "warden-keyring/v1/kek".getBytes(UTF_8);

    @TempDir
    Path dir;

    private static String freshLabel() {
        return "kek-" + UUID.randomUUID();
    }

    private static WardenException thrown(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        if (t instanceof TestAbortedException skipped) throw skipped; // SoftHSM2 absent: skip, do not fail
        assertThat(t).isInstanceOf(WardenException.class);
        return (WardenException) t;
    }

    private static void assertOneLine(WardenException e, ErrorCode code, String... parts) {
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PIN);
        for (String p : parts) assertThat(e.getMessage()).contains(p);
        assertThat(e.getCause()).isNull();
    }

    @Test
    void create_thenOpen_decryptsWhatTheTokenEncrypted() throws Exception {
        String label = freshLabel();
        Pkcs11MasterKey created = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), label);
        byte[] ct = created.aead().encrypt("the KEK keyset".getBytes(UTF_8), AD);

        Pkcs11MasterKey opened = Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label);
        assertThat(new String(opened.aead().decrypt(ct, AD), UTF_8)).isEqualTo("the KEK keyset");
        assertThat(opened.provider()).isEqualTo("pkcs11");
        assertThat(opened.parameters()).containsExactly(java.util.Map.entry("token_label", TOKEN),
                java.util.Map.entry("key_label", label));
        assertThat(opened.parameters().values()).noneMatch(v -> v.toString().contains("softhsm"));
        assertThat(opened.toString()).contains(TOKEN).contains(label).doesNotContain(PIN);
    }

    @Test
    void aead_ivThenCiphertextThenTag_freshIvEachTime_emptyAndNullAssociatedDataAgree() throws Exception {
        Aead aead = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), freshLabel()).aead();
        byte[] a = aead.encrypt(new byte[100], AD);
        byte[] b = aead.encrypt(new byte[100], AD);
        assertThat(a).hasSize(12 + 100 + 16);
        assertThat(Arrays.copyOf(a, 12)).isNotEqualTo(Arrays.copyOf(b, 12));
        assertThat(aead.decrypt(aead.encrypt(new byte[0], null), new byte[0])).isEmpty();
    }

    @Test
    void aead_formatIsStandardAesGcm_readableWithTheKeyBytes() throws Exception {
        // Only possible with an extractable key, which Pkcs11MasterKey refuses: TokenAead is used directly here.
        String label = freshLabel();
        Planted k = plant(label, "AES", 256, false, true);
        byte[] ct = new Pkcs11MasterKey.TokenAead(k.provider, k.key).encrypt("hello".getBytes(UTF_8), AD);
        Cipher soft = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        soft.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k.key.getEncoded(), "AES"),
                new GCMParameterSpec(128, ct, 0, 12));
        soft.updateAAD(AD);
        assertThat(new String(soft.doFinal(ct, 12, ct.length - 12), UTF_8)).isEqualTo("hello");
    }

    @Test
    void aead_tamperedCiphertextOrWrongAssociatedData_failsToDecrypt() throws Exception {
        Aead aead = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), freshLabel()).aead();
        byte[] ct = aead.encrypt("secret keyset".getBytes(UTF_8), AD);
        for (int i : new int[] {0, 11, 12, ct.length - 17, ct.length - 16, ct.length - 1}) {
            byte[] bad = ct.clone();
            bad[i] ^= 1;
            assertThatThrownBy(() -> aead.decrypt(bad, AD)).isInstanceOf(GeneralSecurityException.class)
                    .hasMessage("decryption failed");
        }
        assertThatThrownBy(() -> aead.decrypt(ct, "warden-keyring/v1/prf".getBytes(UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> aead.decrypt(ct, null)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> aead.decrypt(Arrays.copyOf(ct, 27), AD)).hasMessage("ciphertext too short");
        assertThatThrownBy(() -> aead.decrypt(Arrays.copyOf(ct, ct.length - 1), AD))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(new String(aead.decrypt(ct, AD), UTF_8)).isEqualTo("secret keyset");
    }

    @Test
    void aead_keyOfAnotherLabel_cannotDecrypt() throws Exception {
        byte[] ct = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), freshLabel()).aead().encrypt(new byte[8], AD);
        Aead other = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), freshLabel()).aead();
        assertThatThrownBy(() -> other.decrypt(ct, AD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void createdKey_isSensitiveNonExtractableAes256_andCannotBeExported() throws Exception {
        String label = freshLabel();
        Pkcs11MasterKey mk = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), label);
        SecretKey key = mk.key();
        assertThat(key.getEncoded()).isNull();
        assertThat(key.getFormat()).isNull();
        assertThatThrownBy(() -> SecretKeyFactory.getInstance("AES", mk.sunPkcs11()).getKeySpec(key,
                SecretKeySpec.class)).isInstanceOf(GeneralSecurityException.class);
        // Wrapping on the token (C_WrapKey under an RSA key made there) is refused by the token itself...
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA", mk.sunPkcs11());
        rsa.initialize(2048);
        Cipher tokenWrap = Cipher.getInstance("RSA/ECB/PKCS1Padding", mk.sunPkcs11());
        tokenWrap.init(Cipher.WRAP_MODE, rsa.generateKeyPair().getPublic());
        assertThatThrownBy(() -> tokenWrap.wrap(key)).isInstanceOf(GeneralSecurityException.class)
                .satisfies(e -> assertThat(Pkcs11Module.ckr(e)).isEqualTo("CKR_KEY_UNEXTRACTABLE"));
        // ...and a software wrap cannot read the bytes to begin with.
        Cipher soft = Cipher.getInstance("AESWrap", "SunJCE");
        soft.init(Cipher.WRAP_MODE, new SecretKeySpec(new byte[32], "AES"));
        assertThatThrownBy(() -> soft.wrap(key)).isInstanceOf(GeneralSecurityException.class);

        List<KeyObject> objects = Pkcs11Token.of(SoftHsm.login(TOKEN)).objectsLabelled(label);
        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.isAes256()).isTrue();
            assertThat(o.sensitive()).isTrue();
            assertThat(o.extractable()).isFalse();
            assertThat(o.canEncryptAndDecrypt()).isTrue();
        });
    }

    @Test
    void create_labelAlreadyOnToken_isRefusedAndTheKeyStaysUsable() throws Exception {
        String label = freshLabel();
        Aead first = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), label).aead();
        byte[] ct = first.encrypt("kept".getBytes(UTF_8), AD);
        assertOneLine(thrown(() -> Pkcs11MasterKey.create(SoftHsm.login(TOKEN), label)), ErrorCode.BAD_USAGE,
                "already holds an object labelled \"" + label + "\"");
        // KeyStore.setEntry would have replaced the key; it is still the same one.
        assertThat(Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label).aead().decrypt(ct, AD))
                .isEqualTo("kept".getBytes(UTF_8));
        assertThat(Pkcs11Token.of(SoftHsm.login(TOKEN)).objectsLabelled(label)).hasSize(1);
    }

    @Test
    void open_keyLabelNotOnToken_failsWithOneLineBadKey() {
        Pkcs11Login login = SoftHsm.login(TOKEN);
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(login, "no-such-key")), ErrorCode.BAD_KEY,
                "no key \"no-such-key\" on PKCS#11 token \"warden-test\"");
    }

    @Test
    void open_extractableKey_isRefused() throws Exception {
        String label = freshLabel();
        plant(label, "AES", 256, true, true);
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label)), ErrorCode.BAD_KEY,
                label, "is extractable");
    }

    @Test
    void open_keyThatIsNotSensitive_isRefused() throws Exception {
        String label = freshLabel();
        plant(label, "AES", 256, false, false);
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label)), ErrorCode.BAD_KEY,
                "is not sensitive");
    }

    @Test
    void open_aes128Key_isRefused() throws Exception {
        String label = freshLabel();
        plant(label, "AES", 128, true, false);
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label)), ErrorCode.BAD_KEY,
                "is not an AES-256 secret key");
    }

    @Test
    void open_keyThatIsNotAes_isRefused() throws Exception {
        String label = freshLabel();
        plant(label, "DESede", 0, true, false);
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(SoftHsm.login(TOKEN), label)), ErrorCode.BAD_KEY,
                "is not an AES-256 secret key");
    }

    @Test
    void open_wrongPin_failsWithOneLineBadKey_beforeAndAfterACorrectLogin() {
        Path lib = SoftHsm.library();
        // Nothing in this JVM has logged in to FRESH_TOKEN: this wrong PIN reaches the token (CKR_PIN_INCORRECT).
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(lib, FRESH_TOKEN, "0000".toCharArray()),
                "any")), ErrorCode.BAD_KEY, "wrong PIN for PKCS#11 token \"warden-fresh\"");
        String label = freshLabel();
        Pkcs11MasterKey.create(SoftHsm.login(FRESH_TOKEN), label);
        // Now the process is logged in, and SunPKCS11 would skip C_Login: the PIN is still checked.
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(lib, FRESH_TOKEN, (PIN + "x").toCharArray()),
                label)), ErrorCode.BAD_KEY, "wrong PIN");
        assertThat(Pkcs11MasterKey.open(SoftHsm.login(FRESH_TOKEN), label).parameters()).containsEntry("key_label",
                label);
    }

    @Test
    void open_tokenNotInLibrary_failsWithOneLineBadKeyNamingTheTokensThere() {
        Pkcs11Login login = Pkcs11Login.of(SoftHsm.library(), "no-such-token", PIN.toCharArray());
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(login, "k")), ErrorCode.BAD_KEY,
                "no PKCS#11 token labelled \"no-such-token\"", "\"warden-test\"", "\"warden-fresh\"");
    }

    @Test
    void open_missingLibrary_failsWithOneLineBadUsage() {
        Path missing = dir.resolve("libnothere.so");
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(missing, "t", PIN.toCharArray()), "k")),
                ErrorCode.BAD_USAGE, "PKCS#11 library " + missing + " does not exist");
        assertOneLine(thrown(() -> Pkcs11MasterKey.create(Pkcs11Login.of(missing, "t", PIN.toCharArray()), "k")),
                ErrorCode.BAD_USAGE, "does not exist");
    }

    @Test
    void open_libraryThatIsNotPkcs11_failsWithOneLineBadUsage() throws Exception {
        Path text = Files.writeString(dir.resolve("softhsm2.conf"), "directories.tokendir = /tmp\n");
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(text, "t", PIN.toCharArray()), "k")),
                ErrorCode.BAD_USAGE, text + " is not a PKCS#11 library");
        // A real shared library without C_GetFunctionList: the JDK's own zip library.
        Path zip = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("zip"));
        assertThat(zip).exists();
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(zip, "t", PIN.toCharArray()), "k")),
                ErrorCode.BAD_USAGE, zip + " is not a PKCS#11 library");
    }

    @Test
    void withoutTheJvmExport_failsWithBadUsageNamingTheOption() throws Exception {
        Path lib = SoftHsm.library();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classpath, NoExportProbe.class.getName(), lib.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("BAD_USAGE: using a PKCS#11 token by its label needs the JVM option --add-exports "
                + "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");
    }

    @Test
    void library_throughALinkWithASpaceInItsPath_isTheSameTokenAndLogin() throws Exception {
        Path lib = SoftHsm.library();
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("my hsm")).resolve("p11.so"), lib);
        try {
            String label = freshLabel();
            byte[] ct = Pkcs11MasterKey.create(SoftHsm.login(TOKEN), label).aead().encrypt(new byte[] {7}, AD);
            Pkcs11Login viaLink = Pkcs11Login.of(link, TOKEN, PIN.toCharArray());
            assertThat(Pkcs11MasterKey.open(viaLink, label).aead().decrypt(ct, AD)).containsExactly(7);
            assertThat(Pkcs11Token.of(viaLink)).isSameAs(Pkcs11Token.of(SoftHsm.login(TOKEN)));
            assertOneLine(thrown(() -> Pkcs11MasterKey.open(Pkcs11Login.of(link, TOKEN, "1111".toCharArray()),
                    label)), ErrorCode.BAD_KEY, "wrong PIN");
        } finally {
            Files.delete(link); // ourselves: @TempDir warns about links that point outside it
        }
    }

    @Test
    void keyLabel_invalid_isBadUsageBeforeTouchingTheToken() {
        Pkcs11Login login = Pkcs11Login.of(dir.resolve("absent.so"), "t", PIN.toCharArray());
        assertOneLine(thrown(() -> Pkcs11MasterKey.create(login, "")), ErrorCode.BAD_USAGE, "1 to 64 characters");
        assertOneLine(thrown(() -> Pkcs11MasterKey.open(login, "tab\tlabel")), ErrorCode.BAD_USAGE, "printable");
    }

    @Test
    void clearedLogin_cannotBeUsed() {
        Pkcs11Login login = SoftHsm.login(TOKEN);
        login.clear();
        assertThatThrownBy(() -> Pkcs11MasterKey.open(login, "k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePin_neverAppearsInAnyErrorOrToString() {
        Path lib = SoftHsm.library();
        List<Throwable> errors = new ArrayList<>();
        String wrong = "wrong-" + PIN;
        errors.add(org.assertj.core.api.Assertions.catchThrowable(() -> Pkcs11MasterKey.open(
                Pkcs11Login.of(lib, TOKEN, wrong.toCharArray()), "k")));
        errors.add(org.assertj.core.api.Assertions.catchThrowable(() -> Pkcs11MasterKey.open(
                Pkcs11Login.of(lib, "absent-token", PIN.toCharArray()), "k")));
        errors.add(org.assertj.core.api.Assertions.catchThrowable(() -> Pkcs11MasterKey.open(
                SoftHsm.login(TOKEN), "absent-key")));
        errors.add(org.assertj.core.api.Assertions.catchThrowable(() -> Pkcs11MasterKey.open(
                Pkcs11Login.of(dir.resolve("x.so"), TOKEN, PIN.toCharArray()), "k")));
        assertThat(errors).hasSize(4).allSatisfy(e -> {
            assertThat(e).isInstanceOf(WardenException.class);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PIN).doesNotContain(wrong);
                assertThat(t.toString()).doesNotContain(PIN);
            }
        });
        Pkcs11Login login = SoftHsm.login(TOKEN);
        assertThat(login.toString()).doesNotContain(PIN);
        Pkcs11MasterKey mk = Pkcs11MasterKey.create(login, freshLabel());
        assertThat(mk.toString() + mk.parameters()).doesNotContain(PIN);
    }

    /** A key with the given properties on the shared token, made the way an administrator could make one. */
    private record Planted(Provider provider, SecretKey key) {}

    private static Planted plant(String label, String algorithm, int bits, boolean sensitive, boolean extractable)
            throws Exception {
        Pkcs11Login login = SoftHsm.login(TOKEN);
        long slot = Pkcs11Token.of(login).slot();
        Provider p = Security.getProvider("SunPKCS11").configure("--name=test-plant\nlibrary = \"" + login.library()
                + "\"\nslot = " + slot + "\nattributes(generate, CKO_SECRET_KEY, *) = {\n  CKA_TOKEN = false\n"
                + "  CKA_SENSITIVE = " + sensitive + "\n  CKA_EXTRACTABLE = " + extractable + "\n}\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, PIN.toCharArray());
        KeyGenerator gen = KeyGenerator.getInstance(algorithm, p);
        if (bits > 0) gen.init(bits);
        ks.setEntry(label, new KeyStore.SecretKeyEntry(gen.generateKey()), null);
        return new Planted(p, (SecretKey) ks.getKey(label, null));
    }
}
