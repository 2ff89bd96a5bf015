package io.warden.server.backup;

import io.warden.server.backup.BackupManifest.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where things are in a backup: the data directory's own layout (so a restore is mostly a copy), plus the manifest
 * and, for a PostgreSQL catalog, one JSON Lines file per table.
 *
 * <pre>
 * manifest.json                  written last
 * warden.db                      the SQLite catalog (VACUUM INTO), or
 * catalog/TABLE.jsonl            each PostgreSQL catalog table, a JSON object per row
 * keyring.json                   the keyring, and its operations log
 * keyring.ops.jsonl
 * blobs/DATASET/BLOB.sealed      the sealed blob of every version in the catalog
 * audit/log/entries, hashes      the audit log, exactly the entries the checkpoint covers
 * audit/checkpoint               that checkpoint (signed note)
 * audit/checkpoint.key           the key that signs checkpoints
 * tls/cert.pem, tls/key.pem      the self-signed TLS identity, when the server made one
 * </pre>
 *
 * Nothing else is ever written or accepted: a manifest naming any other path is malformed, so no path from a
 * backup can point outside the directory it is restored into.
 */
public final class BackupLayout {
    public static final String MANIFEST = "manifest.json";
    public static final String DATABASE = "warden.db";
    public static final String KEYRING = "keyring.json";
    public static final String KEYRING_OPS = "keyring.ops.jsonl";
    public static final String AUDIT_LOG = "audit/log";
    public static final String CHECKPOINT = "audit/checkpoint";
    public static final String CHECKPOINT_KEY = "audit/checkpoint.key";
    public static final String TLS_CERT = "tls/cert.pem";
    public static final String TLS_KEY = "tls/key.pem";
    static final String CATALOG = "catalog";
    private static final List<String> AUDIT_LOG_FILES = List.of(AUDIT_LOG + "/entries", AUDIT_LOG + "/hashes");
    /** Files holding keys: owner-only wherever they are written, whatever the mode they were found with. */
    static final List<String> SECRETS = List.of(KEYRING, CHECKPOINT_KEY, TLS_KEY);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern BLOB = Pattern.compile("blobs/[a-z0-9][a-z0-9._-]{0,63}/[0-9a-f]{32}\\.sealed");

    private BackupLayout() {}

    /** The files every backup of {@code source} holds. */
    static List<String> required(Source source) {
        List<String> out = new ArrayList<>(List.of(KEYRING, KEYRING_OPS, CHECKPOINT, CHECKPOINT_KEY));
        out.addAll(AUDIT_LOG_FILES);
        switch (source) {
            case SQLITE -> out.add(DATABASE);
            case POSTGRESQL -> CatalogTables.NAMES.forEach(t -> out.add(catalogFile(t)));
        }
        return out;
    }

    /** Whether a backup of {@code source} may hold {@code path}. */
    static boolean isAllowed(String path, Source source) {
        if (required(source).contains(path) || path.equals(TLS_CERT) || path.equals(TLS_KEY)) return true;
        return isBlob(path);
    }

    static boolean isBlob(String path) {
        return BLOB.matcher(path).matches();
    }

    static boolean isName(String s) {
        return NAME.matcher(s).matches();
    }

    static boolean isBlobId(String s) {
        return BLOB_ID.matcher(s).matches();
    }

    static String blobPath(String dataset, String blob) {
        return "blobs/" + dataset + "/" + blob + ".sealed";
    }

    static String catalogFile(String table) {
        return CATALOG + "/" + table + ".jsonl";
    }

    /** Whether {@code path} is part of the catalog as a backup stores it, not of a data directory. */
    static boolean isCatalog(String path) {
        return path.equals(DATABASE) || path.startsWith(CATALOG + "/");
    }
}
