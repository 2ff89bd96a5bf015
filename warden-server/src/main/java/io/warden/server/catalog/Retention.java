package io.warden.server.catalog;

import static io.warden.server.http.Permission.DATASET_POLICY;
import static io.warden.server.http.Permission.DATASET_READ;

import com.fasterxml.jackson.databind.JsonNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.audit.AuditEvent;
import io.warden.server.audit.AuditTrail;
import io.warden.server.http.Call;
import io.warden.server.http.Route;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: a dataset may keep its versions for a number of days; {@link #sweep} deletes the versions older than
 * that — each deletion audited first (if the audit log cannot record it, nothing is deleted), then the version
 * forgotten and its sealed blob deleted. The server sweeps at start and every hour.
 *
 * <p>This deletes files; it is not crypto-shredding, which works per dataset key ({@code DELETE} the dataset).
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int MAX_DAYS = 36_500;
    private final Catalog catalog;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final Clock clock;

    public Retention(Catalog catalog, BlobStore blobs, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.put("/api/v1/datasets/{dataset}/retention", DATASET_POLICY, "Keep versions for {\"days\": N} "
                        + "days, then delete them ({\"days\": null}: keep them)", this::set),
                Route.get("/api/v1/datasets/{dataset}/retention", DATASET_READ, "The dataset's retention",
                        c -> c.json(Map.of("dataset", c.path("dataset"), "days",
                                catalog.retention(Names.dataset(c.path("dataset"))).map(Object.class::cast)
                                        .orElse("none")))));
    }

    private void set(Call call) {
        String dataset = catalog.dataset(Names.dataset(call.path("dataset"))).name();
        JsonNode days = call.body().get("days");
        Integer value;
        if (days == null || days.isNull()) {
            value = null;
        } else if (days.canConvertToInt() && days.isIntegralNumber() && days.asInt() >= 1 && days.asInt() <= MAX_DAYS) {
            value = days.asInt();
        } else {
            throw new WardenException(ErrorCode.BAD_USAGE, "days is a whole number from 1 to " + MAX_DAYS + ", or null");
        }
        catalog.setRetention(dataset, value);
        call.audit("retention_days", value == null ? "none" : value);
        Map<String, Object> out = new HashMap<>();
        out.put("dataset", dataset);
        out.put("days", value);
        call.json(out);
    }

    /** Deletes every expired version; returns how many. Stops at the first audit failure (fails closed). */
    public int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Catalog.Version v : catalog.expired(now)) {
            audit.append(new AuditEvent(now, "retention", "system:retention", "-", "SWEEP", "retention", v.dataset(),
                    null, "allowed", 200, null, null, Map.of("deleted_version", v.version(), "sha256", v.sha256())));
            catalog.deleteVersion(v.dataset(), v.version());
            blobs.delete(v.dataset(), v.blob());
            deleted++;
        }
        if (deleted > 0) LOG.info("retention deleted {} expired versions", deleted);
        return deleted;
    }
}
