package io.warden.server.identity;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;

/**
 * The rule a new password must meet: at least {@code minLength} code points, not white space only (the upper bound is
 * {@link Password#MAX_LENGTH}, enforced for every password).
 *
 * @param minLength shortest password accepted, in code points (12 by default)
 */
public record PasswordPolicy(int minLength) {
    /** At least 12 characters. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(12);

    public PasswordPolicy {
        if (minLength < 8 || minLength > Password.MAX_LENGTH) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the minimum password length must be 8 to "
                    + Password.MAX_LENGTH);
        }
    }

    /** Returns normally when {@code password} may be set as a new password; otherwise a one-line BAD_USAGE error. */
    public void check(Password password) {
        Inputs.present(password, "the password");
        if (password.blank()) throw new WardenException(ErrorCode.BAD_USAGE, "the password is only white space");
        if (password.length() < minLength) {
            throw new WardenException(ErrorCode.BAD_USAGE, "the password is shorter than " + minLength
                    + " characters");
        }
    }
}
