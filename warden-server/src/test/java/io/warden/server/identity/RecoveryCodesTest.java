package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {
    @Test
    void generate_givesTenDistinctGroupedCodesOfAtLeast64Bits() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate();
        assertThat(issued.codes()).hasSize(10);
        assertThat(issued.hashes()).hasSize(10).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        for (RecoveryCode c : issued.codes()) {
            assertThat(c.reveal()).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        }
        assertThat(RecoveryCodes.LENGTH * Math.log(32) / Math.log(2)).isGreaterThanOrEqualTo(64);
        assertThat(new HashSet<>(issued.codes().stream().map(RecoveryCode::reveal).toList())).hasSize(10);
    }

    @Test
    void match_returnsTheStoredHashOfTheCodeSoTheCallerCanConsumeIt() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate();
        List<String> stored = new ArrayList<>(issued.hashes());
        RecoveryCode third = issued.codes().get(2);
        assertThat(RecoveryCodes.match(third.reveal(), stored)).hasValue(issued.hashes().get(2));
        stored.remove(issued.hashes().get(2));
        assertThat(RecoveryCodes.match(third.reveal(), stored)).as("a consumed code").isEmpty();
        assertThat(RecoveryCodes.match(issued.codes().get(3).reveal(), stored)).hasValue(issued.hashes().get(3));
    }

    @Test
    void match_ignoresCaseSpacesAndDashesAndReadsLookAlikes() {
        RecoveryCode code = new RecoveryCode("0123456789ABCDE");
        List<String> stored = List.of(code.hash());
        assertThat(code.reveal()).isEqualTo("01234-56789-ABCDE");
        for (String typed : new String[] {"01234-56789-ABCDE", "0123456789abcde", " 01234 56789 abcde ",
            "O1234-56789-ABCDE", "oI234-56789-abcde", "0L234--56789-aBcDe"}) {
            assertThat(RecoveryCodes.match(typed, stored)).as(typed).hasValue(stored.get(0));
        }
        assertThat(RecoveryCodes.match("01234-56789-ABCDF", stored)).isEmpty();
    }

    @Test
    void match_acceptsStoredHashesInUpperCaseHex() {
        RecoveryCode code = new RecoveryCode("ZZZZZ00000ZZZZZ");
        String upper = code.hash().toUpperCase(Locale.ROOT);
        assertThat(RecoveryCodes.match("zzzzz-00000-zzzzz", List.of("ab", upper))).hasValue(upper);
    }

    @Test
    void match_refusesMalformedCodesWithOneLine() {
        List<String> stored = RecoveryCodes.generate(1).hashes();
        String[][] cases = {
            {"01234-56789-ABCD", "not 15 characters"},
            {"01234-56789-ABCDEF", "not 15 characters"},
            {"01234-56789-ABCDU", "cannot have"},
            {"01234_56789_ABCDE", "cannot have"},
            {"01234-56789-ABCD\n", "cannot have"},
            {"01234-56789-ABCDÉ", "cannot have"},
            {"０1234-56789-ABCDE", "cannot have"},
            {"0".repeat(1 << 20), "not 15 characters"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> RecoveryCodes.match(c[0], stored)).as(c[1])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[1]).hasMessageNotContaining("56789");
        }
        assertThatThrownBy(() -> RecoveryCodes.match(null, stored))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> RecoveryCodes.match("", stored))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> RecoveryCodes.match("01234-56789-ABCDE", null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> RecoveryCodes.generate(0))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void toString_neverShowsACode() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(3);
        String shown = issued.toString();
        for (RecoveryCode c : issued.codes()) {
            assertThat(c.toString()).isEqualTo("RecoveryCode[hidden]");
            assertThat(shown).doesNotContain(c.reveal()).doesNotContain(c.reveal().replace("-", ""));
        }
    }
}
