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
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Supplier;
import java.security.GeneralSecurityException;

/**
 * The keyring file: one JSON object holding both keysets in Tink's JSON keyset format.
 *
 * <pre>{"format":"warden-keyring","version":1,"protection":"insecure-plaintext","prf":{...},"daead":{...}}</pre>
 *
 * <p>{@code protection} says how the keysets are stored: {@code insecure-plaintext} (cleartext keysets) or
 * {@code passphrase-argon2id} (Tink encrypted keysets under an AES-256-GCM key derived from a passphrase with
 * Argon2id; the parameters and salt are in {@code kdf}; each keyset's role is its associated data). An HSM provider
 * will add another protection in the same envelope.
 * Error messages name the file and the problem, never a fragment of the content: parser messages are dropped
 * because they quote input, and the input is key material.
 */
final class KeyringFile {
    static final String FORMAT = "warden-keyring";
    static final int VERSION = 1;
    static final String INSECURE_PLAINTEXT = "insecure-plaintext";
    static final String PASSPHRASE = "passphrase-argon2id";
    static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private KeyringFile() {}

    static Keyring read(Path file, Supplier<Passphrase> passphrase) {
        byte[] bytes = readBytes(file);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            throw malformed(file, "truncated JSON");
        } catch (JsonProcessingException e) {
            throw malformed(file, "not valid JSON");
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
        String protection = text(root, "protection");
        if (protection == null) throw malformed(file, "\"protection\" is missing");
        KeysetHandle prf;
        KeysetHandle daead;
        if (INSECURE_PLAINTEXT.equals(protection)) {
            prf = keyset(file, root, "prf");
            daead = keyset(file, root, "daead");
        } else if (PASSPHRASE.equals(protection)) {
            PassphraseKek kek = kek(file, root.get("kdf"));
            Passphrase pass = passphrase == null ? null : passphrase.get();
            if (pass == null) throw badKey(file, "it is protected by a passphrase, and none was given");
            Aead aead;
            try {
                aead = kek.aead(pass);
            } catch (GeneralSecurityException e) {
                throw badKey(file, "cannot derive its key (" + Keyring.kind(e) + ")");
            }
            prf = encryptedKeyset(file, root, "prf", aead);
            daead = encryptedKeyset(file, root, "daead", aead);
        } else {
            String shown = protection.matches("[a-z0-9-]{1,40}") ? "\"" + protection + "\"" : "(unknown)";
            throw badKey(file, "protection " + shown + " is not supported (this build reads "
                    + INSECURE_PLAINTEXT + " and " + PASSPHRASE + " keyrings)");
        }
        Keyring.checkPrfKeyset(prf, "keyring " + file);
        Keyring.checkDaeadKeyset(daead, "keyring " + file);
        return Keyring.of(prf, daead);
    }

    static boolean isInsecurePlaintext(Path file) {
        try {
            JsonNode root = JSON.readTree(readBytes(file));
            return root != null && INSECURE_PLAINTEXT.equals(text(root, "protection"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes {@code keyring} with its keysets encrypted under a key derived from {@code passphrase}. */
    static void write(Keyring keyring, Path file, Passphrase passphrase) {
        PassphraseKek kek = PassphraseKek.fresh();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("protection", PASSPHRASE);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("argon2_version", 19);
        kdf.put("memory_kib", kek.memoryKib());
        kdf.put("iterations", kek.iterations());
        kdf.put("parallelism", kek.parallelism());
        kdf.put("salt", Base64.getEncoder().encodeToString(kek.salt()));
        try {
            Aead aead = kek.aead(passphrase);
            root.set("prf", JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyring.prfKeyset(), aead,
                    associatedData("prf"))));
            root.set("daead", JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                    keyring.deterministicAeadKeyset(), aead, associatedData("daead"))));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot encrypt a keyset (" + Keyring.kind(e) + ")");
        }
        writeJson(root, file);
    }

    /** Binds each encrypted keyset to its role, so the two cannot be swapped in the file. */
    private static byte[] associatedData(String name) {
        return ("warden-keyring/v1/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static PassphraseKek kek(Path file, JsonNode kdf) {
        if (kdf == null || !kdf.isObject() || !"argon2id".equals(text(kdf, "algorithm"))) {
            throw malformed(file, "\"kdf\" is missing or not argon2id");
        }
        for (String f : new String[] {"argon2_version", "memory_kib", "iterations", "parallelism"}) {
            if (kdf.get(f) == null || !kdf.get(f).canConvertToInt()) throw malformed(file, "kdf." + f + " is not a whole number");
        }
        if (kdf.get("argon2_version").asInt() != 19) throw badKey(file, "Argon2 version is not 0x13");
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(String.valueOf(text(kdf, "salt")));
        } catch (IllegalArgumentException e) {
            throw malformed(file, "kdf.salt is not base64");
        }
        PassphraseKek kek = new PassphraseKek(kdf.get("memory_kib").asInt(), kdf.get("iterations").asInt(),
                kdf.get("parallelism").asInt(), salt);
        String problem = kek.check();
        if (problem != null) throw badKey(file, problem);
        return kek;
    }

    private static KeysetHandle encryptedKeyset(Path file, JsonNode root, String name, Aead aead) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) throw malformed(file, "keyset \"" + name + "\" is missing");
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(JSON.writeValueAsString(node), aead,
                    associatedData(name));
        } catch (GeneralSecurityException | JsonProcessingException | RuntimeException e) {
            throw badKey(file, "wrong passphrase, or the keyring was altered");
        }
    }

    static void write(Keyring keyring, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("protection", INSECURE_PLAINTEXT);
        root.set("prf", serialize(keyring.prfKeyset()));
        root.set("daead", serialize(keyring.deterministicAeadKeyset()));
        writeJson(root, file);
    }

    private static void writeJson(ObjectNode root, Path file) {
        byte[] bytes;
        try {
            bytes = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot serialize (" + Keyring.kind(e) + ")");
        }
        AtomicFile.writeOwnerOnly(file, bytes);
    }

    private static JsonNode serialize(KeysetHandle keyset) {
        try {
            return JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new WardenException(ErrorCode.INTERNAL, "keyring: cannot serialize a keyset (" + Keyring.kind(e) + ")");
        }
    }

    private static KeysetHandle keyset(Path file, JsonNode root, String name) {
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
