package io.warden.server.backup;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of contents of a backup ({@code manifest.json}, written last): every file with its size and SHA-256, every
 * dataset version with the SHA-256 of its plaintext, the catalog's row counts, and the signed audit checkpoint the
 * backed-up log must verify against. Read strictly: an unknown format version, a missing or unknown field, a path
 * outside the {@link BackupLayout} is MALFORMED_INPUT.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param createdAt when the backup was made
 * @param wardenVersion the version of Warden that made it
 * @param source which database the catalog came from
 * @param schemaVersion the catalog's schema (Flyway) version
 * @param tables rows per catalog table, in {@link CatalogTables#NAMES} order
 * @param audit the audit log's checkpoint
 * @param versions every dataset version the catalog holds, by dataset and number
 * @param files every file of the backup but the manifest, by path
 */
public record BackupManifest(int formatVersion, Instant createdAt, String wardenVersion, Source source,
        String schemaVersion, Map<String, Long> tables, Audit audit, List<VersionEntry> versions,
        List<FileEntry> files) {
    /** The one format this Warden writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final String FORMAT = "warden-backup";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "format_version", "created_at", "warden_version",
            "source", "schema_version", "tables", "audit", "versions", "files");

    /** Which database a backup's catalog came from, and so how it is stored (see {@link BackupLayout}). */
    public enum Source {
        SQLITE, POSTGRESQL;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One file of the backup, by its path relative to the backup directory ('/'-separated). */
    public record FileEntry(String path, long size, String sha256) {}

    /** One dataset version: its blob ({@code blobs/DATASET/BLOB.sealed}) and the size and SHA-256 of its plaintext. */
    public record VersionEntry(String dataset, int version, String blob, long size, String sha256) {
        /** The path of the sealed blob in a backup or a data directory. */
        public String blobPath() {
            return BackupLayout.blobPath(dataset, blob);
        }

        /** {@code dataset/version}, as messages name it. */
        public String label() {
            return dataset + " version " + version;
        }
    }

    /**
     * The audit log's state in the backup.
     *
     * @param checkpoint the signed checkpoint (C2SP signed note) the copied log verifies against
     * @param vkey the verifier key of the server's checkpoint key
     * @param size the number of entries the checkpoint covers
     */
    public record Audit(String checkpoint, String vkey, long size) {}

    public BackupManifest {
        requireNonNull(createdAt, "createdAt");
        requireNonNull(source, "source");
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        requireNonNull(audit, "audit");
        versions = List.copyOf(versions);
        files = List.copyOf(files);
    }

    /** The manifest as pretty-printed JSON, fields in a fixed order. */
    public byte[] toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("format_version", formatVersion);
        o.put("created_at", createdAt.toString());
        o.put("warden_version", wardenVersion);
        o.put("source", source.json());
        o.put("schema_version", schemaVersion);
        ObjectNode t = o.putObject("tables");
        tables.forEach(t::put);
        ObjectNode a = o.putObject("audit");
        a.put("size", audit.size());
        a.put("vkey", audit.vkey());
        a.put("checkpoint", audit.checkpoint());
        ArrayNode vs = o.putArray("versions");
        for (VersionEntry v : versions) {
            vs.addObject().put("dataset", v.dataset()).put("version", v.version()).put("blob", v.blob())
                    .put("size", v.size()).put("sha256", v.sha256());
        }
        ArrayNode fs = o.putArray("files");
        for (FileEntry f : files) fs.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a manifest.
     *
     * @throws WardenException MALFORMED_INPUT naming what is wrong (one line)
     */
    public static BackupManifest parse(byte[] json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw malformed("it is not JSON (truncated?)");
        }
        if (o == null || !o.isObject()) throw malformed("it is not a JSON object");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw malformed("unknown field \"" + printable(f) + "\"");
        }
        if (!FORMAT.equals(text(o, "format"))) throw malformed("\"format\" is not \"" + FORMAT + "\"");
        long format = number(o, "format_version");
        if (format != FORMAT_VERSION) {
            throw malformed("format version " + format + " is not one this Warden reads (" + FORMAT_VERSION + ")");
        }
        Instant created;
        try {
            created = Instant.parse(text(o, "created_at"));
        } catch (DateTimeParseException e) {
            throw malformed("\"created_at\" is not an ISO-8601 instant");
        }
        Source source = switch (text(o, "source")) {
            case "sqlite" -> Source.SQLITE;
            case "postgresql" -> Source.POSTGRESQL;
            default -> throw malformed("\"source\" is neither sqlite nor postgresql");
        };
        Map<String, Long> tables = new LinkedHashMap<>();
        JsonNode t = object(o, "tables");
        for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!CatalogTables.NAMES.contains(name)) throw malformed("unknown table \"" + printable(name) + "\"");
            tables.put(name, count(t, name));
        }
        if (!tables.keySet().equals(new HashSet<>(CatalogTables.NAMES))) {
            throw malformed("\"tables\" does not count every catalog table");
        }
        JsonNode a = object(o, "audit");
        Audit audit = new Audit(text(a, "checkpoint"), text(a, "vkey"), count(a, "size"));
        List<VersionEntry> versions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode v : array(o, "versions")) {
            long number = count(v, "version");
            if (number > Integer.MAX_VALUE) throw malformed("a version number is out of range");
            VersionEntry e = new VersionEntry(text(v, "dataset"), (int) number, text(v, "blob"), count(v, "size"),
                    sha256(v));
            if (!BackupLayout.isName(e.dataset()) || !BackupLayout.isBlobId(e.blob())) {
                throw malformed("a version names a dataset or blob that is not a valid name");
            }
            if (!seen.add(e.dataset() + "/" + e.version())) throw malformed(e.label() + " is listed twice");
            versions.add(e);
        }
        List<FileEntry> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (JsonNode f : array(o, "files")) {
            String path = text(f, "path");
            if (!BackupLayout.isAllowed(path, source)) {
                throw malformed("\"" + printable(path) + "\" is not a file a " + source.json() + " backup holds");
            }
            if (!paths.add(path)) throw malformed(path + " is listed twice");
            files.add(new FileEntry(path, count(f, "size"), sha256(f)));
        }
        for (String required : BackupLayout.required(source)) {
            if (!paths.contains(required)) throw malformed("it lists no " + required);
        }
        Set<String> blobs = new HashSet<>();
        for (VersionEntry v : versions) {
            if (!paths.contains(v.blobPath())) throw malformed(v.label() + ": its blob " + v.blobPath() + " is not listed");
            blobs.add(v.blobPath());
        }
        for (String path : paths) {
            if (BackupLayout.isBlob(path) && !blobs.contains(path)) throw malformed(path + " belongs to no version");
        }
        return new BackupManifest(FORMAT_VERSION, created, text(o, "warden_version"), source,
                text(o, "schema_version"), tables, audit, versions, files);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) throw malformed("\"" + field + "\" is missing or not a string");
        return n.asText();
    }

    private static long number(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw malformed("\"" + field + "\" is missing or not an integer");
        }
        return n.asLong();
    }

    private static long count(JsonNode o, String field) {
        long n = number(o, field);
        if (n < 0) throw malformed("\"" + field + "\" is negative");
        return n;
    }

    private static String sha256(JsonNode o) {
        String s = text(o, "sha256");
        if (!s.matches("[0-9a-f]{64}")) throw malformed("a \"sha256\" is not 64 lower-case hex digits");
        return s;
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isObject()) throw malformed("\"" + field + "\" is missing or not an object");
        return n;
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isArray()) throw malformed("\"" + field + "\" is missing or not an array");
        return n;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static WardenException malformed(String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "malformed backup manifest: " + why);
    }
}
