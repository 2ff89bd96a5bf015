package io.warden.server.http;

/**
 * What a route needs. Every route declares exactly one; a request whose principal lacks it is denied, and there is no
 * way to register a route without one.
 */
public enum Permission {
    /** No credential needed: health, login, the API document. */
    PUBLIC(false, false, "use public routes"),
    /** Any signed-in principal, about itself: who am I, log out, enroll MFA, its own tokens. */
    SELF(false, false, "manage your own session"),
    DATASET_LIST(false, false, "list datasets"),
    DATASET_CREATE(false, false, "create datasets"),
    /** A dataset's metadata: versions, manifests, signatures, scan reports. */
    DATASET_READ(false, true, "read this dataset's metadata"),
    VERSION_UPLOAD(false, true, "upload versions of this dataset"),
    /** Download versions that were protected (tokenized, masked, generalized) on upload. */
    VERSION_DOWNLOAD(false, true, "download protected versions of this dataset"),
    /** Download versions as uploaded, unprotected. */
    VERSION_DOWNLOAD_RAW(true, true, "download raw versions of this dataset"),
    /** Destroy a dataset's key: every version becomes unreadable (crypto-shredding). */
    DATASET_DESTROY(true, true, "destroy this dataset's key"),
    KEY_ROTATE(true, true, "rotate this dataset's key"),
    GRANT_MANAGE(false, true, "grant access to this dataset"),
    /** Set the policy uploads of the dataset are scanned against. */
    DATASET_POLICY(false, true, "set this dataset's policy"),
    USER_MANAGE(true, false, "manage users"),
    AUDIT_READ(false, false, "read the audit log"),
    METRICS_READ(false, false, "read metrics");

    private final boolean sensitive;
    private final boolean perDataset;
    private final String action;

    Permission(boolean sensitive, boolean perDataset, String action) {
        this.sensitive = sensitive;
        this.perDataset = perDataset;
        this.action = action;
    }

    /** What it allows, as words for messages ("download raw versions of this dataset"). */
    public String action() {
        return action;
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
