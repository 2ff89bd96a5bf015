package io.warden.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.warden.core.AtomicFile;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The keyring file (format version 2): one JSON object, every keyset in Tink's JSON keyset format, in an envelope.
 *
 * <pre>
 * {"format": "warden-keyring", "version": 2, "id": "3f9a0c1d2e4b5a69",
 *  "master": {"provider": "passphrase-argon2id", ...its non-secret parameters...},
 *  "kek":   KEK keyset (AES-256-GCM), encrypted by the master key — in cleartext for insecure-plaintext,
 *  "prf":   PRF keyset, encrypted by the KEK,
 *  "daead": deterministic-AEAD keyset, encrypted by the KEK,
 *  "datasets": {"customers": {"created": ..., "min_decryption_version": 1,
 *                             "versions": [{"version": 1, "key_id": 123, "created": ...}],
 *                             "keyset": streaming-AEAD keyset, encrypted by the KEK}}}
 * </pre>
 *
 * <p>Each encrypted keyset carries associated data {@code warden-keyring/v2/<role>/<keyring id>} (for dataset keys
 * {@code .../dataset/<id>/<dataset>/min/<n>}), so keysets cannot be swapped between roles, keyrings or datasets, nor
 * a minimum decryption version lowered by editing the file. A destroyed dataset key keeps its entry without
 * {@code keyset} and with {@code destroyed}.
 *
 * <p>Error messages name the file and the problem, never a fragment of the content: parser messages are dropped
 * because they quote input, and the input is key material.
 */
final class KeyringFile {
    static final String FORMAT = "warden-keyring";
    static final int VERSION = 2;
    static final long MAX_BYTES = 16 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** One keyring update at a time in this JVM; the file lock covers other processes. */
    private static final Object LOCK = new Object();

    /** A keyring and the master key its file is protected with. */
    record Stored(Keyring keyring, MasterKey master) {}

    static {
        Keyring.ensureTinkRegistered();
    }

    private KeyringFile() {}

    static Stored read(Path file, Map<String, MasterKeyOpener> openers) {
        JsonNode root = parse(file);
        String id = text(root, "id");
        if (id == null || !id.matches("[0-9a-f]{16}")) throw malformed(file, "\"id\" is not 16 hex digits");
        JsonNode masterNode = root.get("master");
        if (masterNode == null || !masterNode.isObject()) throw malformed(file, "\"master\" is missing");
        String provider = text(masterNode, "provider");
        if (provider == null) throw malformed(file, "\"master.provider\" is missing");
        MasterKey master;
        KeysetHandle kek;
        if (MasterKeys.INSECURE_PLAINTEXT.equals(provider)) {
            master = MasterKeys.insecurePlaintext();
            kek = cleartextKeyset(file, root, "kek");
        } else {
            MasterKeyOpener opener = openers.get(provider);
            if (opener == null) {
                String shown = provider.matches("[a-z0-9-]{1,40}") ? "\"" + provider + "\"" : "(unknown)";
                throw badKey(file, "its master key provider " + shown + " is not available here (known: "
                        + String.join(", ", known(openers)) + ")");
            }
            try {
                master = opener.open(parameters(file, masterNode));
            } catch (WardenException e) {
                throw new WardenException(e.code(), "keyring " + file + ": " + e.getMessage());
            }
            kek = encryptedKeyset(file, root.get("kek"), "kek", master.aead(), ad("kek", id),
                    "wrong " + secretName(provider) + ", or the keyring was altered");
        }
        Aead kekAead = Keyring.kekAead(kek, "keyring " + file);
        KeysetHandle prf = encryptedKeyset(file, root.get("prf"), "prf", kekAead, ad("prf", id),
                "keyset \"prf\" was altered");
        KeysetHandle daead = encryptedKeyset(file, root.get("daead"), "daead", kekAead, ad("daead", id),
                "keyset \"daead\" was altered");
        Keyring.checkPrfKeyset(prf, "keyring " + file);
        Keyring.checkDaeadKeyset(daead, "keyring " + file);
        Map<String, DatasetKey> datasets = datasets(file, root.get("datasets"), kekAead, id);
        try {
            return new Stored(new Keyring(id, kek, prf, daead, datasets), master);
        } catch (WardenException e) {
            throw new WardenException(e.code(), "keyring " + file + ": " + e.getMessage());
        }
    }

