package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.crypto.Keyring;
import io.warden.protect.operator.Operator.Target;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HashTest {
    private static final Keyring KEYRING = Keys.KEYRING;

    @Test
    void hash_sameValue_sameHashInEveryFieldAndInstance() {
        String a = new Hash(KEYRING).apply("jane@example.com", Target.cell("email"));
        assertThat(new Hash(KEYRING).apply("jane@example.com", Target.cell("contact"))).isEqualTo(a);
        assertThat(new Hash(KEYRING).apply("jane@example.com", new Target("notes", "EMAIL_ADDRESS"))).isEqualTo(a);
        assertThat(a).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(new Hash(KEYRING).apply("john@example.com", Target.cell("email"))).isNotEqualTo(a);
    }

    @Test
    void hash_isHmacSha256OfTheLabelledInput() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Keys.primaryPrfKey(KEYRING), "HmacSHA256"));
        var input = new ByteArrayOutputStream();
        input.writeBytes("warden/hash/v1\0project-x\0Zoë".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(input.toByteArray()));
        assertThat(new Hash(KEYRING, "project-x", 64).apply("Zoë", Target.cell("name"))).isEqualTo(expected);
        assertThat(new Hash(KEYRING, "project-x", 20).apply("Zoë", Target.cell("name")))
                .isEqualTo(expected.substring(0, 20));
    }

    @Test
    void hash_otherKeyringOrRotation_givesOtherHashes() {
        String a = new Hash(KEYRING).apply("4111111111111111", Target.cell("card"));
        assertThat(new Hash(Keyring.generate()).apply("4111111111111111", Target.cell("card"))).isNotEqualTo(a);
        assertThat(new Hash(KEYRING.rotate()).apply("4111111111111111", Target.cell("card"))).isNotEqualTo(a);
    }

    @Test
    void hash_scopesAreUnlinkable() {
        String plain = new Hash(KEYRING).apply("Jane", Target.cell("n"));
        String scoped = new Hash(KEYRING, "release-2", 64).apply("Jane", Target.cell("n"));
        assertThat(scoped).isNotEqualTo(plain);
        assertThat(new Hash(KEYRING, null, 64).apply("Jane", Target.cell("n"))).isEqualTo(plain);
    }

    @Test
    void hash_badParameters_failWhenBuilt() {
        assertThatThrownBy(() -> new Hash(KEYRING, "", 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hash: length must be 16 to 64 hex digits, not 15");
        assertThatThrownBy(() -> new Hash(KEYRING, "", 65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hash(KEYRING, "a\0b", 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> new Hash(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("keyring");
    }

    @Test
    void hash_toString_showsParametersOnly() {
        String s = new Hash(KEYRING, "p", 32).toString();
        assertThat(s).isEqualTo("Hash[scope=p, length=32]");
        assertThat(s).doesNotContain(Keys.primaryPrfKeyHex(KEYRING).substring(0, 8));
        assertThat(new Hash(KEYRING).name()).isEqualTo("hash");
    }
}
