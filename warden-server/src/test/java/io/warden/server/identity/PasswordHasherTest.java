package io.warden.server.identity;

import static io.warden.server.identity.Errors.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher HASHER = PasswordHasher.owasp();
    private static final Password GOOD = Password.of("correct horse battery staple");

    /**
     * Argon2id vectors of the reference implementation (P-H-C/phc-winner-argon2, src/test.c, version 0x13): password,
     * salt, m, t, p, and the encoded string its argon2_hash writes (32-byte hash).
     */
    private static final String[][] REFERENCE = {
        {"password", "somesalt", "65536", "2", "1",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"},
        {"password", "somesalt", "256", "2", "1",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"},
        {"password", "somesalt", "256", "2", "2",
            "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"},
        {"password", "somesalt", "65536", "1", "1",
            "$argon2id$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$9qWtwbpyPd3vm1rB1GThgPzZ3/ydHL92zKL+15XZypg"},
        {"differentpassword", "somesalt", "65536", "2", "1",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94"},
        {"password", "diffsalt", "65536", "2", "1",
            "$argon2id$v=19$m=65536,t=2,p=1$ZGlmZnNhbHQ$vfMrBczELrFdWP0ZsfhWsRPaHppYdP3MVEMIVlqoFBw"},
    };

    @Test
    void hash_matchesTheReferenceImplementationsEncodedVectors() {
        for (String[] v : REFERENCE) {
            Argon2Params p = new Argon2Params(Integer.parseInt(v[2]), Integer.parseInt(v[3]), Integer.parseInt(v[4]));
            byte[] salt = v[1].getBytes(StandardCharsets.US_ASCII);
            byte[] hash = PasswordHasher.argon2id(Password.of(v[0]), p, salt, 32);
            assertThat(new PhcHash(p, salt, hash).format()).as(v[5]).isEqualTo(v[5]);
        }
    }

    @Test
    void verify_acceptsTheReferenceVectorsAndRefusesAnotherPassword() {
        String vector = REFERENCE[0][5];
        assertThat(HASHER.verify(Password.of("password"), vector)).isTrue();
        assertThat(HASHER.verify(Password.of("Password"), vector)).isFalse();
        assertThat(HASHER.verify(Password.of("differentpassword"), REFERENCE[4][5])).isTrue();
    }

    @Test
    void hash_isAPhcStringWithOwaspParametersAndAFreshSalt() {
        String a = HASHER.hash(GOOD);
        String b = HASHER.hash(GOOD);
        assertThat(a).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(HASHER.verify(GOOD, a)).isTrue();
        assertThat(HASHER.verify(GOOD, b)).isTrue();
        assertThat(HASHER.verify(Password.of("correct horse battery stapl"), a)).isFalse();
    }

    @Test
    void verify_treatsComposedAndDecomposedUnicodeAlike() {
        String stored = HASHER.hash(Password.of("caf\u00e9 au lait, s'il vous pla\u00eet"));
        assertThat(HASHER.verify(Password.of("cafe\u0301 au lait, s'il vous plai\u0302t"), stored)).isTrue();
    }

    @Test
    void verifyUnknownUser_alwaysFails() {
        assertThat(HASHER.verifyUnknownUser(GOOD)).isFalse();
        assertThat(HASHER.verifyUnknownUser(Password.of("password"))).isFalse();
    }

    @Test
    void needsRehash_whenStoredMemoryPassesSaltOrHashAreWeakerThanCurrent() {
        assertThat(HASHER.needsRehash(HASHER.hash(GOOD))).isFalse();
        assertThat(HASHER.needsRehash(REFERENCE[0][5])).as("8-byte salt").isTrue();
        String strongerMemoryFewerPasses = new PhcHash(new Argon2Params(65536, 1, 1), new byte[16], new byte[32]).format();
        assertThat(HASHER.needsRehash(strongerMemoryFewerPasses)).isTrue();
        String lessMemory = new PhcHash(new Argon2Params(12288, 3, 1), new byte[16], new byte[32]).format();
        assertThat(HASHER.needsRehash(lessMemory)).isTrue();
        String shortHash = new PhcHash(Argon2Params.OWASP, new byte[16], new byte[16]).format();
        assertThat(HASHER.needsRehash(shortHash)).isTrue();
        String moreLanes = new PhcHash(new Argon2Params(19456, 2, 4), new byte[16], new byte[32]).format();
        assertThat(HASHER.needsRehash(moreLanes)).isFalse();
        PasswordHasher stronger = new PasswordHasher(new Argon2Params(65536, 3, 1));
        assertThat(stronger.needsRehash(HASHER.hash(GOOD))).isTrue();
    }

    @Test
    void constructor_refusesParametersBelowOwaspsMinimum() {
        assertThatThrownBy(() -> new PasswordHasher(new Argon2Params(19456, 1, 1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new PasswordHasher(new Argon2Params(4096, 16, 1))).hasMessageContaining("OWASP");
        assertThat(new PasswordHasher(new Argon2Params(7168, 5, 1)).parameters().iterations()).isEqualTo(5);
        assertThatThrownBy(() -> new PasswordHasher(null)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE));
    }

    @Test
    void verify_refusesMalformedStoredHashesWithoutComputing() {
        String salt = "c29tZXNhbHQAAAAAAAAAAA";
        String hash = "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        String[][] cases = {
            {"$argon2i$v=19$m=65536,t=2,p=1$" + salt + "$" + hash, "not an Argon2id PHC string"},
            {"$argon2d$v=19$m=65536,t=2,p=1$" + salt + "$" + hash, "not an Argon2id PHC string"},
            {"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "not an Argon2id PHC string"},
            {"argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + hash, "not an Argon2id PHC string"},
            {"$argon2id$v=16$m=65536,t=2,p=1$" + salt + "$" + hash, "not Argon2id version 19"},
            {"$argon2id$m=65536,t=2,p=1$" + salt + "$" + hash, "not Argon2id version 19"},
            {"$argon2id$v=19$m=2147483648,t=2,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=2147483647,t=2,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=9999999999,t=2,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=99999999999,t=2,p=1$" + salt + "$" + hash, "parameters are not"},
            {"$argon2id$v=19$m=262145,t=2,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=65536,t=4294967295,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=65536,t=0,p=1$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=65536,t=2,p=0$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=8,t=2,p=2$" + salt + "$" + hash, "out of range"},
            {"$argon2id$v=19$m=065536,t=2,p=1$" + salt + "$" + hash, "parameters are not"},
            {"$argon2id$v=19$t=2,m=65536,p=1$" + salt + "$" + hash, "parameters are not"},
            {"$argon2id$v=19$m=-1,t=2,p=1$" + salt + "$" + hash, "parameters are not"},
            {"$argon2id$v=19$m=65536,t=2,p=1,keyid=abc$" + salt + "$" + hash, "parameters are not"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "=$" + hash, "not unpadded base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + hash + "=", "not unpadded base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$c29tZX-hbHQ$" + hash, "not unpadded base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQA_AAAAAAAAA$" + hash, "not unpadded base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQAA$" + hash, "not valid base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHR$" + hash, "not canonical base64"},
            {"$argon2id$v=19$m=65536,t=2,p=1$c29tZQ$" + hash, "salt is not 8 to 64 bytes"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$c29tZXNhbHQ", "hash is not 16 to 64 bytes"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$$" + hash, "five PHC fields"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt, "five PHC fields"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + hash + "$", "five PHC fields"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + hash + "x".repeat(256), "longer than 256"},
            {"x".repeat(1 << 20), "longer than 256"},
            {"$argon2id$v=19$m=65536,t=2,p=1$" + salt + "$" + hash + "\n", "printable ASCII"},
            {"$argon2id$v=19$m=65536,t=2,p=1$sälz$" + hash, "printable ASCII"},
            {"$argon2id$v=19$m=65536, t=2,p=1$" + salt + "$" + hash, "printable ASCII"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> HASHER.verify(GOOD, c[0])).as(c[0].length() > 200 ? "long" : c[0])
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hash).doesNotContain("\n"));
            assertThatThrownBy(() -> HASHER.needsRehash(c[0])).hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> HASHER.verify(GOOD, null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the password hash is missing");
        assertThatThrownBy(() -> HASHER.verify(GOOD, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the password hash is empty");
        assertThatThrownBy(() -> HASHER.verify(null, REFERENCE[0][5]))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_USAGE)).hasMessage("the password is missing");
    }

    @Test
    void phcHash_roundTripsAndHidesTheHashInToString() {
        PhcHash h = PhcHash.parse(REFERENCE[0][5]);
        assertThat(h.format()).isEqualTo(REFERENCE[0][5]);
        assertThat(h.toString()).doesNotContain("CTFhFd").contains("65536");
        assertThat(HASHER.toString()).contains("19456");
    }
}
