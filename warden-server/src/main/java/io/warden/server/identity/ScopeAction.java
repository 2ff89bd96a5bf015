package io.warden.server.identity;

import java.util.Locale;

/** Something an API token may be allowed to do to a dataset; written in lower case in a {@link TokenScope}. */
public enum ScopeAction {
    /** Read a dataset's catalog entry, reports and protected (sealed or transformed) data. */
    READ,
    /** Upload a new dataset or a new version. */
    UPLOAD,
    /** Run a scan. */
    SCAN,
    /** Run protection (masking, tokenizing, anonymisation). */
    PROTECT,
    /** Release a dataset to a training job. */
    RELEASE,
    /** Delete a dataset or a version. */
    DELETE;

    /** The lower-case name used in the compact form. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
