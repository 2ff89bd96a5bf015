package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A password hasher: Argon2id (RFC 9106, Bouncy Castle) with a 16-byte random salt and a 32-byte hash, stored as a PHC
 * string ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}) that the reference {@code argon2} tool and other
 * libraries read too.
 *
 * <p>New hashes use the parameters given here (at least OWASP's minimum); stored hashes verify with their own
 * parameters, within {@link Argon2Params}' limits, and {@link #needsRehash} says when to replace one after a successful
 * login. Thread-safe.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Params params;
    private final SecureRandom random = new SecureRandom();
    private final byte[] dummySalt = new byte[SALT_BYTES];

    /** A hasher that makes new hashes with {@code params}; BAD_USAGE when they are below OWASP's minimum. */
    public PasswordHasher(Argon2Params params) {
        this.params = Inputs.present(params, "the Argon2id parameters");
        if (!params.meetsOwaspMinimum()) {
            throw new WardenException(ErrorCode.BAD_USAGE, "Argon2id parameters below OWASP's minimum "
                    + "(m >= 7 MiB and m*t >= 35 MiB)");
        }
        random.nextBytes(dummySalt);
    }

    /** A hasher with OWASP's recommended m = 19 MiB, t = 2, p = 1. */
    public static PasswordHasher owasp() {
        return new PasswordHasher(Argon2Params.OWASP);
    }

    /** The parameters new hashes get. */
    public Argon2Params parameters() {
        return params;
    }

    /** The PHC string of {@code password} under a fresh salt. */
    public String hash(Password password) {
        Inputs.present(password, "the password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcHash(params, salt, argon2id(password, params, salt, HASH_BYTES)).format();
    }

    /**
     * Whether {@code password} is the one {@code storedHash} was made from, compared in constant time. A stored hash
     * that is not a valid Argon2id PHC string is a MALFORMED_INPUT error, not a mismatch.
     */
    public boolean verify(Password password, String storedHash) {
        Inputs.present(password, "the password");
        PhcHash stored = PhcHash.parse(storedHash);
        byte[] expected = stored.hash();
        byte[] actual = argon2id(password, stored.params(), stored.salt(), expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /**
     * Spends the time {@link #verify} spends on a hash with the current parameters, then returns false: call it when
     * the user name is unknown, so that the response time does not tell which user names exist.
     */
    public boolean verifyUnknownUser(Password password) {
        Inputs.present(password, "the password");
        argon2id(password, params, dummySalt, HASH_BYTES); // the comparison after it costs nanoseconds
        return false;
    }

    /**
     * Whether {@code storedHash} should be replaced by a new hash of the same password (known after a successful
     * {@link #verify}): its memory or passes are below the current parameters, or its salt or hash is shorter than
     * this hasher makes them.
     */
    public boolean needsRehash(String storedHash) {
        PhcHash stored = PhcHash.parse(storedHash);
        return stored.params().weakerThan(params) || stored.salt().length < SALT_BYTES
                || stored.hash().length < HASH_BYTES;
    }

    /** Argon2id version 0x13 of the password's UTF-8 bytes, which are wiped afterwards. */
    static byte[] argon2id(Password password, Argon2Params p, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations()).withParallelism(p.parallelism()).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] utf8 = password.utf8();
        try {
            byte[] out = new byte[length];
            generator.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + params + "]";
    }
}
