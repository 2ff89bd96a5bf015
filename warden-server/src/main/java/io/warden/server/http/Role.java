package io.warden.server.http;

import static io.warden.server.http.Permission.AUDIT_READ;
import static io.warden.server.http.Permission.DATASET_CREATE;
import static io.warden.server.http.Permission.DATASET_DESTROY;
import static io.warden.server.http.Permission.DATASET_LIST;
import static io.warden.server.http.Permission.DATASET_POLICY;
import static io.warden.server.http.Permission.DATASET_READ;
import static io.warden.server.http.Permission.GRANT_MANAGE;
import static io.warden.server.http.Permission.KEY_ROTATE;
import static io.warden.server.http.Permission.METRICS_READ;
import static io.warden.server.http.Permission.USER_MANAGE;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD_RAW;
import static io.warden.server.http.Permission.VERSION_UPLOAD;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's role: the permissions it holds, least privilege first. Per-dataset permissions apply only to datasets the
 * user was granted, except for roles that oversee all datasets (admin for management, auditor for metadata).
 * Nobody holds data access by role alone: reading or writing a dataset's contents always takes a grant.
 */
public enum Role {
    /** Manages users, grants and keys; sees every dataset's metadata; reads no data. */
    ADMIN("admin", true, EnumSet.of(DATASET_LIST, DATASET_CREATE, DATASET_READ, DATASET_DESTROY, KEY_ROTATE,
            GRANT_MANAGE, DATASET_POLICY, USER_MANAGE, AUDIT_READ, METRICS_READ)),
    /** Owns datasets: uploads, reads them raw or protected, rotates and destroys their keys, grants access. */
    DATA_STEWARD("data-steward", false, EnumSet.of(DATASET_LIST, DATASET_CREATE, DATASET_READ, VERSION_UPLOAD,
            VERSION_DOWNLOAD, VERSION_DOWNLOAD_RAW, DATASET_DESTROY, KEY_ROTATE, GRANT_MANAGE, DATASET_POLICY)),
    /** Reads protected versions of the datasets granted to them. */
    ML_ENGINEER("ml-engineer", false, EnumSet.of(DATASET_LIST, DATASET_READ, VERSION_DOWNLOAD)),
    /** Reads the audit log, metrics and every dataset's metadata; no data. */
    AUDITOR("auditor", true, EnumSet.of(DATASET_LIST, DATASET_READ, AUDIT_READ, METRICS_READ)),
    /** A training job's service identity: reads protected versions of granted datasets through scoped tokens. */
    TRAINING_SERVICE("training-service", false, EnumSet.of(DATASET_READ, VERSION_DOWNLOAD));

    private final String id;
    private final boolean overseesAll;
    private final Set<Permission> permissions;

    Role(String id, boolean overseesAll, Set<Permission> permissions) {
        this.id = id;
        this.overseesAll = overseesAll;
        this.permissions = permissions;
    }

    /** The name used in the API, the CLI and the database. */
    public String id() {
        return id;
    }

    public boolean holds(Permission permission) {
        return permission == Permission.PUBLIC || permission == Permission.SELF || permissions.contains(permission);
    }

    /** Whether its per-dataset permissions reach every dataset without a grant (never data access: see class doc). */
    public boolean overseesAllDatasets() {
        return overseesAll;
    }

    public static Role parse(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) return r;
        }
        throw new WardenException(ErrorCode.BAD_USAGE, "unknown role; roles are "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
