package io.warden.crypto.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The RFC 6962 / 9162 Merkle test vectors in {@code shared/testvectors/merkle} beside the project (not copied). */
final class Vectors {
    static final Path DIR = Path.of(System.getProperty("warden.root", "."), "..", "shared", "testvectors", "merkle")
            .normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    /** Every JSON vector under {@code sub} (e.g. "inclusion"), sorted by path. */
    static List<Path> files(String sub) {
        try (Stream<Path> s = Files.walk(DIR.resolve(sub))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The constants file's hex list {@code name}, decoded. */
    static List<byte[]> constants(String name) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode n : read(DIR.resolve("constants.json")).get("hex").get(name)) {
            out.add(HexFormat.of().parseHex(n.asText()));
        }
        return out;
    }

    static byte[] b64(JsonNode n) {
        return Base64.getDecoder().decode(n.asText());
    }

    /** A proof field: null reads as empty. */
    static List<byte[]> proof(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        if (n != null && !n.isNull()) for (JsonNode h : n) out.add(b64(h));
        return out;
    }

    static String name(Path file) {
        return DIR.relativize(file).toString();
    }
}
