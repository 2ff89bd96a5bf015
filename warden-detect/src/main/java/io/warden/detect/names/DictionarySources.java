package io.warden.detect.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the word lists behind the name recognizers: Datafaker's YAML dictionaries (read in place from its jar)
 * and the small lists shipped in this package. Used once, while the {@link Lexicon} is built.
 */
final class DictionarySources {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Map<String, JsonNode> parsed = new HashMap<>();

    /**
     * The strings at {@code path} in Datafaker's resource {@code resource} (e.g. {@code "en/name.yml"},
     * {@code "en", "faker", "name", "last_name"}); templates such as {@code "#{first_name}"} are skipped, and a
     * missing resource or path gives an empty list (Datafaker's layout differs between locales).
     */
    List<String> datafaker(String resource, String... path) {
        JsonNode node = parsed.computeIfAbsent(resource, this::parse);
        for (String p : path) node = node.path(p);
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode v : node) {
                if (v.isTextual() && !v.asText().contains("#{")) out.add(v.asText());
            }
        }
        return out;
    }

    private JsonNode parse(String resource) {
        try (InputStream in = net.datafaker.Faker.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return yaml.missingNode();
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Datafaker dictionary " + resource, e);
        }
    }

    /** Lines of a list shipped next to this class, without blank lines and {@code #} comments. */
    static List<String> shipped(String name) {
        try (InputStream in = DictionarySources.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
