package io.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.warden.core.finding.Finding;
import io.warden.core.io.ReadOptions.TextMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The normative OASIS schema (draft-04) and its draft-07 rendering, both loaded from test resources only. */
    private static final List<JsonSchema> SCHEMAS = List.of(
            schema(SpecVersion.VersionFlag.V4, "sarif/sarif-schema-2.1.0.json",
                    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
            schema(SpecVersion.VersionFlag.V7, "sarif/sarif-schema-2.1.0-draft-07.json",
                    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"));

    private static JsonSchema schema(SpecVersion.VersionFlag version, String resource, String id) {
        // Every URI the schema could be known by maps to the local copy; any other http(s) fetch fails the test.
        Map<String, String> local = Map.of(
                SarifReport.SCHEMA_URI, "classpath:" + resource,
                id, "classpath:" + resource);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version, b -> b
                .schemaMappers(m -> m.mappings(local))
                .schemaLoaders(l -> l.add(iri -> {
                    String s = iri.toString();
                    if (s.startsWith("http:") || s.startsWith("https:")) {
                        throw new AssertionError("schema validation tried to fetch " + s);
                    }
                    return null;
                })));
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(SarifReport.SCHEMA_URI), config);
    }

    static Stream<Arguments> reports() {
        ScanReport table = Reports.table();
        return Stream.of(
                Arguments.of("empty", Reports.empty(), SarifReport.Options.defaults()),
                Arguments.of("text", Reports.text(), SarifReport.Options.defaults()),
                Arguments.of("text read whole", Reports.text(), SarifReport.Options.defaults()
                        .withTextMode(TextMode.FILE).withInformationUri(URI.create("https://example.org/warden"))),
                Arguments.of("table", table, SarifReport.Options.defaults()),
                Arguments.of("with values", Reports.withValues(), SarifReport.Options.defaults()),
                Arguments.of("truncated", Reports.copyWithSample(table, table.sample().subList(0, 3), true),
                        SarifReport.Options.defaults()),
                Arguments.of("hostile names", Reports.hostile(), SarifReport.Options.defaults()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void sarif_isValidAgainstTheOfficialSchemas(String name, ScanReport report, SarifReport.Options options)
            throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(report, options));
        for (JsonSchema schema : SCHEMAS) {
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertThat(errors).as("schema errors for %s", name).isEmpty();
        }
    }

    @Test
    void schemaValidation_rejectsInvalidSarif_soTheCheckIsNotVacuous() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifReport.render(Reports.table()));
        ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        ((ObjectNode) sarif.at("/runs/0/results/1/locations/0/physicalLocation")).putObject("region")
                .put("startColumn", 3); // a region needs startLine, charOffset or byteOffset
        for (JsonSchema schema : SCHEMAS) {
            assertThat(schema.validate(sarif)).isNotEmpty();
        }
    }

    @Test
    void render_sameReport_sameBytes() {
        assertThat(SarifReport.render(Reports.table())).isEqualTo(SarifReport.render(Reports.table()));
        assertThat(SarifReport.render(Reports.text())).isEqualTo(SarifReport.render(Reports.text()));
    }

    @Test
    void header_namesSchemaVersionAndTool() throws Exception {
        JsonNode s = JSON.readTree(SarifReport.render(Reports.table(), SarifReport.Options.defaults()
                .withInformationUri(URI.create("https://example.org/warden"))));
        assertThat(s.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(s.get("version").asText()).isEqualTo("2.1.0");
        assertThat(s.get("runs")).hasSize(1);
        JsonNode driver = s.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("warden");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://example.org/warden");
    }

    @Test
    void rules_onePerEntity_levelFromGate() throws Exception {
        JsonNode rules = JSON.readTree(SarifReport.render(Reports.table())).at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(Reports.table().entityCounts().keySet());
        assertThat(level(rules, "US_SSN")).isEqualTo("error");
        assertThat(level(rules, "SECRET_GITHUB_TOKEN")).isEqualTo("error");
        assertThat(level(rules, "EMAIL_ADDRESS")).isEqualTo("warning");
        assertThat(level(rules, "ZIP_CODE")).isEqualTo("note");
        JsonNode email = rule(rules, "EMAIL_ADDRESS");
        assertThat(email.at("/shortDescription/text").asText()).isEqualTo("Email address found in data");
        assertThat(email.at("/properties/findings").asLong()).isEqualTo(32_773);
    }

    @Test
    void results_errorOnlyWhereTheGateFailed() throws Exception {
        ScanReport table = Reports.table();
        var ssnElsewhere = new Finding(9, "email", 0, 11, "US_SSN", 0.9, "us_ssn", null);
        List<Finding> sample = new ArrayList<>(table.sample());
        sample.add(ssnElsewhere);
        JsonNode run = JSON.readTree(SarifReport.render(Reports.copyWithSample(table, sample, true))).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        for (JsonNode r : run.get("results")) {
            String entity = r.get("ruleId").asText();
            String field = r.at("/properties/field").asText();
            String expected = switch (entity) {
                case "SECRET_GITHUB_TOKEN" -> "error"; // violated in any field
                case "US_SSN" -> field.equals("notes") ? "error" : "warning";
                case "ZIP_CODE", "DATE_TIME" -> "note";
                default -> "warning";
            };
            assertThat(r.get("level").asText()).as("%s in %s", entity, field).isEqualTo(expected);
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(entity);
        }
    }

    @Test
    void textLines_haveLineAndCodePointColumns() throws Exception {
        JsonNode run = JSON.readTree(SarifReport.render(Reports.text())).at("/runs/0");
        assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
        JsonNode first = run.at("/results/0");
        JsonNode location = first.at("/locations/0");
        assertThat(location.at("/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("corpus/chat%20logs/day%201.txt");
        JsonNode region = location.at("/physicalLocation/region");
        assertThat(region.get("startLine").asLong()).isEqualTo(1); // record 0
        assertThat(region.get("startColumn").asLong()).isEqualTo(15); // start 14
        assertThat(region.get("endColumn").asLong()).isEqualTo(43); // end 42, exclusive
        assertThat(run.at("/results/1/locations/0/physicalLocation/region/startLine").asLong()).isEqualTo(4);
    }

    @Test
    void textReadWhole_hasCharacterOffsets() throws Exception {
        JsonNode region = JSON.readTree(SarifReport.render(Reports.text(),
                        SarifReport.Options.defaults().withTextMode(TextMode.FILE)))
                .at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertThat(region.get("charOffset").asLong()).isEqualTo(14);
        assertThat(region.get("charLength").asLong()).isEqualTo(28);
        assertThat(region.has("startLine")).isFalse();
    }

    @Test
    void tables_haveLogicalLocationAndProperties_noRegion() throws Exception {
        JsonNode result = JSON.readTree(SarifReport.render(Reports.table())).at("/runs/0/results/0");
        JsonNode location = result.at("/locations/0");
        assertThat(location.at("/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///srv/data/customers.csv");
        assertThat(location.at("/physicalLocation").has("region")).isFalse();
        JsonNode logical = location.at("/logicalLocations/0");
        assertThat(logical.get("name").asText()).isEqualTo("email");
        assertThat(logical.get("fullyQualifiedName").asText()).isEqualTo("record[0].email");
        assertThat(logical.get("kind").asText()).isEqualTo("member");
        JsonNode props = result.get("properties");
        assertThat(props.get("record").asLong()).isZero();
        assertThat(props.get("start").asLong()).isZero();
        assertThat(props.get("end").asLong()).isEqualTo(5);
        assertThat(props.get("score").asDouble()).isEqualTo(0.85);
        assertThat(props.get("detector").asText()).isEqualTo("email");
        assertThat(result.at("/message/text").asText())
                .isEqualTo("EMAIL_ADDRESS found in field 'email' of record 0 (score 0.85, detector email)");
    }

    @Test
    void messages_carryTheValueOnlyWhenTheFindingDoes() {
        assertThat(SarifReport.render(Reports.table())).doesNotContain(Reports.MARKER);
        assertThat(SarifReport.render(Reports.text())).doesNotContain(Reports.MARKER);
        String withValues = SarifReport.render(Reports.withValues());
        assertThat(withValues).contains("(score 0.85, detector email): '" + Reports.MARKER + "'");
    }

    @Test
    void fingerprints_stable_independentOfValue_distinctPerPosition() {
        Finding a = new Finding(12, "notes", 3, 9, "EMAIL_ADDRESS", 0.9, "email", null);
        Finding withValue = new Finding(12, "notes", 3, 9, "EMAIL_ADDRESS", 0.7, "email", Reports.MARKER);
        Finding moved = new Finding(12, "notes", 4, 9, "EMAIL_ADDRESS", 0.9, "email", null);
        Finding otherField = new Finding(12, "note", 3, 9, "EMAIL_ADDRESS", 0.9, "email", null);
        assertThat(SarifReport.fingerprint(a)).isEqualTo(SarifReport.fingerprint(withValue)).hasSize(32);
        assertThat(SarifReport.fingerprint(a)).isNotEqualTo(SarifReport.fingerprint(moved))
                .isNotEqualTo(SarifReport.fingerprint(otherField));
    }

    @Test
    void invocation_reportsGateAsExitCode_andWarningsAsNotifications() throws Exception {
        JsonNode failed = JSON.readTree(SarifReport.render(Reports.table())).at("/runs/0/invocations/0");
        assertThat(failed.get("executionSuccessful").asBoolean()).isTrue();
        assertThat(failed.get("exitCode").asInt()).isEqualTo(1);
        assertThat(failed.get("exitCodeDescription").asText()).isEqualTo("gate failed: 2 violations");
        assertThat(failed.at("/properties/gatePassed").asBoolean()).isFalse();
        assertThat(failed.at("/properties/violations/0/entity").asText()).isEqualTo("US_SSN");
        assertThat(failed.at("/toolExecutionNotifications/1/message/text").asText())
                .isEqualTo("row 9050: unbalanced quote, read to end of line");
        assertThat(failed.get("startTimeUtc").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
        assertThat(failed.get("endTimeUtc").asText()).isEqualTo("2025-03-14T09:26:57.799Z");
        JsonNode passed = JSON.readTree(SarifReport.render(Reports.text())).at("/runs/0/invocations/0");
        assertThat(passed.get("exitCode").asInt()).isZero();
        assertThat(passed.at("/properties/gatePassed").asBoolean()).isTrue();
    }

    @Test
    void runProperties_sayTotalsAndTruncation() throws Exception {
        ScanReport table = Reports.table();
        JsonNode props = JSON.readTree(SarifReport.render(table)).at("/runs/0/properties");
        assertThat(props.get("totalFindings").asLong()).isEqualTo(table.totalFindings());
        assertThat(props.get("resultsReported").asInt()).isEqualTo(table.sample().size());
        assertThat(props.get("sampleTruncated").asBoolean()).isTrue();
        assertThat(props.at("/entityCounts/US_SSN").asLong()).isEqualTo(3);
        assertThat(props.at("/reidentificationRisk/uniqueRecords").asLong()).isEqualTo(2_871);
        assertThat(JSON.readTree(SarifReport.render(Reports.text())).at("/runs/0/properties/sampleTruncated")
                .asBoolean()).isFalse();
    }

    @Test
    void artifactUri_relativeStaysRelative_absoluteBecomesFileUri() {
        assertThat(SarifReport.artifactUri("data/customers.csv")).isEqualTo("data/customers.csv");
        assertThat(SarifReport.artifactUri("./data//a b#1.csv")).isEqualTo("data/a%20b%231.csv");
        assertThat(SarifReport.artifactUri("../x/ä.txt")).isEqualTo("../x/%C3%A4.txt");
        assertThat(SarifReport.artifactUri("c:x.csv")).isEqualTo("./c:x.csv");
        assertThat(SarifReport.artifactUri("/srv/a b/x.csv")).isEqualTo("file:///srv/a%20b/x.csv");
        assertThat(URI.create(SarifReport.artifactUri("dir/<svg onload=alert(1)>.csv")).isAbsolute()).isFalse();
    }

    private static String level(JsonNode rules, String id) {
        return rule(rules, id).at("/defaultConfiguration/level").asText();
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals(id)) return r;
        }
        throw new AssertionError("no rule " + id);
    }
}