    /** The master key provider named in {@code file}, or null when it is not a readable keyring. */
    static String provider(Path file) {
        try {
            JsonNode root = JSON.readTree(readBytes(file));
            JsonNode master = root == null ? null : root.get("master");
            return master == null ? null : text(master, "provider");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes {@code keyring} to {@code file} under {@code master}: atomically, mode 600. */
    static void write(Keyring keyring, Path file, MasterKey master) {
        write(keyring, file, master, () -> { });
    }

    /** Writes like {@link #write(Keyring, Path, MasterKey)}, running {@code beforeCommit} just before the rename. */
    static void write(Keyring keyring, Path file, MasterKey master, Runnable beforeCommit) {
        String id = keyring.id();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("id", id);
        ObjectNode masterNode = root.putObject("master");
        masterNode.put("provider", master.provider());
        master.parameters().forEach((k, v) -> masterNode.set(k, JSON.valueToTree(v)));
        if (MasterKeys.INSECURE_PLAINTEXT.equals(master.provider())) {
            root.set("kek", cleartext(keyring.kekKeyset()));
        } else {
            root.set("kek", encrypted(keyring.kekKeyset(), master.aead(), ad("kek", id)));
        }
        root.set("prf", encrypted(keyring.prfKeyset(), keyring.kek(), ad("prf", id)));
        root.set("daead", encrypted(keyring.deterministicAeadKeyset(), keyring.kek(), ad("daead", id)));
        ObjectNode datasets = root.putObject("datasets");
        for (DatasetKey key : keyring.datasets().values()) {
            ObjectNode d = datasets.putObject(key.dataset());
            d.put("created", key.created().toString());
            d.put("min_decryption_version", key.minDecryptionVersion());
            var versions = d.putArray("versions");
            for (DatasetKey.Version v : key.versions()) {
                versions.addObject().put("version", v.number()).put("key_id", Integer.toUnsignedLong(v.keyId()))
                        .put("created", v.created().toString());
            }
            if (key.destroyed()) {
                d.put("destroyed", key.destroyedAt().toString());
            } else {
                d.set("keyset", encrypted(key.keyset(), keyring.kek(),
                        datasetAd(id, key.dataset(), key.minDecryptionVersion())));
            }
        }
        byte[] bytes;
        try {
            bytes = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot serialize (" + Keyring.kind(e) + ")");
        }
        try (AtomicFile.Pending out = AtomicFile.openOwnerOnly(file)) {
            out.out().write(bytes);
            beforeCommit.run();
            out.commit();
        } catch (IOException e) {
            throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot write keyring " + file + " (" + Keyring.kind(e)
                    + ")");
        }
    }

    /**
     * Creates {@code file} with a new keyring under {@code master}, refusing to overwrite anything; returns it.
     *
     * @throws WardenException BAD_USAGE when the file exists
     */
    static Keyring create(Path file, MasterKey master, java.util.function.Consumer<Keyring> beforeCommit) {
        return locked(file, () -> {
            if (Files.exists(file)) {
                throw new WardenException(ErrorCode.BAD_USAGE, file + " exists; a keyring is never overwritten");
            }
            Keyring keyring = Keyring.generate();
            write(keyring, file, master, () -> beforeCommit.accept(keyring));
            return keyring;
        });
    }

    /**
     * Reads {@code file}, applies {@code change} and writes the result back under the same master key, holding a
     * lock (in this JVM and, through {@code FILE.lock}, across processes) so that concurrent updates cannot lose keys.
     */
    static Stored update(Path file, Map<String, MasterKeyOpener> openers, UnaryOperator<Keyring> change,
            java.util.function.Consumer<Keyring> beforeCommit) {
        return locked(file, () -> {
            Stored stored = read(file, openers);
            Keyring next = change.apply(stored.keyring());
            write(next, file, stored.master(), () -> beforeCommit.accept(next));
            return new Stored(next, stored.master());
        });
    }

    private interface Locked<T> {
        T run();
    }

    private static <T> T locked(Path file, Locked<T> body) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (LOCK) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                return body.run();
            } catch (NoSuchFileException e) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot lock keyring " + file
                        + ": directory does not exist");
            } catch (AccessDeniedException e) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot lock keyring " + file + ": permission denied");
            } catch (IOException e) {
                throw new WardenException(ErrorCode.OUTPUT_FAILED, "cannot lock keyring " + file + " ("
                        + Keyring.kind(e) + ")");
            }
        }
    }

    private static Map<String, DatasetKey> datasets(Path file, JsonNode node, Aead kek, String id) {
        Map<String, DatasetKey> out = new TreeMap<>();
        if (node == null) return out;
        if (!node.isObject()) throw malformed(file, "\"datasets\" is not an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!DatasetKey.ID.matcher(name).matches()) throw malformed(file, "a dataset id is not valid");
            JsonNode d = e.getValue();
            String where = "dataset " + name + ": ";
            if (!d.isObject()) throw malformed(file, where + "not an object");
            JsonNode min = d.get("min_decryption_version");
            if (min == null || !min.canConvertToInt()) throw malformed(file, where + "min_decryption_version is missing");
            JsonNode vs = d.get("versions");
            if (vs == null || !vs.isArray() || vs.isEmpty()) throw malformed(file, where + "versions are missing");
            List<DatasetKey.Version> versions = new ArrayList<>();
            for (JsonNode v : vs) {
                if (!v.path("version").canConvertToInt() || !v.path("key_id").canConvertToLong()) {
                    throw malformed(file, where + "a version lacks its number or key id");
                }
                long keyId = v.get("key_id").asLong();
                if (keyId < 0 || keyId > 0xFFFF_FFFFL) throw malformed(file, where + "a key id is out of range");
                versions.add(new DatasetKey.Version(v.get("version").asInt(), (int) keyId,
                        instantField(file, v, "created", where)));
            }
            Instant destroyed = d.has("destroyed") ? instantField(file, d, "destroyed", where) : null;
            KeysetHandle keyset = destroyed != null ? null
                    : encryptedKeyset(file, d.get("keyset"), "dataset " + name, kek, datasetAd(id, name, min.asInt()),
                            where + "its key was altered");
            try {
                out.put(name, new DatasetKey(name, instantField(file, d, "created", where), versions, min.asInt(),
                        keyset, destroyed));
            } catch (IllegalArgumentException ex) {
                throw malformed(file, where + "inconsistent versions");
            }
        }
        return out;
    }

    private static Instant instantField(Path file, JsonNode node, String field, String where) {
        try {
            return Instant.parse(String.valueOf(text(node, field)));
        } catch (DateTimeParseException e) {
            throw malformed(file, where + field + " is not a time");
        }
    }

    private static byte[] ad(String role, String id) {
        return ("warden-keyring/v2/" + role + "/" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] datasetAd(String id, String dataset, int min) {
        return ad("dataset", id + "/" + dataset + "/min/" + min);
    }

    private static String secretName(String provider) {
        return switch (provider) {
            case "passphrase-argon2id" -> "passphrase";
            case "pkcs11" -> "token key";
            default -> "master key";
        };
    }

    private static List<String> known(Map<String, MasterKeyOpener> openers) {
        List<String> names = new ArrayList<>(openers.keySet());
        names.add(MasterKeys.INSECURE_PLAINTEXT);
        names.sort(null);
        return names;
    }

    private static Map<String, Object> parameters(Path file, JsonNode master) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = master.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("provider")) continue;
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), v.asText());
            else if (v.isInt()) out.put(e.getKey(), v.asInt());
            else if (v.isIntegralNumber() && v.canConvertToLong()) out.put(e.getKey(), v.asLong());
            else throw malformed(file, "master." + e.getKey() + " is neither text nor a whole number");
        }
        return out;
    }

    private static JsonNode parse(Path file) {
        byte[] bytes = readBytes(file);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            throw malformed(file, "truncated JSON");
        } catch (IOException e) {
            throw malformed(file, "not valid JSON");
        }
        if (root == null || !root.isObject()) throw malformed(file, "not a JSON object");
        if (!FORMAT.equals(text(root, "format"))) throw malformed(file, "\"format\" is not \"" + FORMAT + "\"");
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw malformed(file, "\"version\" is missing or not a whole number");
        }
        if (version.asLong() != VERSION) {
            throw badKey(file, "keyring version " + version.asText() + " is not supported (this build reads "
                    + VERSION + ")");
        }
        return root;
    }

    private static JsonNode encrypted(KeysetHandle keyset, Aead aead, byte[] ad) {
        try {
            return JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, aead, ad));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot encrypt a keyset (" + Keyring.kind(e) + ")");
        }
    }

    private static JsonNode cleartext(KeysetHandle keyset) {
        try {
            return JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot serialize a keyset (" + Keyring.kind(e) + ")");
        }
    }

    private static KeysetHandle encryptedKeyset(Path file, JsonNode node, String name, Aead aead, byte[] ad,
            String failure) {
        if (node == null || !node.isObject()) throw malformed(file, "keyset \"" + name + "\" is missing");
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(JSON.writeValueAsString(node), aead, ad);
        } catch (GeneralSecurityException | JsonProcessingException | RuntimeException e) {
            throw badKey(file, failure);
        }
    }

    private static KeysetHandle cleartextKeyset(Path file, JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) throw malformed(file, "keyset \"" + name + "\" is missing");
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(JSON.writeValueAsString(node), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | JsonProcessingException | RuntimeException e) {
            throw badKey(file, "keyset \"" + name + "\" is not a valid Tink keyset");
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                if (!Files.exists(file)) throw badKey(file, "no such file");
                throw badKey(file, "not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) throw malformed(file, "larger than " + (MAX_BYTES >> 20) + " MiB");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw badKey(file, "no such file");
        } catch (AccessDeniedException e) {
            throw badKey(file, "permission denied");
        } catch (IOException e) {
            throw badKey(file, "cannot read (" + Keyring.kind(e) + ")");
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static WardenException malformed(Path file, String why) {
        return new WardenException(ErrorCode.MALFORMED_INPUT, "keyring " + file + ": not a Warden keyring (" + why + ")");
    }

    private static WardenException badKey(Path file, String why) {
        return new WardenException(ErrorCode.BAD_KEY, "keyring " + file + ": " + why);
    }
}
