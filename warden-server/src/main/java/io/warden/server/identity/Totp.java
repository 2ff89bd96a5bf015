package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TOTP scheme (RFC 6238): codes of {@code digits} digits from an HMAC of the 30-second time step, with a verifier
 * that accepts one step either side of now and never accepts a step twice.
 *
 * <p>Built on the JDK's {@link Mac}, not a library: TOTP is HMAC plus RFC 4226's ten-line dynamic truncation, and the
 * one maintained Java library for it (com.eatthepath:java-otp, last released as 0.4.0) only generates codes — the
 * window, the replay rule, the constant-time comparison, base32 and the enrollment URI would still be ours.
 *
 * @param algorithm the HMAC (SHA-1 for compatibility with every authenticator app)
 * @param digits 6 or 8
 */
public record Totp(TotpAlgorithm algorithm, int digits) {
    /** The time step, in seconds. */
    public static final long PERIOD_SECONDS = 30;
    /** Steps accepted either side of the current one, for clock drift and typing time. */
    public static final int WINDOW = 1;
    /** The {@code lastAcceptedStep} of an authenticator that has never been used. */
    public static final long NO_STEP = -1;

    /** SHA-1, 6 digits: what authenticator apps expect when nothing else is said. */
    public static final Totp DEFAULT = new Totp(TotpAlgorithm.SHA1, 6);

    public Totp {
        Inputs.present(algorithm, "the TOTP algorithm");
        if (digits != 6 && digits != 8) throw new WardenException(ErrorCode.BAD_USAGE, "TOTP codes have 6 or 8 digits");
    }

    /** The time step of {@code time}: whole periods since the Unix epoch. */
    public long step(Instant time) {
        Inputs.present(time, "the time");
        if (time.getEpochSecond() < 0) throw new WardenException(ErrorCode.BAD_USAGE, "the time is before 1970");
        return time.getEpochSecond() / PERIOD_SECONDS;
    }

    /** The code for {@code time}, zero-padded to {@link #digits()} digits. */
    public String code(TotpSecret secret, Instant time) {
        Inputs.present(secret, "the TOTP secret");
        return codeAt(secret, step(time));
    }

    /**
     * The time step whose code {@code code} is, searched within {@link #WINDOW} steps of {@code now} and after
     * {@code lastAcceptedStep}; empty when none matches. The caller stores the returned step as the new
     * {@code lastAcceptedStep} ({@link #NO_STEP} at first), so a code that was accepted once, or one older than it,
     * is refused. All candidates are computed and compared in constant time.
     *
     * <p>A code that is not {@link #digits()} ASCII digits (spaces allowed between them) is MALFORMED_INPUT.
     */
    public OptionalLong verify(TotpSecret secret, String code, Instant now, long lastAcceptedStep) {
        Inputs.present(secret, "the TOTP secret");
        byte[] given = normalise(code);
        if (lastAcceptedStep < NO_STEP) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the last accepted TOTP step is negative");
        }
        long current = step(now);
        long matched = NO_STEP;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            if (s < 0) continue;
            boolean equal = MessageDigest.isEqual(codeAt(secret, s).getBytes(StandardCharsets.US_ASCII), given);
            if (equal & s > lastAcceptedStep) matched = s; // the latest matching step wins
        }
        return matched == NO_STEP ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private byte[] normalise(String code) {
        Inputs.present(code, "the TOTP code");
        if (code.isEmpty()) throw new WardenException(ErrorCode.BAD_USAGE, "the TOTP code is empty");
        if (code.length() > 32) throw Inputs.malformed("the TOTP code is not " + digits + " digits");
        String digitsOnly = code.replace(" ", "");
        if (digitsOnly.length() != digits || !digitsOnly.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Inputs.malformed("the TOTP code is not " + digits + " digits");
        }
        return digitsOnly.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 4226's HOTP of the step: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
    private String codeAt(TotpSecret secret, long step) {
        byte[] key = secret.key();
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int otp = binary % (digits == 6 ? 1_000_000 : 100_000_000);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new WardenException(ErrorCode.INTERNAL, "the JDK has no " + algorithm.jcaName(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
