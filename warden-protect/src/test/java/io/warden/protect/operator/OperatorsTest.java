package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.protect.operator.Operator.Target;
import org.junit.jupiter.api.Test;

class OperatorsTest {
    private static final Target EMAIL = new Target("notes", "EMAIL_ADDRESS");

    @Test
    void redact_removesTheValue() {
        assertThat(new Redact().apply("jane@example.com", EMAIL)).isEmpty();
    }

    @Test
    void replace_withoutText_writesTheEntityTag_orRedactedForACell() {
        assertThat(Replace.withEntityTag().apply("jane@example.com", EMAIL)).isEqualTo("<EMAIL_ADDRESS>");
        assertThat(Replace.withEntityTag().apply("jane@example.com", Target.cell("email"))).isEqualTo("<REDACTED>");
        assertThat(Replace.with("[email]").apply("jane@example.com", EMAIL)).isEqualTo("[email]");
    }

    @Test
    void mask_keepLastFour_ignoringSeparators_keepsTheShape() {
        var mask = new Mask('*', 4, true, " -");
        assertThat(mask.apply("4111 1111 1111 1234", EMAIL)).isEqualTo("**** **** **** 1234");
        assertThat(mask.apply("123-45-6789", EMAIL)).isEqualTo("***-**-6789");
    }

    @Test
    void mask_keepFirst_fromTheStart() {
        assertThat(new Mask('#', 2, false, "").apply("Jane", EMAIL)).isEqualTo("Ja##");
        assertThat(Mask.all().apply("Jane", EMAIL)).isEqualTo("****");
    }

    @Test
    void mask_countsCodePoints_notChars() {
        String emoji = "a\uD83D\uDE00b"; // a😀b: 3 code points, 4 chars
        assertThat(Mask.all().apply(emoji, EMAIL)).isEqualTo("***");
        assertThat(new Mask(0x1F512, 1, true, "").apply(emoji, EMAIL)).isEqualTo("\uD83D\uDD12\uD83D\uDD12b");
    }

    @Test
    void mask_keepMoreThanTheValue_hidesNothing_andEmptyStaysEmpty() {
        assertThat(new Mask('*', 10, true, "").apply("abc", EMAIL)).isEqualTo("abc");
        assertThat(Mask.all().apply("", EMAIL)).isEmpty();
    }

    @Test
    void mask_badParameters_failWhenBuilt() {
        assertThatThrownBy(() -> new Mask('*', -1, true, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep");
        assertThatThrownBy(() -> new Mask(0xD800, 0, true, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mask(-5, 0, true, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factory_buildsEveryOperatorThePolicyNames_exceptTheTableWideShuffle() {
        io.warden.crypto.Keyring keys = io.warden.crypto.Keyring.generate();
        OperatorFactory factory = new OperatorFactory(java.nio.file.Path.of(""), () -> keys);
        java.util.Map<String, java.util.Map<String, Object>> params = java.util.Map.of(
                "generalize", java.util.Map.of("bucket", 10),
                "perturb", java.util.Map.of("max", 1),
                "date-shift", java.util.Map.of("max_days", 30));
        for (String name : io.warden.core.policy.OperatorSpec.PARAMS.keySet()) {
            if (name.equals("shuffle")) continue;
            Operator op = factory.apply(new io.warden.core.policy.OperatorSpec(name, params.get(name)));
            assertThat(op.name()).isEqualTo(name);
            assertThat(io.warden.core.policy.OperatorSpec.KEYED.contains(name))
                    .isEqualTo(name.equals("hash") || name.equals("tokenize") || name.equals("fpe")
                            || name.equals("surrogate") || name.equals("date-shift"));
        }
    }

    @Test
    void factory_keyedOperatorWithoutKeyring_failsWithBadKey() {
        OperatorFactory factory = OperatorFactory.unkeyed(java.nio.file.Path.of(""));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> factory.apply(new io.warden.core.policy.OperatorSpec("tokenize", null)))
                .isInstanceOf(io.warden.core.WardenException.class)
                .satisfies(e -> assertThat(((io.warden.core.WardenException) e).code())
                        .isEqualTo(io.warden.core.ErrorCode.BAD_KEY));
        assertThat(factory.apply(new io.warden.core.policy.OperatorSpec("mask", null)).name()).isEqualTo("mask");
    }
}
