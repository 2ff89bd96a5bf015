package io.warden.core;

/**
 * Every error Warden reports, with the category that decides how faces (CLI exit code, HTTP status) show it.
 *
 * <p>Messages attached to these codes never contain key material or detected sensitive values.
 */
public enum ErrorCode {
    /** The command line itself is wrong: unknown flag, missing argument, conflicting options. */
    BAD_USAGE(Category.USER),
    /** An input file does not exist or cannot be read. */
    INPUT_NOT_FOUND(Category.USER),
    /** An input file is not in the format it claims (malformed CSV/JSON, binary data, wrong format flag). */
    MALFORMED_INPUT(Category.USER),
    /** Input bytes are not valid UTF-8 and the reader was told to reject them. */
    INVALID_ENCODING(Category.USER),
    /** A single record is larger than the configured limit. */
    RECORD_TOO_LARGE(Category.USER),
    /** The policy file is invalid (reported with line and column). */
    INVALID_POLICY(Category.USER),
    /** A key is missing, unreadable, of the wrong kind, destroyed, or not the one the data was protected with. */
    BAD_KEY(Category.USER),
    /** A privacy model cannot be met on this data with the allowed generalization and suppression (e.g. k > rows). */
    PRIVACY_UNSATISFIABLE(Category.USER),
    /** A differentially private release would spend more privacy budget than the dataset has left. */
    BUDGET_EXHAUSTED(Category.USER),
    /**
     * Something that must be authentic is not: a sealed file that fails authentication (altered, truncated, segments
     * reordered), a signature that does not match. Shown as exit code 1, like a failed gate.
     */
    VERIFICATION_FAILED(Category.VERIFICATION),
    /** An output file could not be written. */
    OUTPUT_FAILED(Category.USER),
    /** No credential, or one that is wrong, expired or revoked. */
    UNAUTHENTICATED(Category.USER),
    /** The principal is known but its roles, grants or token scopes do not allow the action. */
    PERMISSION_DENIED(Category.USER),
    /** The action is sensitive and needs a second factor given within the last few minutes. */
    MFA_REQUIRED(Category.USER),
    /** Too many failed attempts: the account or address is locked out for a while. */
    TOO_MANY_ATTEMPTS(Category.USER),
    /** A named thing (dataset, version, user, token) does not exist. */
    NOT_FOUND(Category.USER),
    /** The thing to create exists already, or the request conflicts with the current state. */
    CONFLICT(Category.USER),
    /** A request body or upload is larger than allowed. */
    TOO_LARGE(Category.USER),
    /**
     * A dependency the action cannot do without failed: above all the audit log could not record the request durably,
     * so the request fails closed.
     */
    UNAVAILABLE(Category.INTERNAL),
    /** A bug or an environment failure Warden did not expect. */
    INTERNAL(Category.INTERNAL);

    /**
     * Who is at fault: the user (fixable by changing input or flags), the data (it failed a verification), or Warden
     * itself.
     */
    public enum Category { USER, VERIFICATION, INTERNAL }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
