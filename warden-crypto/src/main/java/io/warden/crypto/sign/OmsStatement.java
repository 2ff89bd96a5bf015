package io.warden.crypto.sign;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.FileDigest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The in-toto statement an OMS v1.0 signature signs: the model's name, how it was serialized, and one
 * {@link Resource} per file.
 *
 * <p>Its JSON is the reference {@code model_signing} layout: statement type {@code https://in-toto.io/Statement/v1};
 * one subject named after the model whose {@code sha256} is the SHA-256 of the resources' raw digests concatenated
 * in the listed order (Warden lists them sorted by path, as the reference does); predicate type
 * {@code https://model_signing/signature/v1.0}; predicate {@code {"serialization": {...}, "resources": [...]}}.
 * Verifiers ignore other predicate fields.
 */
public record OmsStatement(String modelName, Serialization serialization, List<Resource> resources) {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://model_signing/signature/v1.0";
    /** The experimental format of model_signing before 1.0, which Warden does not verify. */
    public static final String LEGACY_PREDICATE_TYPE = "https://model_signing/Digests/v0.1";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String WHERE = "the signed statement";

    public OmsStatement {
        requireNonNull(modelName, "modelName");
        requireNonNull(serialization, "serialization");
        resources = List.copyOf(resources);
    }

    /** The subject digest: SHA-256 over the resources' digests (raw bytes) in list order, lowercase hex. */
    public String subjectDigest() {
        MessageDigest md = FileDigest.sha256();
        for (Resource r : resources) md.update(HexFormat.of().parseHex(r.digest()));
        return HexFormat.of().formatHex(md.digest());
    }

    /** The statement as indented JSON (the DSSE payload). */
    public byte[] toJson() {
        var json = OmsJson.mapper();
        ObjectNode root = json.createObjectNode();
        root.put("_type", STATEMENT_TYPE);
        ObjectNode subject = root.putArray("subject").addObject();
        subject.put("name", modelName);
        subject.putObject("digest").put("sha256", subjectDigest());
        root.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = root.putObject("predicate");
        ObjectNode ser = predicate.putObject("serialization");
        ser.put("method", serialization.method());
        ser.put("hash_type", serialization.hashType());
        ser.put("allow_symlinks", serialization.allowSymlinks());
        if (!serialization.ignorePaths().isEmpty()) {
            ArrayNode ignore = ser.putArray("ignore_paths");
            serialization.ignorePaths().forEach(ignore::add);
        }
        ArrayNode res = predicate.putArray("resources");
        for (Resource r : resources) {
            res.addObject().put("name", r.name()).put("algorithm", r.algorithm()).put("digest", r.digest());
        }
        return OmsJson.indented(root);
    }

    /**
     * Reads a statement from DSSE payload bytes, checking what a v1.0 verifier must: the types, one subject, the
     * {@code files} method with SHA-256, well-formed unique resources, and a subject digest that matches them.
     *
     * @throws WardenException MALFORMED_INPUT naming what is wrong (values from the payload are escaped)
     */
    public static OmsStatement parse(byte[] payload) {
        JsonNode root = OmsJson.parseObject(payload, WHERE);
        String type = OmsJson.text(root, "_type", WHERE);
        if (!STATEMENT_TYPE.equals(type)) throw malformed("not an in-toto v1 statement (_type " + DisplayNames.of(type) + ")");
        String predicateType = OmsJson.text(root, "predicateType", WHERE);
        if (LEGACY_PREDICATE_TYPE.equals(predicateType)) {
            throw malformed("it is in model_signing's pre-1.0 format (" + LEGACY_PREDICATE_TYPE
                    + "); Warden verifies OMS v1.0 signatures only");
        }
        if (!PREDICATE_TYPE.equals(predicateType)) {
            throw malformed("unknown predicate type " + DisplayNames.of(predicateType) + " (expected " + PREDICATE_TYPE + ")");
        }
        JsonNode subjects = OmsJson.array(root, "subject", WHERE);
        if (subjects.size() != 1 || !subjects.get(0).isObject()) throw malformed("expected exactly one subject");
        String name = OmsJson.text(subjects.get(0), "name", WHERE + " subject");
        String subjectDigest = OmsJson.text(OmsJson.object(subjects.get(0), "digest", WHERE + " subject"), "sha256",
                WHERE + " subject digest");
        if (!HEX64.matcher(subjectDigest).matches()) throw malformed("subject digest is not a SHA-256 hex string");

        JsonNode predicate = OmsJson.object(root, "predicate", WHERE);
        Serialization serialization = serialization(OmsJson.object(predicate, "serialization", WHERE + " predicate"));
        List<Resource> resources = resources(OmsJson.array(predicate, "resources", WHERE + " predicate"));
        OmsStatement s = new OmsStatement(name, serialization, resources);
        if (!s.subjectDigest().equals(subjectDigest.toLowerCase(Locale.ROOT))) {
            throw malformed("it is inconsistent: the subject digest does not match the listed resources");
        }
        return s;
    }

    private static Serialization serialization(JsonNode node) {
        String where = WHERE + " serialization";
        String method = OmsJson.text(node, "method", where);
        if ("shards".equals(method)) {
            throw malformed("it uses shard serialization, which Warden does not verify yet (only \"files\")");
        }
        if (!Serialization.FILES.equals(method)) throw malformed("unknown serialization method " + DisplayNames.of(method));
        String hash = OmsJson.text(node, "hash_type", where);
        if (!Resource.SHA256.equals(hash)) {
            throw malformed("hash_type " + DisplayNames.of(hash) + " is not supported (Warden verifies sha256)");
        }
        boolean symlinks = OmsJson.bool(node, "allow_symlinks", where);
        List<String> ignore = new ArrayList<>();
        JsonNode paths = node.get("ignore_paths");
        if (paths != null) {
            if (!paths.isArray()) throw malformed("ignore_paths must be an array of strings");
            for (JsonNode p : paths) {
                if (!p.isTextual()) throw malformed("ignore_paths must be an array of strings");
                ignore.add(p.textValue());
            }
        }
        return new Serialization(method, hash, symlinks, ignore);
    }

    private static List<Resource> resources(JsonNode array) {
        List<Resource> out = new ArrayList<>(array.size());
        Set<String> names = new HashSet<>();
        for (JsonNode r : array) {
            if (!r.isObject()) throw malformed("each resource must be an object");
            String where = WHERE + " resource";
            String name = OmsJson.text(r, "name", where);
            String alg = OmsJson.text(r, "algorithm", where);
            String digest = OmsJson.text(r, "digest", where);
            if (name.isEmpty()) throw malformed("a resource has an empty name");
            if (!Resource.SHA256.equals(alg)) {
                throw malformed("resource " + DisplayNames.of(name) + " uses algorithm " + DisplayNames.of(alg)
                        + " (Warden verifies sha256)");
            }
            if (!HEX64.matcher(digest).matches()) throw malformed("resource " + DisplayNames.of(name) + " has a malformed digest");
            if (!names.add(name)) throw malformed("resource " + DisplayNames.of(name) + " is listed twice");
            out.add(new Resource(name, alg, digest.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static WardenException malformed(String what) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, WHERE + " is not usable: " + what);
    }
}
