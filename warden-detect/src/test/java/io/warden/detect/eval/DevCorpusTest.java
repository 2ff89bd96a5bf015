package io.warden.detect.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the development corpus files: the generated one is reproducible, and every label in both is in bounds,
 * names the text it covers, does not overlap another, and (for checksum-validated entities) is valid.
 *
 * <p>With {@code -Dwarden.regenerateCorpus=true} it first rewrites {@code dev-corpus.json}.
 */
class DevCorpusTest {
    static final Path DIR = root().resolve("examples").resolve("eval");
    static final Path DEV = DIR.resolve("dev-corpus.json");
    static final Path HARD = DIR.resolve("hard-cases.json");
    private static final Set<String> ENTITIES = Set.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
            "US_SSN", "US_ITIN", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "IP_ADDRESS", "MAC_ADDRESS", "URL",
            "DOMAIN_NAME", "DATE_TIME", "AGE", "ZIP_CODE", "CRYPTO", "PERSON", "LOCATION", "ORGANIZATION", "NRP",
            "TITLE", "SECRET_AWS_ACCESS_KEY", "SECRET_AWS_SECRET_KEY", "SECRET_GITHUB_TOKEN", "SECRET_GITLAB_TOKEN",
            "SECRET_SLACK_TOKEN", "SECRET_STRIPE_KEY", "SECRET_GOOGLE_API_KEY", "SECRET_JWT", "SECRET_PRIVATE_KEY",
            "SECRET_GENERIC");

    static Path root() {
        return Path.of(System.getProperty("warden.root", "."));
    }

    @Test
    void devCorpus_isReproducible() throws IOException {
        byte[] generated = DevCorpusGenerator.generate();
        if (Boolean.getBoolean("warden.regenerateCorpus")) Files.write(DEV, generated);
        assertThat(Files.readAllBytes(DEV))
                .as("dev-corpus.json differs from DevCorpusGenerator's output; regenerate it "
                        + "(-Dwarden.regenerateCorpus=true) and review the diff")
                .isEqualTo(generated);
    }

    @Test
    void devCorpus_hasTheAdvertisedSize() {
        assertThat(CorpusReader.readAll(DEV)).hasSize(DevCorpusGenerator.RECORDS);
    }

    @Test
    void hardCases_haveANoteEach() throws IOException {
        JsonNode records = new ObjectMapper().readTree(HARD.toFile());
        assertThat(records.size()).isGreaterThanOrEqualTo(140);
        for (JsonNode r : records) assertThat(r.path("note").asText()).as("note of %s", r).isNotBlank();
    }

    @Test
    void devCorpus_labelsAreExact() throws IOException {
        assertLabelsExact(DEV);
    }

    @Test
    void hardCases_labelsAreExact() throws IOException {
        assertLabelsExact(HARD);
    }

    @Test
    void bothFiles_areReadableByTheCorpusReader() {
        // the reader checks bounds (code points, start < end) and fails on any violation
        assertThat(CorpusReader.readAll(DEV)).isNotEmpty();
        assertThat(CorpusReader.readAll(HARD)).isNotEmpty();
    }

    /** Bounds, entity_value == the covered text, no overlaps, known names, valid checksums. */
    private static void assertLabelsExact(Path file) throws IOException {
        JsonNode records = new ObjectMapper().readTree(file.toFile());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String text = r.get("full_text").asText();
            int length = text.codePointCount(0, text.length());
            int previousEnd = -1;
            for (int k = 0; k < r.get("spans").size(); k++) {
                JsonNode s = r.get("spans").get(k);
                String where = file.getFileName() + " record " + i + " span " + k + ": ";
                String entity = s.get("entity_type").asText();
                int start = s.get("start_position").asInt();
                int end = s.get("end_position").asInt();
                String value = s.get("entity_value").asText();
                if (!ENTITIES.contains(entity)) problems.add(where + "unknown entity " + entity);
                if (start < 0 || end <= start || end > length) {
                    problems.add(where + "out of bounds " + start + ".." + end + " of " + length);
                    continue;
                }
                if (start < previousEnd) problems.add(where + "overlaps the previous span");
                previousEnd = end;
                int cs = text.offsetByCodePoints(0, start);
                int ce = text.offsetByCodePoints(cs, end - start);
                String covered = text.substring(cs, ce);
                if (!covered.equals(value)) {
                    int at = text.indexOf(value);
                    problems.add(where + "covers '" + covered + "' but entity_value is '" + value + "'"
                            + (at < 0 ? "" : "; the value is at " + text.codePointCount(0, at) + ".."
                                    + (text.codePointCount(0, at) + value.codePointCount(0, value.length()))));
                }
                if (!covered.equals(covered.strip())) problems.add(where + "has surrounding white space");
                String invalid = LabelChecks.invalid(entity, covered);
                if (invalid != null) problems.add(where + invalid);
            }
        }
        assertThat(problems).isEmpty();
    }
}
