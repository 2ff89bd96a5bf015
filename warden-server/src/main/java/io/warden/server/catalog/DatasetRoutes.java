package io.warden.server.catalog;

import static io.warden.server.http.Permission.DATASET_CREATE;
import static io.warden.server.http.Permission.DATASET_DESTROY;
import static io.warden.server.http.Permission.DATASET_LIST;
import static io.warden.server.http.Permission.DATASET_POLICY;
import static io.warden.server.http.Permission.DATASET_READ;
import static io.warden.server.http.Permission.GRANT_MANAGE;
import static io.warden.server.http.Permission.KEY_ROTATE;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD_RAW;
import static io.warden.server.http.Permission.VERSION_UPLOAD;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.core.report.ScanReport;
import java.nio.charset.StandardCharsets;
import io.warden.server.http.Call;
import io.warden.server.http.Metrics;
import io.warden.server.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's routes: datasets, versions (streamed upload sealed on arrival, scanned and protected by the dataset's
 * policy; streamed download), grants, key rotation and crypto-shredding.
 */
public final class DatasetRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetRoutes.class);
    private static final String DATASET = "/api/v1/datasets/{dataset}";
    private static final int MAX_ATTACHMENT = 16 << 20;
    private static final int MAX_POLICY = 256 << 10;

    private final Catalog catalog;
    private final BlobStore blobs;
    private final ServerKeys keys;
    private final Metrics metrics;
    private final Predicate<String> userExists;
    private final long maxUpload;

    public DatasetRoutes(Catalog catalog, BlobStore blobs, ServerKeys keys, Metrics metrics,
            Predicate<String> userExists, long maxUpload) {
        this.catalog = catalog;
        this.blobs = blobs;
        this.keys = keys;
        this.metrics = metrics;
        this.userExists = userExists;
        this.maxUpload = maxUpload;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/datasets", DATASET_LIST, "List the datasets you may see", this::list),
                Route.post("/api/v1/datasets", DATASET_CREATE, "Create a dataset (and its key)", this::create),
                Route.get(DATASET, DATASET_READ, "A dataset and its versions", this::show),
                Route.put(DATASET + "/versions", VERSION_UPLOAD,
                        "Upload a new version (the body, streamed; ?file=NAME&kind=raw|protected), sealed on arrival, "
                                + "scanned by the dataset's policy and, when it has a protect section, protected into "
                                + "a second version", this::upload),
                Route.get(DATASET + "/versions/{version}/content", VERSION_DOWNLOAD,
                        "Download a protected version", c -> download(c, false)),
                Route.get(DATASET + "/versions/{version}/raw", VERSION_DOWNLOAD_RAW,
                        "Download a version as uploaded (needs recent MFA)", c -> download(c, true)),
                Route.put(DATASET + "/versions/{version}/{attachment}", VERSION_UPLOAD,
                        "Attach a JSON document to a version: its manifest (warden protect), signature (OMS bundle) "
                                + "or scan-report (warden scan --json)", this::attach),
                Route.get(DATASET + "/versions/{version}/{attachment}", DATASET_READ,
                        "A version's manifest, signature or scan-report", this::attachment),
                Route.put(DATASET + "/policy", DATASET_POLICY, "Set the policy (YAML, as for warden scan) uploads "
                        + "are scanned against; an empty body removes it", this::setPolicy),
                Route.get(DATASET + "/policy", DATASET_READ, "The dataset's policy", this::policy),
                Route.put(DATASET + "/grants/{user}", GRANT_MANAGE, "Grant a user access to the dataset", this::grant),
                Route.delete(DATASET + "/grants/{user}", GRANT_MANAGE, "Take a grant back", this::revoke),
                Route.post(DATASET + "/key/rotate", KEY_ROTATE,
                        "New key version for new uploads; older versions still open", this::rotate),
                Route.delete(DATASET, DATASET_DESTROY,
                        "Destroy the dataset's key: every version becomes unreadable (needs recent MFA)",
                        this::destroy));
    }

    private void list(Call call) {
        var p = call.principal();
        var visible = p.role().overseesAllDatasets() ? catalog.datasets() : catalog.grantedTo(p.name());
        call.json(Map.of("datasets", visible.stream().map(DatasetRoutes::describe).toList()));
    }

    private void create(Call call) {
        ObjectNode body = call.body();
        String name = Names.dataset(Call.text(body, "name"));
        String description = Call.text(body, "description", "");
        if (description.length() > 1024) {
            throw new WardenException(ErrorCode.BAD_USAGE, "a description has at most 1024 characters");
        }
        Catalog.Dataset d = catalog.create(name, description, call.principal().name(), call.now());
        keys.addDataset(name);
        // whoever creates a dataset may use it (admins oversee all without a grant, so they get none)
        if (!call.principal().role().overseesAllDatasets()) {
            catalog.grant(call.principal().name(), name, call.principal().name(), call.now());
        }
        call.audit("created", name);
        call.json(201, describe(d));
    }

    private void show(Call call) {
        Catalog.Dataset d = live(call);
        Map<String, Object> out = describe(d);
        out.put("versions", catalog.versions(d.name()).stream().map(DatasetRoutes::describe).toList());
        call.json(out);
    }

    private void upload(Call call) throws Exception {
        Catalog.Dataset d = live(call);
        String file = Names.file(call.ctx().queryParam("file") == null ? "data" : call.ctx().queryParam("file"));
        String kind = call.ctx().queryParam("kind") == null ? "raw" : call.ctx().queryParam("kind");
        if (!kind.equals("raw") && !kind.equals("protected")) {
            throw new WardenException(ErrorCode.BAD_USAGE, "kind is raw or protected");
        }
        Policy policy = catalog.policy(d.name()).map(yaml -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8),
                "the policy of " + d.name())).orElse(null);
        BlobStore.Stored stored = blobs.put(keys.keyring(), d.name(), call.ctx().bodyInputStream(), maxUpload);
        ScanReport report;
        Catalog.Version v;
        try {
            report = scanned(d.name(), policy, stored, file, kind, "the upload is marked protected but");
            v = catalog.addVersion(d.name(), kind, file, stored, call.principal().name(), call.now(),
                    report == null ? null : UploadScanner.json(report));
        } catch (RuntimeException | java.io.IOException e) {
            blobs.delete(d.name(), stored.blob()); // refused or not recorded, never served: do not keep it
            throw e;
        }
        call.audit("version", v.version()).audit("bytes", v.size()).audit("sha256", v.sha256());
        Map<String, Object> out = describe(v);
        if (report != null) {
            out.put("scan", scanSummary(report));
            call.audit("scan_passed", report.gate().passed()).audit("findings", report.totalFindings());
        }
        if (kind.equals("raw") && policy != null && !policy.protect().isEmpty()) protect(call, policy, v, out);
        call.json(201, out);
    }

    /**
     * Makes the protected version of a raw upload by the dataset's policy, with the library {@code warden protect}
     * uses, and adds it to {@code out} as {@code protected_version}. It must pass the policy's gate like a protected
     * upload. When protection fails, the raw version stays, nothing of the protected one is left, and {@code out}
     * says why as {@code protect_failed} (error code and message, never values).
     */
    private void protect(Call call, Policy policy, Catalog.Version raw, Map<String, Object> out) {
        String dataset = raw.dataset();
        UploadProtector.Protected p = null;
        try {
            p = UploadProtector.protect(blobs, keys.keyring(), dataset, raw.blob(), raw.fileName(), policy);
            ScanReport report = scanned(dataset, policy, p.stored(), p.fileName(), "protected",
                    "the protected version");
            Catalog.Version v = catalog.addVersion(dataset, "protected", p.fileName(), p.stored(),
                    call.principal().name(), call.now(), report == null ? null : UploadScanner.json(report),
                    p.manifest());
            Map<String, Object> m = describe(v);
            m.put("records", Map.of("in", p.recordsIn(), "out", p.recordsOut()));
            if (report != null) m.put("scan", scanSummary(report));
            out.put("protected_version", m);
            call.audit("protected_version", v.version());
        } catch (RuntimeException | java.io.IOException e) {
            if (p != null) discard(dataset, p.stored().blob());
            ErrorCode code = e instanceof WardenException w ? w.code() : ErrorCode.INTERNAL;
            // a WardenException's message holds no value; anything else is named by its class only
            String message = e instanceof WardenException ? e.getMessage()
                    : "protecting failed (" + e.getClass().getSimpleName() + ")";
            if (code == ErrorCode.INTERNAL) LOG.error("protecting version {} of {} failed: {}", raw.version(), dataset,
                    e.getClass().getName());
            out.put("protect_failed", Map.of("error", code.name(), "message", message));
            call.audit("protect_failed", code.name());
        }
    }

    /** Deletes a blob no version refers to; a failure is logged, as the answer is about something else. */
    private void discard(String dataset, String blob) {
        try {
            blobs.delete(dataset, blob);
        } catch (RuntimeException e) {
            LOG.warn("cannot delete the discarded blob {} of {}", blob, dataset);
        }
    }

    /**
     * Scans a stored blob against the dataset's policy, if it has one. A version marked protected must pass the
     * policy's gate (it is what engineers may download): otherwise it is refused (the caller deletes its blob), and
     * {@code subject} begins the message. A raw version is kept whatever it holds, with its report.
     */
    private ScanReport scanned(String dataset, Policy policy, BlobStore.Stored stored, String file, String kind,
            String subject) throws java.io.IOException {
        if (policy == null) return null;
        ScanReport report;
        try {
            report = UploadScanner.scan(blobs, keys.keyring(), dataset, stored.blob(), file, policy);
        } catch (WardenException e) {
            if (kind.equals("protected")) {
                throw new WardenException(ErrorCode.VERIFICATION_FAILED, subject + " cannot be checked against "
                        + dataset + "'s policy: " + e.getMessage());
            }
            return null;
        }
        if (kind.equals("protected") && !report.gate().passed()) {
            StringBuilder why = new StringBuilder();
            for (var v : report.gate().violations()) {
                if (why.length() > 300) break;
                why.append(why.isEmpty() ? "" : "; ").append(v.count()).append(' ').append(v.entity())
                        .append(v.field() == null ? "" : " in " + v.field());
            }
            throw new WardenException(ErrorCode.VERIFICATION_FAILED, subject + " fails " + dataset + "'s policy ("
                    + why + "); nothing was stored");
        }
        return report;
    }

    private static Map<String, Object> scanSummary(ScanReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", report.gate().passed());
        m.put("records", report.records());
        m.put("findings", report.totalFindings());
        m.put("entities", report.entityCounts());
        return m;
    }

    private void setPolicy(Call call) throws Exception {
        Catalog.Dataset d = live(call);
        byte[] yaml;
        try (var in = call.ctx().bodyInputStream()) {
            yaml = in.readNBytes(MAX_POLICY + 1);
        }
        if (yaml.length > MAX_POLICY) throw new WardenException(ErrorCode.TOO_LARGE, "a policy has at most 256 KiB");
        if (yaml.length == 0) {
            catalog.setPolicy(d.name(), null);
            call.json(Map.of("dataset", d.name(), "policy", false));
            return;
        }
        PolicyLoader.parse(yaml, "the policy"); // INVALID_POLICY with line and column when it is not one
        catalog.setPolicy(d.name(), new String(yaml, StandardCharsets.UTF_8));
        call.audit("policy_sha256", io.warden.core.io.FileDigest.sha256Hex(yaml));
        call.json(Map.of("dataset", d.name(), "policy", true));
    }

    private void policy(Call call) {
        Catalog.Dataset d = live(call);
        String yaml = catalog.policy(d.name()).orElseThrow(() -> new WardenException(ErrorCode.NOT_FOUND,
                d.name() + " has no policy"));
        call.ctx().status(200).contentType("application/yaml; charset=utf-8").result(yaml);
    }

    private void download(Call call, boolean raw) throws Exception {
        Catalog.Dataset d = live(call);
        Catalog.Version v = catalog.version(d.name(), number(call.path("version")));
        if (!raw && !v.kind().equals("protected")) {
            throw new WardenException(ErrorCode.PERMISSION_DENIED, "version " + v.version() + " is not protected; "
                    + "downloading it as uploaded needs the raw route and its permission");
        }
        call.audit("version", v.version()).audit("bytes", v.size()).audit("kind", v.kind());
        metrics.released(call.principal().name(), v.size());
        call.ctx().header("X-Content-SHA256", v.sha256());
        call.ctx().header("Content-Disposition", "attachment");
        call.ctx().contentType("application/octet-stream");
        // the body is written after the audit event is durable: the handler returns the stream, Javalin sends it
        call.ctx().result(new StreamPipe(out -> blobs.get(keys.keyring(), d.name(), v.blob(), out)));
    }

    private void attach(Call call) throws Exception {
        Catalog.Dataset d = live(call);
        int version = number(call.path("version"));
        Catalog.Attachment kind = Catalog.Attachment.parse(call.path("attachment"));
        byte[] body;
        try (var in = call.ctx().bodyInputStream()) {
            body = in.readNBytes(MAX_ATTACHMENT + 1);
        }
        if (body.length > MAX_ATTACHMENT) {
            throw new WardenException(ErrorCode.TOO_LARGE, "an attachment has at most " + (MAX_ATTACHMENT >> 20) + " MiB");
        }
        // a JSON object or array, and nothing else: it is served back as application/json
        com.fasterxml.jackson.databind.JsonNode doc;
        try {
            doc = Call.JSON_READER.readTree(body);
        } catch (java.io.IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isContainerNode()) {
            throw new WardenException(ErrorCode.MALFORMED_INPUT, "the " + kind.id() + " must be a JSON object or array");
        }
        catalog.attach(d.name(), version, kind, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        call.audit("version", version).audit("attachment", kind.id()).audit("bytes", body.length);
        call.json(Map.of("dataset", d.name(), "version", version, "attached", kind.id()));
    }

    private void attachment(Call call) {
        Catalog.Dataset d = live(call);
        int version = number(call.path("version"));
        Catalog.Attachment kind = Catalog.Attachment.parse(call.path("attachment"));
        String doc = catalog.attachment(d.name(), version, kind).orElseThrow(() -> new WardenException(
                ErrorCode.NOT_FOUND, "version " + version + " of " + d.name() + " has no " + kind.id()));
        call.ctx().status(200).contentType("application/json").result(doc);
    }

    private void grant(Call call) {
        Catalog.Dataset d = live(call);
        String user = Names.user(call.path("user"));
        if (!userExists.test(user)) throw new WardenException(ErrorCode.NOT_FOUND, "no user " + user);
        catalog.grant(user, d.name(), call.principal().name(), call.now());
        call.audit("user", user);
        call.json(Map.of("dataset", d.name(), "user", user, "granted", true));
    }

    private void revoke(Call call) {
        Catalog.Dataset d = live(call);
        String user = Names.user(call.path("user"));
        boolean had = catalog.revoke(user, d.name());
        call.audit("user", user);
        call.json(Map.of("dataset", d.name(), "user", user, "revoked", had));
    }

    private void rotate(Call call) {
        Catalog.Dataset d = live(call);
        int version = keys.rotateDataset(d.name()).dataset(d.name()).primary().number();
        call.audit("key_version", version);
        call.json(Map.of("dataset", d.name(), "key_version", version));
    }

    private void destroy(Call call) {
        Catalog.Dataset d = live(call);
        String confirm = call.ctx().queryParam("confirm");
        if (!d.name().equals(confirm)) {
            throw new WardenException(ErrorCode.BAD_USAGE, "destroying a dataset's key cannot be undone: repeat its "
                    + "name as ?confirm=NAME");
        }
        keys.destroy(d.name());
        catalog.markDestroyed(d.name(), call.now());
        blobs.deleteAll(d.name());
        call.json(Map.of("dataset", d.name(), "destroyed", true));
    }

    private Catalog.Dataset live(Call call) {
        Catalog.Dataset d = catalog.dataset(Names.dataset(call.path("dataset")));
        if (d.destroyed()) {
            throw new WardenException(ErrorCode.NOT_FOUND, "dataset " + d.name() + " was destroyed on "
                    + d.destroyedAt() + ": its key is gone and its data cannot be opened by anyone");
        }
        return d;
    }

    private static int number(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new WardenException(ErrorCode.BAD_USAGE, "a version is a positive number");
    }

    private static Map<String, Object> describe(Catalog.Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("created_by", d.createdBy());
        m.put("created_at", d.createdAt().toString());
        if (d.destroyed()) m.put("destroyed_at", d.destroyedAt().toString());
        return m;
    }

    private static Map<String, Object> describe(Catalog.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("kind", v.kind());
        m.put("file", v.fileName());
        m.put("size", v.size());
        m.put("sha256", v.sha256());
        m.put("key_version", v.keyVersion());
        m.put("created_by", v.createdBy());
        m.put("created_at", v.createdAt().toString());
        return m;
    }
}
