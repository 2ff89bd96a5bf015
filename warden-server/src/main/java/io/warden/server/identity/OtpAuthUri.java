package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} enrollment URI of Google Authenticator's Key Uri Format, shown to the user as a QR
 * code: {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
 *
 * <p>The URI holds the secret: show it once, never log or store it.
 */
public final class OtpAuthUri {
    /** Longest issuer or account name accepted, in chars. */
    public static final int MAX_NAME_LENGTH = 128;

    private OtpAuthUri() {}

    /**
     * The URI enrolling {@code secret} for {@code account} at {@code issuer}. Both names are percent-encoded as UTF-8
     * (space as {@code %20}); neither may be empty, longer than {@link #MAX_NAME_LENGTH}, hold a colon (the format's
     * label separator) or a control character.
     */
    public static String of(Totp totp, TotpSecret secret, String issuer, String account) {
        Inputs.present(totp, "the TOTP scheme");
        Inputs.present(secret, "the TOTP secret");
        String i = encode(checkName(issuer, "the issuer"));
        String a = encode(checkName(account, "the account name"));
        return "otpauth://totp/" + i + ":" + a + "?secret=" + secret.base32() + "&issuer=" + i + "&algorithm="
                + totp.algorithm().uriName() + "&digits=" + totp.digits() + "&period=" + Totp.PERIOD_SECONDS;
    }

    private static String checkName(String name, String what) {
        Inputs.present(name, what);
        if (name.isBlank()) throw new WardenException(ErrorCode.BAD_USAGE, what + " is empty");
        if (name.length() > MAX_NAME_LENGTH) {
            throw Inputs.malformed(what + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (Inputs.hasControlOrLoneSurrogate(name)) {
            throw Inputs.malformed(what + " contains control characters or invalid Unicode");
        }
        if (name.indexOf(':') >= 0) throw Inputs.malformed(what + " contains a colon");
        return name;
    }

    /** RFC 3986 percent-encoding: URLEncoder's form encoding, with its '+' for space made {@code %20}. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
