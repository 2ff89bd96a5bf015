package io.warden.server.http;

/**
 * What a route needs. Every route declares exactly one; a request whose principal lacks it is denied, and there is no
 * way to register a route without one.
 */
public enum Permission {
    /** No credential needed: health, login, the API document. */
    PUBLIC(false, false),
    /** Any signed-in principal, about itself: who am I, log out, enroll MFA, its own tokens. */
    SELF(false, false),
    DATASET_LIST(false, false),
    DATASET_CREATE(false, false),
    /** A dataset's metadata: versions, manifests, signatures, scan reports. */
    DATASET_READ(false, true),
    VERSION_UPLOAD(false, true),
    /** Download versions that were protected (tokenized, masked, generalized) on upload. */
    VERSION_DOWNLOAD(false, true),
    /** Download versions as uploaded, unprotected. */
    VERSION_DOWNLOAD_RAW(true, true),
    /** Destroy a dataset's key: every version becomes unreadable (crypto-shredding). */
    DATASET_DESTROY(true, true),
    KEY_ROTATE(true, true),
    GRANT_MANAGE(false, true),
    USER_MANAGE(true, false),
    AUDIT_READ(false, false),
    METRICS_READ(false, false);

    private final boolean sensitive;
    private final boolean perDataset;

    Permission(boolean sensitive, boolean perDataset) {
        this.sensitive = sensitive;
        this.perDataset = perDataset;
    }

    /** Whether the action also needs a second factor given within the last few minutes. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Whether the action is on one dataset, so that roles apply to it only through a grant. */
    public boolean perDataset() {
        return perDataset;
    }
}
