package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenScopeTest {
    private static final Instant EXPIRY = Instant.parse("2027-01-31T00:00:00Z");
    private static final Instant BEFORE = EXPIRY.minusSeconds(1);

    @Test
    void format_isCompactSortedAndParsesBackEqual() {
        TokenScope scope = new TokenScope(Set.of("patients-2026", "claims.v2"),
                Set.of(ScopeAction.UPLOAD, ScopeAction.READ), EXPIRY.plusNanos(999));
        String text = scope.format();
        assertThat(text).isEqualTo("datasets=claims.v2,patients-2026;actions=read,upload;expires=2027-01-31T00:00:00Z");
        assertThat(TokenScope.parse(text)).isEqualTo(scope);
        assertThat(TokenScope.parse(text).format()).isEqualTo(text);
    }

    @Test
    void permits_onlyNamedDatasetsAndActionsBeforeExpiry() {
        TokenScope scope = TokenScope.parse("datasets=a,b;actions=read;expires=2027-01-31T00:00:00Z");
        assertThat(scope.permits("a", ScopeAction.READ, BEFORE)).isTrue();
        assertThat(scope.permits("b", ScopeAction.READ, BEFORE)).isTrue();
        assertThat(scope.permits("c", ScopeAction.READ, BEFORE)).isFalse();
        assertThat(scope.permits("a", ScopeAction.UPLOAD, BEFORE)).isFalse();
        assertThat(scope.permits("a", ScopeAction.READ, EXPIRY)).as("expiry is exclusive").isFalse();
        assertThat(scope.expired(EXPIRY)).isTrue();
        assertThat(scope.expired(BEFORE)).isFalse();
    }

    @Test
    void permits_starMeansEveryDataset() {
        TokenScope scope = TokenScope.parse("datasets=*;actions=read,scan;expires=2027-01-31T00:00:00Z");
        assertThat(scope.permits("anything", ScopeAction.SCAN, BEFORE)).isTrue();
        assertThat(scope.permits("anything", ScopeAction.DELETE, BEFORE)).isFalse();
    }

    @Test
    void parse_refusesAnythingButTheExactFormWithOneLine() {
        String[][] cases = {
            {"actions=read;datasets=a;expires=2027-01-31T00:00:00Z", "is not datasets=...;actions=...;expires=..."},
            {"datasets=a;actions=read", "is not datasets"},
            {"datasets=a;actions=read;expires=2027-01-31T00:00:00Z;", "is not datasets"},
            {"datasets=a;actions=read;expires=2027-01-31T00:00:00Z;extra=1", "is not datasets"},
            {"datasets=;actions=read;expires=2027-01-31T00:00:00Z", "names no dataset"},
            {"datasets=a,,b;actions=read;expires=2027-01-31T00:00:00Z", "empty dataset"},
            {"datasets=a,a;actions=read;expires=2027-01-31T00:00:00Z", "names a dataset twice"},
            {"datasets=*,a;actions=read;expires=2027-01-31T00:00:00Z", "either * or datasets"},
            {"datasets=.hidden;actions=read;expires=2027-01-31T00:00:00Z", "dataset name"},
            {"datasets=a/b;actions=read;expires=2027-01-31T00:00:00Z", "dataset name"},
            {"datasets=" + "a".repeat(129) + ";actions=read;expires=2027-01-31T00:00:00Z", "at most 128"},
            {"datasets=a;actions=;expires=2027-01-31T00:00:00Z", "names no action"},
            {"datasets=a;actions=read,READ;expires=2027-01-31T00:00:00Z", "unknown action"},
            {"datasets=a;actions=admin;expires=2027-01-31T00:00:00Z", "unknown action"},
            {"datasets=a;actions=read,read;expires=2027-01-31T00:00:00Z", "action twice"},
            {"datasets=a;actions=read;expires=2027-01-31", "not a UTC time"},
            {"datasets=a;actions=read;expires=2027-01-31T00:00:00.5Z", "not a UTC time"},
            {"datasets=a;actions=read;expires=2027-01-31T00:00:00+01:00", "not a UTC time"},
            {"datasets=a;actions=read;expires=2027-02-30T00:00:00Z", "not a valid date"},
            {"datasets=a;actions=read;expires=", "not a UTC time"},
            {"datasets=a; actions=read;expires=2027-01-31T00:00:00Z", "printable ASCII"},
            {"datasets=ä;actions=read;expires=2027-01-31T00:00:00Z", "printable ASCII"},
            {"datasets=a;actions=read;expires=2027-01-31T00:00:00Z\n", "printable ASCII"},
            {"datasets=" + "a,".repeat(1 << 19) + "b;actions=read;expires=2027-01-31T00:00:00Z", "longer than 8192"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> TokenScope.parse(c[0])).as(c[0].length() > 200 ? "huge" : c[0])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[1]).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> TokenScope.parse(null)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> TokenScope.parse("")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void constructor_refusesEmptyOrMissingParts() {
        assertThatThrownBy(() -> new TokenScope(Set.of(), Set.of(ScopeAction.READ), EXPIRY))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new TokenScope(Set.of("a"), Set.of(), EXPIRY))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new TokenScope(Set.of("a"), Set.of(ScopeAction.READ), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> new TokenScope(Set.of("a b"), Set.of(ScopeAction.READ), EXPIRY))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void accessors_areImmutable() {
        TokenScope scope = TokenScope.parse("datasets=a;actions=read;expires=2027-01-31T00:00:00Z");
        assertThatThrownBy(() -> scope.datasets().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> scope.actions().add(ScopeAction.DELETE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
