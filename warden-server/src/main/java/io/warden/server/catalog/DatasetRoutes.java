package io.warden.server.catalog;

import static io.warden.server.http.Permission.DATASET_CREATE;
import static io.warden.server.http.Permission.DATASET_DESTROY;
import static io.warden.server.http.Permission.DATASET_LIST;
import static io.warden.server.http.Permission.DATASET_READ;
import static io.warden.server.http.Permission.GRANT_MANAGE;
import static io.warden.server.http.Permission.KEY_ROTATE;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD;
import static io.warden.server.http.Permission.VERSION_DOWNLOAD_RAW;
import static io.warden.server.http.Permission.VERSION_UPLOAD;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.server.http.Call;
import io.warden.server.http.Metrics;
import io.warden.server.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The catalog's routes: datasets, versions (streamed upload sealed on arrival, streamed download), grants, key
 * rotation and crypto-shredding.
 */
public final class DatasetRoutes {
    private static final String DATASET = "/api/v1/datasets/{dataset}";

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
                        "Upload a new version (the body, streamed; ?file=NAME), sealed on arrival", this::upload),
                Route.get(DATASET + "/versions/{version}/content", VERSION_DOWNLOAD,
                        "Download a protected version", c -> download(c, false)),
                Route.get(DATASET + "/versions/{version}/raw", VERSION_DOWNLOAD_RAW,
                        "Download a version as uploaded (needs recent MFA)", c -> download(c, true)),
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
        BlobStore.Stored stored = blobs.put(keys.keyring(), d.name(), call.ctx().bodyInputStream(), maxUpload);
        Catalog.Version v;
        try {
            v = catalog.addVersion(d.name(), kind, file, stored, call.principal().name(), call.now());
        } catch (RuntimeException e) {
            blobs.delete(d.name(), stored.blob()); // not recorded, never served: do not keep it
            throw e;
        }
        call.audit("version", v.version()).audit("bytes", v.size()).audit("sha256", v.sha256());
        call.json(201, describe(v));
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
