package io.warden.protect.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.io.ReadOptions;
import io.warden.core.io.Readers;
import io.warden.core.policy.Policy;
import io.warden.core.policy.PolicyLoader;
import io.warden.core.record.Record;
import io.warden.core.record.RecordReader;
import io.warden.crypto.Keyring;
import io.warden.detect.Analyzers;
import io.warden.protect.operator.OperatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectJobTest {
    private static final Keyring KEYS = Keyring.generate();

    @TempDir
    Path dir;

    private ProtectJob.Outcome run(String policyYaml, String inputName, String content) throws Exception {
        Path in = dir.resolve(inputName);
        Files.writeString(in, content, UTF_8);
        Policy policy = PolicyLoader.parse(policyYaml.getBytes(UTF_8), "p.yaml");
        ProtectJob job = new ProtectJob(policy, Analyzers.forPolicy(policy), new OperatorFactory(dir, () -> KEYS),
                new TablePass(new Random(7)));
        return job.run(new ProtectJob.Request(in, ReadOptions.defaults(), dir.resolve("out"), dir.resolve("out.json"), 2));
    }

    private List<List<String>> rows(Path p, ReadOptions ro) {
        List<List<String>> out = new ArrayList<>();
        try (RecordReader r = Readers.open(p, ro)) {
            Record rec;
            while ((rec = r.next()) != null) out.add(rec.values());
        }
        return out;
    }

    private static final String CSV = """
            id,name,email,notes
            1,Maria Jones,maria.jones@example.com,"Called Maria on 2024-06-11, wrote to mj@mail.example.org"
            2,John Smith,john.smith@example.com,"multi
            line note, nothing sensitive"
            3,Ann Lee,ann.lee@example.com,key AKIAZ7XQ3MJ4VWKL2NPR in a ticket
            """;

    @Test
    void run_csv_appliesColumnAndEntityRulesAndKeepsTheTableWellFormed() throws Exception {
        ProtectJob.Outcome o = run("""
                scan: {exclude_fields: [id]}
                protect:
                  columns:
                    - fields: [name]
                      operator: replace
                    - fields: [email]
                      operator: mask
                      params: {keep: 4}
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: replace
                    - entities: [DATE_TIME]
                      operator: generalize
                      params: {date: year}
                """, "in.csv", CSV);
        assertThat(o.passed()).isTrue();
        List<List<String>> rows = rows(dir.resolve("out"), ReadOptions.defaults().withFormat(io.warden.core.io.InputFormat.CSV));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("1", "<PERSON>", "*******************.com",
                "Called Maria on 2024, wrote to <EMAIL_ADDRESS>");
        assertThat(rows.get(1).get(3)).isEqualTo("multi\nline note, nothing sensitive");
        assertThat(o.manifest().stats().spansByEntity()).containsEntry("EMAIL_ADDRESS", 1L).containsEntry("DATE_TIME", 1L);
    }

    @Test
    void run_manifest_recordsHashesCountsAndParametersButNoValues() throws Exception {
        ProtectJob.Outcome o = run("""
                protect:
                  columns:
                    - fields: [email]
                      operator: mask
                      params: {keep: 4}
                """, "in.csv", CSV);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertThat(m.get("format").asText()).isEqualTo("warden-protect-manifest");
        assertThat(m.at("/input/sha256").asText()).isEqualTo(sha256(dir.resolve("in.csv")));
        assertThat(m.at("/output/sha256").asText()).isEqualTo(sha256(dir.resolve("out")));
        assertThat(m.at("/input/records").asLong()).isEqualTo(3);
        assertThat(m.at("/columns/0/params/keep").asInt()).isEqualTo(4);
        assertThat(m.at("/columns/0/cells").asLong()).isEqualTo(3);
        assertThat(m.at("/self_check").asText()).isEqualTo("passed");
        String text = Files.readString(dir.resolve("out.json"));
        assertThat(text).doesNotContain("maria").doesNotContain("Maria");
        assertThat(o.manifest().toString()).doesNotContain("maria");
    }

    @Test
    void run_entitySuppressRecord_dropsTheRecordsThatHoldIt() throws Exception {
        ProtectJob.Outcome o = run("""
                protect:
                  entities:
                    - entities: ["SECRET_*"]
                      operator: suppress
                      params: {scope: record}
                """, "in.csv", CSV);
        assertThat(o.manifest().outputRecords()).isEqualTo(2);
        assertThat(o.manifest().stats().recordsDroppedByEntity()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out"))).doesNotContain("AKIA");
    }

    @Test
    void run_shuffle_permutesTheColumnAndKeepsItsValues() throws Exception {
        StringBuilder csv = new StringBuilder("id,city\n");
        for (int i = 0; i < 200; i++) csv.append(i).append(",c").append(i % 17).append('\n');
        run("protect:\n  columns:\n    - fields: [city]\n      operator: shuffle\n", "in.csv", csv.toString());
        List<List<String>> before = rows(dir.resolve("in.csv"), ReadOptions.defaults());
        List<List<String>> after = rows(dir.resolve("out"), ReadOptions.defaults().withFormat(io.warden.core.io.InputFormat.CSV));
        List<String> a = before.stream().map(r -> r.get(1)).sorted().toList();
        List<String> b = after.stream().map(r -> r.get(1)).sorted().toList();
        assertThat(b).isEqualTo(a);
        assertThat(after.stream().map(r -> r.get(1)).toList()).isNotEqualTo(before.stream().map(r -> r.get(1)).toList());
        assertThat(after.stream().map(r -> r.get(0)).toList()).isEqualTo(before.stream().map(r -> r.get(0)).toList());
    }

    @Test
    void run_shuffle_permutesOnlyAmongRecordsThatHaveTheField() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            jsonl.append(i % 3 == 0 ? "{\"id\": " + i + "}\n" : "{\"id\": " + i + ", \"city\": \"c" + i + "\"}\n");
        }
        run("protect:\n  columns:\n    - fields: [city]\n      operator: shuffle\n", "in.jsonl", jsonl.toString());
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("in.jsonl"))) before.add(m.readTree(line).path("city").asText(null));
        for (String line : Files.readAllLines(dir.resolve("out"))) after.add(m.readTree(line).path("city").asText(null));
        for (int i = 0; i < 60; i++) assertThat(after.get(i) == null).isEqualTo(before.get(i) == null);
        assertThat(after.stream().filter(java.util.Objects::nonNull).sorted().toList())
                .isEqualTo(before.stream().filter(java.util.Objects::nonNull).sorted().toList());
    }

    @Test
    void run_fieldTwiceInOneJsonRecord_isRefusedForTableWideRules() {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a.b]\n      operator: shuffle\n",
                "in.jsonl", "{\"a.b\": 1, \"a\": {\"b\": 2}}\n{\"a.b\": 3}\n"))
                .hasMessageContaining("has field 'a.b' twice");
    }

    @Test
    void run_sensitiveColumnOfThePrivacyModel_stillGetsItsColumnRule() throws Exception {
        Path h = dir.resolve("h.csv");
        Files.writeString(h, "a;*\nb;*\n");
        StringBuilder csv = new StringBuilder("q,diag\n");
        for (int i = 0; i < 20; i++) csv.append(i % 2 == 0 ? "a" : "b").append(",flu").append(i).append('\n');
        run("""
                protect:
                  columns:
                    - fields: [diag]
                      operator: redact
                  privacy:
                    quasi_identifiers: {q: %s}
                    sensitive: diag
                    k: 2
                """.formatted(h), "in.csv", csv.toString());
        assertThat(Files.readString(dir.resolve("out"))).doesNotContain("flu");
    }

    @Test
    void run_columnSuppressWithRecordScope_andUnknownDateShiftSubject_areRejected() {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [email]\n      operator: suppress\n"
                + "      params: {scope: record}\n", "in.csv", CSV)).hasMessageContaining("works on entity rules only");
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [notes]\n      operator: date-shift\n"
                + "      params: {max_days: 5, subject: idd}\n", "in.csv", CSV))
                .hasMessageContaining("subject column 'idd' is not a field of the input");
    }

    @Test
    void run_selfCheckFindsWhatMustBeRemoved_keepsNothingAndNamesFieldAndEntity() throws Exception {
        // A replacement that is itself an e-mail address: the re-scan must catch it.
        ProtectJob.Outcome o = run("""
                protect:
                  entities:
                    - entities: [EMAIL_ADDRESS]
                      operator: replace
                      params: {text: "someone@example.com"}
                """, "in.csv", CSV);
        assertThat(o.passed()).isFalse();
        assertThat(o.leaks()).containsKey("notes: EMAIL_ADDRESS");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
    }

    @Test
    void run_text_rewritesSpansPerLine() throws Exception {
        ProtectJob.Outcome o = run("""
                protect:
                  entities:
                    - entities: ["*"]
                      operator: replace
                """, "in.txt", "Mail maria.jones@example.com today\n\nSSN 295-78-1200 on file\n");
        assertThat(o.passed()).isTrue();
        assertThat(Files.readString(dir.resolve("out")))
                .isEqualTo("Mail <EMAIL_ADDRESS> today\n\nSSN <US_SSN> on file\n");
    }

    @Test
    void run_malformedCsv_failsAndWritesNothing() throws Exception {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n",
                "in.csv", "a,b\n1,\"unterminated\n"))
                .isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
    }

    @Test
    void run_emptyInput_writesAnEmptyOutputAndManifest() throws Exception {
        ProtectJob.Outcome o = run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n", "in.csv", "");
        assertThat(o.manifest().inputRecords()).isZero();
        assertThat(Files.size(dir.resolve("out"))).isZero();
        assertThat(Files.exists(dir.resolve("out.json"))).isTrue();
    }

    @Test
    void run_columnRuleMatchingNoField_isATypoAndWritesNothing() throws Exception {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [emial]\n      operator: redact\n",
                "in.csv", CSV)).hasMessageContaining("protect.columns[0]: fields [emial] match no field of the input");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
    }

    @Test
    void new_entityRuleNamingNoKnownEntity_isRejected() {
        Policy p = PolicyLoader.parse("protect:\n  entities:\n    - entities: [EMAIL_ADRESS]\n      operator: redact\n"
                .getBytes(UTF_8), "p.yaml");
        assertThatThrownBy(() -> new ProtectJob(p, Analyzers.forPolicy(p), new OperatorFactory(dir, () -> KEYS),
                new TablePass())).hasMessageContaining("'EMAIL_ADRESS' matches no entity");
    }

    @Test
    void new_policyWithoutProtectSection_isRejected() {
        Policy p = Policy.defaults();
        assertThatThrownBy(() -> new ProtectJob(p, Analyzers.forPolicy(p), new OperatorFactory(dir, () -> KEYS), new TablePass()))
                .hasMessageContaining("no protect section");
    }

    @Test
    void run_jsonl_keepsStructureAndTypesAndRewritesNestedFields() throws Exception {
        ProtectJob.Outcome o = run("""
                protect:
                  columns:
                    - fields: [user.email]
                      operator: mask
                    - fields: [age]
                      operator: generalize
                      params: {bucket: 10}
                  entities:
                    - entities: [EMAIL_ADDRESS, PHONE_NUMBER]
                      operator: replace
                """, "in.jsonl", """
                {"id": 7, "score": 1.50, "ok": true, "none": null, "age": 37, "user": {"email": "a.b@example.com", "tags": ["x", 2]}, "body": "mail me at mj@mail.example.org"}

                {"id": 8, "msgs": [{"text": "call +1 305 774 8629"}, {"text": "fine"}], "empty": {}}
                """);
        assertThat(o.passed()).isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("out"));
        assertThat(lines).hasSize(2);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        assertThat(first.get("id").isInt()).isTrue();
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.get("none").isNull()).isTrue();
        assertThat(first.get("age").asText()).isEqualTo("30-39");
        assertThat(first.at("/user/email").asText()).isEqualTo("***************");
        assertThat(first.at("/user/tags/1").asInt()).isEqualTo(2);
        assertThat(first.get("body").asText()).isEqualTo("mail me at <EMAIL_ADDRESS>");
        JsonNode second = m.readTree(lines.get(1));
        assertThat(second.at("/msgs/0/text").asText()).isEqualTo("call <PHONE_NUMBER>");
        assertThat(second.get("empty").isObject()).isTrue();
        assertThat(o.manifest().inputRecords()).isEqualTo(2);
    }

    @Test
    void jsonLine_namesFieldsAsTheJsonlReaderDoes() throws Exception {
        String doc = "{\"a\": {\"b\": [1, {\"c\": \"x\"}, [true, null]], \"d.e\": 2.50}, \"f\": \"\", \"g\": -12}";
        Path in = dir.resolve("n.jsonl");
        Files.writeString(in, doc + "\n");
        Record fromReader;
        try (RecordReader r = Readers.open(in, ReadOptions.defaults())) {
            fromReader = r.next();
        }
        JsonLine line = JsonLine.parse(doc, 1);
        assertThat(line.names).isEqualTo(fromReader.names());
        assertThat(line.values).isEqualTo(fromReader.values());
        assertThat(line.rewrite(line.values)).isEqualTo(doc.replace(" ", "")); // numbers kept as written
    }

    @Test
    void run_jsonlBadLine_failsNamingThePhysicalLineAndWritesNothing() throws Exception {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n",
                "in.jsonl", "{\"a\": 1}\n\n{\"a\": \"secret\" oops}\n"))
                .isInstanceOf(WardenException.class)
                .hasMessageStartingWith("line 3: invalid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n",
                "in.jsonl", "{\"a\": 1, \"a\": 2}\n")).hasMessageContaining("a key appears twice");
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n",
                "in.jsonl", "[1, 2]\n")).hasMessageContaining("not an object");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.jsonl");
        }
    }

    @Test
    void run_jsonlHostileLines_failCleanly() throws Exception {
        String policy = "protect:\n  columns:\n    - fields: [a]\n      operator: redact\n";
        String deep = "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n";
        assertThatThrownBy(() -> run(policy, "deep.jsonl", deep)).isInstanceOf(WardenException.class)
                .hasMessageStartingWith("line 1: invalid JSON");
        Path in = dir.resolve("huge.jsonl");
        Files.writeString(in, "{\"a\": \"" + "x".repeat(5000) + "\"}\n");
        Policy p = PolicyLoader.parse(policy.getBytes(UTF_8), "p.yaml");
        ProtectJob job = new ProtectJob(p, Analyzers.forPolicy(p), new OperatorFactory(dir, () -> KEYS), new TablePass());
        assertThatThrownBy(() -> job.run(new ProtectJob.Request(in, ReadOptions.defaults().withMaxRecordBytes(1000),
                dir.resolve("o"), dir.resolve("o.json"), 1)))
                .isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.RECORD_TOO_LARGE));
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
        assertThatThrownBy(() -> run(policy, "bin.jsonl", "\u0000\u0001{\"a\":1}\n")).isInstanceOf(WardenException.class);
    }

    @Test
    void run_parquet_isRefusedClearly() {
        assertThatThrownBy(() -> run("protect:\n  columns:\n    - fields: [a]\n      operator: redact\n",
                "in.parquet", "PAR1")).hasMessageContaining("Parquet input is not supported yet");
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
